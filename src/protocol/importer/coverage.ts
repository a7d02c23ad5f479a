// Which of a protocol's clauses the rules cite, which rule-bearing clauses no rule cites yet, and which
// citations point at nothing: what an administrator reviews after importing the council's document.
import type { ParsedProtocol, ProtocolClause } from './types.ts';

export type CoverageReport = {
  /** Cited clauses that the document has, in the document's order. */
  cited: string[];
  /** Clauses that say what someone must, should or may do, and that no rule cites. */
  uncited: string[];
  /** Citations of clauses the document does not have. */
  missing: string[];
};

const RULE_WORDS = /\b(?:must|should|shall|will|may|expected|normally|not|never|cannot)\b|n['’]t\b/i;

/** A clause that binds or permits someone; headings and definitions do neither. */
export function isRuleBearing(clause: ProtocolClause): boolean {
  if (clause.heading && /^(?:definitions?|interpretation)$/i.test(clause.heading.trim())) return false;
  return RULE_WORDS.test(clause.text);
}

/** Citations are compared without regard to case, spacing or a closing full stop: "10 (F)" is 10(f). */
export function citationKey(id: string): string {
  return id.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, '').replace(/\.$/, '');
}

/** "1.6.2(d)" is a sub-item of 1.6.2 and part of its text; "1.7.2" is a clause of its own under 1.7. */
function isSubItem(clause: ProtocolClause): boolean {
  return clause.parent !== undefined && (clause.id.startsWith(`${clause.parent}(`) || clause.id.startsWith(`${clause.parent} (`));
}

export function coverageReport(parsed: ParsedProtocol, citedClauseIds: readonly string[]): CoverageReport {
  const known = new Set(parsed.clauses.map((c) => citationKey(c.id)));
  const citedKeys = new Set(citedClauseIds.map(citationKey));
  const subItems = new Map<string, ProtocolClause[]>();
  for (const clause of parsed.clauses) {
    if (isSubItem(clause)) subItems.set(clause.parent!, [...(subItems.get(clause.parent!) ?? []), clause]);
  }
  const isCited = (c: ProtocolClause) => citedKeys.has(citationKey(c.id));
  const citedWithin = (c: ProtocolClause): boolean => isCited(c) || (subItems.get(c.id) ?? []).some(citedWithin);
  const uncited: string[] = [];
  // Citing a clause covers its sub-items. Where only some sub-items are cited, the others are listed
  // one by one; where none is, the clause is listed once for all of them.
  const review = (c: ProtocolClause): void => {
    if (isCited(c)) return;
    const items = subItems.get(c.id) ?? [];
    if (items.some(citedWithin)) items.forEach(review);
    else if (isRuleBearing(c)) uncited.push(c.id);
  };
  parsed.clauses.filter((c) => !isSubItem(c)).forEach(review);
  return {
    cited: parsed.clauses.filter(isCited).map((c) => c.id),
    uncited,
    missing: [...new Set(citedClauseIds.filter((id) => !known.has(citationKey(id))))],
  };
}
