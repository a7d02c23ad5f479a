// The council's document as pages show it: clauses under their headings, each with an anchor answers link to.
import type { CitedClause, CoverageReport, ProtocolClause } from '../../protocol/importer.ts';
import type { StoredDocument } from './protocol-document.repository.ts';

export function clauseAnchor(id: string): string {
  return `clause-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export type ClauseSection = { heading: string | null; clauses: (ProtocolClause & { anchor: string; cited: boolean })[] };

/** Consecutive clauses under the same heading make one section, in the document's order. */
export function documentSections(clauses: readonly ProtocolClause[], coverage: CoverageReport): ClauseSection[] {
  const cited = new Set(coverage.cited);
  const sections: ClauseSection[] = [];
  for (const clause of clauses) {
    const heading = clause.heading ?? null;
    let section = sections.at(-1);
    if (!section || section.heading !== heading) {
      section = { heading, clauses: [] };
      sections.push(section);
    }
    section.clauses.push({ ...clause, anchor: clauseAnchor(clause.id), cited: cited.has(clause.id) });
  }
  return sections;
}

export type QuotedClause = { cited: string; id: string; heading: string | null; text: string; href: string };

/** The clauses an answer cites that the council's document holds; a citation it lacks is left out. */
export function quotedClauses(found: readonly CitedClause[]): QuotedClause[] {
  return found.flatMap(({ cited, clause }) =>
    clause ? [{ cited, id: clause.id, heading: clause.heading ?? null, text: clause.text, href: `/protocol/document#${clauseAnchor(clause.id)}` }] : [],
  );
}

export function documentSummary(document: StoredDocument): string {
  const versions = document.versions.length ? `, ${document.versions.length} ${document.versions.length === 1 ? 'version' : 'versions'} in its table` : '';
  return `${document.clauseCount} ${document.clauseCount === 1 ? 'clause' : 'clauses'}${versions}`;
}
