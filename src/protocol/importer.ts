// The protocol-document importer: a council's protocol, as plain text, read into its numbered clauses
// (with their own numbering), its version table, and warnings for an administrator to check. Pure:
// the files themselves are read in features/protocol-import.
import { ClauseBuilder } from './importer/clause-builder.ts';
import { sourceLines } from './importer/source-lines.ts';
import type { ParsedProtocol } from './importer/types.ts';
import { readVersionTable } from './importer/version-table.ts';

export type { ParsedProtocol, ProtocolClause, ProtocolVersionRow } from './importer/types.ts';
export { citedClauses, clausesCitedBy, type CitedClause } from './importer/citations.ts';
export { citationKey, coverageReport, isRuleBearing, type CoverageReport } from './importer/coverage.ts';

export function parseProtocol(text: string): ParsedProtocol {
  // A form feed is a page break: a paragraph break as far as the clauses are concerned.
  // A Markdown link, as exports write cited Acts, is just its words; it may wrap onto a second line.
  const plain = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1');
  const physical = plain.split('\n');
  const table = readVersionTable(physical);
  const builder = new ClauseBuilder();
  for (const line of sourceLines(physical.map((line, i) => (table.tableLines.has(i) ? '' : line)))) builder.add(line);
  const clauses = builder.finish();
  return { clauses, versions: table.versions, warnings: [...table.warnings, ...builder.warnings] };
}
