// Finding the clauses an answer cites in a council's own document, however the citation is spaced or cased.
import { citationKey } from './coverage.ts';
import type { ProtocolClause } from './types.ts';
import type { Profile } from '../types.ts';

export type CitedClause = { cited: string; clause: ProtocolClause | undefined };

/** Each cited id once, in the order first cited, with the document's clause where it has one. */
export function citedClauses(clauses: readonly ProtocolClause[], citedIds: readonly string[]): CitedClause[] {
  const byKey = new Map<string, ProtocolClause>();
  for (const clause of clauses) if (!byKey.has(citationKey(clause.id))) byKey.set(citationKey(clause.id), clause);
  const seen = new Set<string>();
  const found: CitedClause[] = [];
  for (const id of citedIds) {
    const key = citationKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ cited: id, clause: byKey.get(key) });
  }
  return found;
}

/** Every clause a profile cites: its rules' and its parameters'. The coverage report is read against these. */
export function clausesCitedBy(profile: Profile): string[] {
  return [...new Set([...profile.rules.flatMap((r) => r.clauses), ...profile.parameters.flatMap((p) => p.values.map((v) => v.clause))])];
}
