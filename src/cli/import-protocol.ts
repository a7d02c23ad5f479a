// nolan import protocol <file.txt|.docx|.pdf> [--profile <base>]: a council's protocol document read into
// numbered clauses, with the coverage report against the profile's rules. Stores nothing.
import fs from 'node:fs';
import path from 'node:path';
import { clausesCitedBy, coverageReport } from '../protocol/importer.ts';
import { findFullProfile, PROFILES } from '../protocol/profiles/index.ts';
import { importProtocolDocument, UnreadableDocumentError } from '../features/protocol-import/read-document.ts';
import { parseOptions, UsageError } from './usage.ts';

export async function importProtocol(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseOptions(args, { profile: { type: 'string' }, json: { type: 'boolean' } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('file: give one protocol document (.txt, .docx or .pdf)');
  const profileId = values.profile ?? 'model';
  const profile = findFullProfile(profileId);
  if (!profile) throw new UsageError(`profile: unknown profile "${profileId}"; expected one of ${PROFILES.map((p) => p.id).join(', ')}`);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UsageError(`file: cannot read ${file}`);
  }
  let parsed;
  try {
    parsed = await importProtocolDocument(bytes, path.basename(file));
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw new UsageError(`file: ${error.message}`);
    throw error;
  }
  if (parsed.clauses.length === 0) throw new UsageError(`file: no numbered clauses found in ${file}`);
  const coverage = coverageReport(parsed, clausesCitedBy(profile));
  if (values.json) {
    out(JSON.stringify({ profile: profile.id, clauses: parsed.clauses, versions: parsed.versions, warnings: parsed.warnings, coverage }, null, 2));
    return 0;
  }
  out(`${parsed.clauses.length} clauses read from ${path.basename(file)}${parsed.versions.length ? `, with ${parsed.versions.length} versions` : ''}`);
  for (const warning of parsed.warnings) out(`warning: ${warning}`);
  out(`Against profile ${profile.id}:`);
  out(`  cited by a rule (${coverage.cited.length}): ${coverage.cited.join(', ') || 'none'}`);
  out(`  rule-bearing, cited by no rule yet (${coverage.uncited.length}): ${coverage.uncited.join(', ') || 'none'}`);
  out(`  cited but not in this document (${coverage.missing.length}): ${coverage.missing.join(', ') || 'none'}`);
  return 0;
}
