// What the importer reads out of a council's protocol document.
import type { ProtocolVersionRow } from './version-table.ts';

export type { ProtocolVersionRow };

/**
 * One clause, cited the way the council cites it: "112", "1.7.2", "1.6.2(d)", "2.7(3)", "Guidance 2.1",
 * "10 (officers' expectations) (i)", "footnote 2".
 */
export type ProtocolClause = {
  id: string;
  /** The clause's words; a clause with sub-items keeps theirs too, one line each. */
  text: string;
  /** The heading it sits under: the nearest numbered heading above it, or the last unnumbered one. */
  heading?: string;
  /** The clause it belongs to: "1.6.2" for "1.6.2(d)", "1.7" for "1.7.2" where 1.7 exists. */
  parent?: string;
};

export type ParsedProtocol = {
  clauses: ProtocolClause[];
  /** The document's version table, oldest first as written; empty when it has none. */
  versions: ProtocolVersionRow[];
  /** What an administrator should check: gaps in the numbering, text that fits no clause, odd dates. */
  warnings: string[];
};
