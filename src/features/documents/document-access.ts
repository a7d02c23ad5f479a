// Who may see what of the document register: the one place that decides, for pages, files, the API and the
// public page alike. Until members can ask for access and be granted it, the rule is the strictest safe one:
// non-open papers are for their custodians, and a party group's own papers for that group alone.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CurrentUser, Power, Role } from '../../web/access.ts';
import { access } from '../../web/access.ts';
import type { DocumentEntry } from './document.types.ts';

/** Those who keep the register: democratic services, admins, and the officers the law makes answerable for
 * access to information (the Monitoring Officer, and the Proper Officer of LGA 1972 s100B–s100D). */
export const CUSTODIAN_ROLES: Role[] = ['democratic-services', 'admin'];
export const CUSTODIAN_POWERS: Power[] = ['monitoring-officer', 'proper-officer'];
export const custodianAccess = access.anyOf(CUSTODIAN_ROLES, CUSTODIAN_POWERS);

/** The reader as the register sees them. groupId: the party group of a member in office, or null. */
export type DocumentViewer =
  | { kind: 'public' }
  | { kind: 'signed-in'; custodian: boolean; groupId: number | null };

/**
 * entry: the entry is listed and its page shows its title, body, meeting, classification and paragraph or ground.
 * details: also its summary, author, public-interest test, review date and the list of its files.
 * file: its files download.
 * An entry not seen is absent everywhere; its page and file answer 404. A seen entry without file rights
 * answers 403 for its file.
 */
export type DocumentSight = { entry: boolean; details: boolean; file: boolean };

export type DocumentFacts = Pick<DocumentEntry, 'classification' | 'metadataPublic' | 'groupId'>;

const NOTHING: DocumentSight = { entry: false, details: false, file: false };
const EVERYTHING: DocumentSight = { entry: true, details: true, file: true };
const METADATA_ONLY: DocumentSight = { entry: true, details: false, file: false };

export function documentSight(viewer: DocumentViewer, document: DocumentFacts): DocumentSight {
  const signedIn = viewer.kind === 'signed-in';
  if (document.classification === 'group-internal') {
    // Never open to another group, whatever else is set (protocols' party-group confidentiality).
    if (!signedIn) return NOTHING;
    return viewer.custodian || (viewer.groupId !== null && viewer.groupId === document.groupId) ? EVERYTHING : NOTHING;
  }
  if (signedIn && viewer.custodian) return EVERYTHING;
  if (document.classification === 'open') return EVERYTHING;
  // Exempt or confidential: at most the fact of the document, where the council has chosen to publish it.
  return document.metadataPublic ? METADATA_ONLY : NOTHING;
}

/** The viewer behind a request: custodian by role or statutory power; a group only for a member in office. */
export async function documentViewerOf(db: Kysely<Tables>, user: CurrentUser | null): Promise<DocumentViewer> {
  if (!user) return { kind: 'public' };
  const custodian = CUSTODIAN_ROLES.some((r) => user.roles.includes(r)) || CUSTODIAN_POWERS.some((p) => user.powers.includes(p));
  // resolveCurrentUser drops the member roles when a term has ended: a former member keeps no group's papers.
  const inOffice = user.roles.includes('member') || user.roles.includes('group-leader');
  let groupId: number | null = null;
  if (inOffice && user.memberId !== null) {
    const member = await db.selectFrom('members').select('group_id').where('id', '=', user.memberId).executeTakeFirst();
    groupId = member?.group_id ?? null;
  }
  return { kind: 'signed-in', custodian, groupId };
}
