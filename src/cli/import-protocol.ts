// nolan import protocol <file.txt|.docx|.pdf> [--profile <base>] [--json] [--save]: a council's protocol document
// read into numbered clauses, with the coverage report against the profile's rules. With --save it becomes the
// council's protocol document (read against the council's own profile), quoted beside every answer.
import fs from 'node:fs';
import path from 'node:path';
import { clausesCitedBy, coverageReport, type CoverageReport, type ParsedProtocol } from '../protocol/importer.ts';
import { findFullProfile, PROFILES } from '../protocol/profiles/index.ts';
import { importProtocolDocument, UnreadableDocumentError } from '../features/protocol-import/read-document.ts';
import { councilProfileId, importCouncilProtocol } from '../features/protocol-document/protocol-document.service.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UsageError(`file: cannot read ${file}`);
  }
}

async function parse(bytes: Uint8Array, file: string): Promise<ParsedProtocol> {
  try {
    return await importProtocolDocument(bytes, path.basename(file));
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw new UsageError(`file: ${error.message}`);
    throw error;
  }
}

export async function importProtocol(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseOptions(args, { profile: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'boolean' } });
  const out = context.out;
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('file: give one protocol document (.txt, .docx or .pdf)');
  const councilProfile = values.save ? await councilProfileId(context) : undefined;
  if (councilProfile && values.profile && values.profile !== councilProfile) {
    throw new UsageError(`profile: --save reads the document against the council's own profile (${councilProfile}); leave out --profile`);
  }
  const profileId = councilProfile ?? values.profile ?? 'model';
  const profile = findFullProfile(profileId);
  if (!profile) throw new UsageError(`profile: unknown profile "${profileId}"; expected one of ${PROFILES.map((p) => p.id).join(', ')}`);
  const bytes = readBytes(file);
  const parsed = await parse(bytes, file);
  if (parsed.clauses.length === 0) throw new UsageError(`file: no numbered clauses found in ${file}`);
  const coverage = coverageReport(parsed, clausesCitedBy(profile));
  const saved = values.save ? (await importCouncilProtocol(context, context.actor, { fileName: path.basename(file), content: bytes })).document.id : undefined;
  if (values.json) {
    out(JSON.stringify({ profile: profile.id, clauses: parsed.clauses, versions: parsed.versions, warnings: parsed.warnings, coverage, ...(saved ? { savedAs: saved } : {}) }, null, 2));
    return 0;
  }
  out(`${parsed.clauses.length} clauses read from ${path.basename(file)}${parsed.versions.length ? `, with ${parsed.versions.length} versions` : ''}`);
  for (const warning of parsed.warnings) out(`warning: ${warning}`);
  printCoverage(out, profile.id, coverage);
  if (saved) out(`Saved as the council's protocol document: answers now show these clauses' own words.`);
  return 0;
}

function printCoverage(out: (line: string) => void, profileId: string, coverage: CoverageReport): void {
  out(`Against profile ${profileId}:`);
  out(`  cited by a rule (${coverage.cited.length}): ${coverage.cited.join(', ') || 'none'}`);
  out(`  rule-bearing, cited by no rule yet (${coverage.uncited.length}): ${coverage.uncited.join(', ') || 'none'}`);
  out(`  cited but not in this document (${coverage.missing.length}): ${coverage.missing.join(', ') || 'none'}`);
}
