// nolan import <what> …: bringing the council's records in from files. Each kind of import is a subcommand.
//   nolan import members <file> [--term-ends YYYY-MM-DD]   members CSV or modern.gov GetCouncillorsByWard XML
//   nolan import committees <file>                          committees CSV or modern.gov GetCommittees XML
//   nolan import protocol <file> [--profile <id>] [--save]  a protocol document read into clauses, with coverage
// A file with any problem is not imported at all: each problem is one line on stderr, and the exit code is 2.
import fs from 'node:fs';
import path from 'node:path';
import { readDate } from '../features/import/dates.ts';
import { describeProblem, FORMAT_NAMES, type ImportKind } from '../features/import/import.records.ts';
import { ImportRejected, importDirectoryFile, summariseImport } from '../features/import/import.service.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';
import { importProtocol } from './import-protocol.ts';

const usage = `Usage:
  nolan import members <file.csv|file.xml> [--term-ends YYYY-MM-DD]
  nolan import committees <file.csv|file.xml>
  nolan import protocol <file.txt|file.docx|file.pdf> [--profile <id>] [--json] [--save]
CSV with a header row, or the XML of modern.gov's GetCouncillorsByWard or GetCommittees. --term-ends gives
the day terms end where the file gives no end date ("unspecified"), usually the next ordinary election.
--save keeps the protocol document as the council's own, so that answers show each cited clause's words.`;

type Subcommand = (args: string[], context: CliContext) => Promise<number>;

function readFileOrFail(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`file: cannot read ${file} (${why})`);
  }
}

async function importDirectory(kind: ImportKind, args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, kind === 'members' ? { 'term-ends': { type: 'string' } } : {});
  const termEnds = (values as { 'term-ends'?: string })['term-ends'];
  if (positionals.length !== 1) throw new UsageError(`give one file to import\n${usage}`);
  const file = positionals[0]!;
  const termEndsOn = termEnds === undefined ? undefined : readDate(termEnds);
  if (termEndsOn === null) throw new UsageError(`--term-ends: expected a date like 2027-05-06, got "${termEnds}"`);
  const content = readFileOrFail(file);
  const fileName = path.basename(file);
  try {
    const report = await importDirectoryFile(context, context.actor, { kind, fileName, content, termEndsOn });
    context.out(`Imported ${kind} from ${fileName} (${FORMAT_NAMES[report.format]}): ${summariseImport(report)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    for (const problem of error.problems) process.stderr.write(`${fileName}: ${describeProblem(problem)}\n`);
    const count = error.problems.length;
    process.stderr.write(`nolan import ${kind}: nothing was imported; ${count} ${count === 1 ? 'problem' : 'problems'} in ${fileName}\n`);
    return 2;
  }
}

const subcommands: Record<string, Subcommand> = {
  members: (args, context) => importDirectory('members', args, context),
  committees: (args, context) => importDirectory('committees', args, context),
  protocol: (args, context) => importProtocol(args, context),
};

export const importCommand = {
  summary: 'import members or committees (CSV, modern.gov XML), or read a protocol document into clauses',
  async run(args: string[], context: CliContext): Promise<number> {
    const [what, ...rest] = args;
    const subcommand = what ? subcommands[what] : undefined;
    if (!subcommand) throw new UsageError(what ? `unknown import "${what}"; expected one of ${Object.keys(subcommands).join(', ')}\n${usage}` : usage);
    return subcommand(rest, context);
  },
};
