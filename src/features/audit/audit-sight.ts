// Whose events' words a reader of the audit trail may read. An event's before and after carry its record's own
// text — an enquiry's subject and the officer's answer, a group's decline reason, a member's reasons for asking
// for a paper, an exempt paper's summary — so they are shown only to a reader whom that record's own feature lets
// see it. Who did what to which record, and when, is shown to every reader of the trail.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CurrentUser } from '../../web/access.ts';
import { requestsSeenBy } from '../access-requests/access-request-access.ts';
import { briefingsSeenBy, offersSeenBy } from '../briefings/briefing-access.ts';
import { documentsDetailedTo } from '../documents/document-access.ts';
import { enquiriesSeenBy } from '../enquiries/enquiry-access.ts';
import type { StoredEvent } from './audit.repository.ts';

type SeenBy = (db: Kysely<Tables>, user: CurrentUser, ids: number[], day: string) => Promise<Set<number>>;

/** Records with restricted words, each asked of its own feature's access rule: the entity names appendAudit uses. */
const RESTRICTED: Record<string, SeenBy> = {
  enquiry: (db, user, ids) => enquiriesSeenBy(db, user, ids),
  briefing: briefingsSeenBy,
  'briefing-offer': offersSeenBy,
  'access-request': (db, user, ids) => requestsSeenBy(db, user, ids),
  document: documentsDetailedTo,
};

/**
 * Records whose events hold nothing a reader of the trail may not see elsewhere: accounts and tokens (the trail's
 * readers administer them), the directory, the council's settings and protocol, the routing table, meetings, and
 * the outbox's delivery errors, and the chain's own keying and rotation (counts and hashes). An entity in neither list is hidden until someone decides which it is.
 */
export const UNRESTRICTED: ReadonlySet<string> = new Set([
  'user', 'api_token', 'settings', 'council', 'protocol_document',
  'ward', 'service', 'body', 'body_seat', 'member', 'officer', 'statutory_role', 'political_group', 'political-group',
  'enquiry_route', 'meeting', 'outbox', 'audit',
]);

export const RESTRICTED_ENTITIES: readonly string[] = Object.keys(RESTRICTED);

type Event = Pick<StoredEvent, 'seq' | 'entity' | 'entity_id'>;

/** The events of a page whose before and after this reader may not read, by seq: one question per kind of record. */
export async function eventsHiddenFrom(db: Kysely<Tables>, user: CurrentUser, events: readonly Event[], day: string): Promise<Set<number>> {
  const idsOf = new Map<string, Set<number>>();
  for (const e of events) {
    if (!Object.hasOwn(RESTRICTED, e.entity) || e.entity_id === null || !/^\d{1,12}$/.test(e.entity_id)) continue;
    let ids = idsOf.get(e.entity);
    if (!ids) idsOf.set(e.entity, (ids = new Set()));
    ids.add(Number(e.entity_id));
  }
  const seen = new Map(await Promise.all([...idsOf].map(async ([entity, ids]) => [entity, await RESTRICTED[entity]!(db, user, [...ids], day)] as const)));
  const hidden = new Set<number>();
  for (const e of events) {
    if (UNRESTRICTED.has(e.entity)) continue;
    const visible = seen.get(e.entity);
    if (!visible || e.entity_id === null || !visible.has(Number(e.entity_id))) hidden.add(e.seq);
  }
  return hidden;
}
