// A member's grants in force: the decided access requests that open a document's file to them. Read here, beside
// the access rule, so that the rule has one source; the access-requests feature writes them.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { DocumentGrant } from './document-access.ts';

/** The day before the term ends: a member's rights end on the day their term of office ends. */
function lastDayOfTerm(termEnd: string): string {
  return new Date(Date.parse(`${termEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The last day a grant opens the file: its own end date if it has one, and never past the member's term. */
export function grantLastDay(untilOn: string | null, termEnd: string): string {
  const termLast = lastDayOfTerm(termEnd);
  return untilOn !== null && untilOn < termLast ? untilOn : termLast;
}

export async function grantsInForce(db: Kysely<Tables>, memberId: number, day: string): Promise<DocumentGrant[]> {
  const rows = await db
    .selectFrom('access_requests as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['r.id', 'r.document_id', 'r.view_only', 'r.in_office', 'r.redacted_only', 'r.purpose_confirmed_at', 'r.until_on', 'm.term_end'])
    .where('r.member_id', '=', memberId)
    .where('r.status', '=', 'granted')
    .where('r.document_id', 'is not', null)
    .orderBy('r.decided_at', 'desc')
    .execute();
  const grants: DocumentGrant[] = [];
  for (const r of rows) {
    const lastDay = grantLastDay(r.until_on, r.term_end);
    if (r.document_id === null || day > lastDay || grants.some((g) => g.documentId === r.document_id)) continue;
    grants.push({ requestId: r.id, documentId: r.document_id, download: !r.view_only && !r.in_office, redactedOnly: Boolean(r.redacted_only), confirmed: r.purpose_confirmed_at !== null, lastDay });
  }
  return grants;
}

/** The member's latest request for a document, so its page links to it rather than offering to ask again. */
export async function latestRequestFor(db: Kysely<Tables>, memberId: number, documentId: number): Promise<{ id: number; status: string } | undefined> {
  return db.selectFrom('access_requests').select(['id', 'status']).where('member_id', '=', memberId).where('document_id', '=', documentId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}
