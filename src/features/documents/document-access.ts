// Who may see what of the document register: the one place that decides, for pages, files, the API and the
// public page alike. Non-open papers are for their custodians; a party group's own papers for that group alone;
// a member sees the entry of a paper of a body they sit on (so they can ask for it), and a paper itself only
// under a grant in force — with the grant's conditions, and only once they have confirmed its purpose.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CurrentUser, Power, Role } from '../../web/access.ts';
import { access } from '../../web/access.ts';
import type { DocumentEntry } from './document.types.ts';
import { grantsInForce } from './document-grants.ts';
import { findDocuments } from './document.repository.ts';

/** Those who keep the register: democratic services, admins, and the officers the law makes answerable for
 * access to information (the Monitoring Officer, and the Proper Officer of LGA 1972 s100B–s100D). */
export const CUSTODIAN_ROLES: Role[] = ['democratic-services', 'admin'];
export const CUSTODIAN_POWERS: Power[] = ['monitoring-officer', 'proper-officer'];
export const custodianAccess = access.anyOf(CUSTODIAN_ROLES, CUSTODIAN_POWERS);

/** A decided grant in force for one member and one document. download: false for view-only or in-office grants. */
export type DocumentGrant = { requestId: number; documentId: number; download: boolean; redactedOnly: boolean; confirmed: boolean; lastDay: string };

/** The reader as the register sees them. groupId: the party group of a member in office, or null. */
export type DocumentViewer =
  | { kind: 'public' }
  | { kind: 'signed-in'; custodian: boolean; groupId: number | null; bodyIds?: readonly number[]; grants?: readonly DocumentGrant[] };

/**
 * entry: the entry is listed and its page shows its title, body, meeting, classification and paragraph or ground.
 * details: also its summary, author, public-interest test, review date and the list of its files.
 * file: its files open in Nolan's viewer. download: they also download.
 * redactedOnly: only the versions marked redacted open. grant: the grant that gives the file, if one does; a grant
 * not yet confirmed gives the entry and the grant, but no file until the member confirms its purpose.
 * An entry not seen is absent everywhere; its page and file answer 404. A seen entry without file rights
 * answers 403 for its file.
 */
export type DocumentSight = { entry: boolean; details: boolean; file: boolean; download: boolean; redactedOnly: boolean; grant: DocumentGrant | null };

export type DocumentFacts = Pick<DocumentEntry, 'classification' | 'metadataPublic' | 'groupId'> & Partial<Pick<DocumentEntry, 'id' | 'bodyId'>>;

const NOTHING: DocumentSight = { entry: false, details: false, file: false, download: false, redactedOnly: false, grant: null };
const EVERYTHING: DocumentSight = { entry: true, details: true, file: true, download: true, redactedOnly: false, grant: null };
const METADATA_ONLY: DocumentSight = { entry: true, details: false, file: false, download: false, redactedOnly: false, grant: null };

function underGrant(grant: DocumentGrant): DocumentSight {
  if (!grant.confirmed) return { ...METADATA_ONLY, grant };
  // A redacted grant opens the redacted file alone: the summary may carry what the redaction took out.
  return { entry: true, details: !grant.redactedOnly, file: true, download: grant.download, redactedOnly: grant.redactedOnly, grant };
}

export function documentSight(viewer: DocumentViewer, document: DocumentFacts): DocumentSight {
  const signedIn = viewer.kind === 'signed-in';
  if (document.classification === 'group-internal') {
    // Never open to another group, whatever else is set (protocols' party-group confidentiality); no grant opens it.
    if (!signedIn) return NOTHING;
    return viewer.custodian || (viewer.groupId !== null && viewer.groupId === document.groupId) ? EVERYTHING : NOTHING;
  }
  if (signedIn && viewer.custodian) return EVERYTHING;
  if (document.classification === 'open') return EVERYTHING;
  // Exempt or confidential: the file only under a grant; otherwise at most the fact of the document, where the
  // council publishes it or the reader sits on its body.
  if (signedIn) {
    const grant = document.id === undefined ? undefined : viewer.grants?.find((g) => g.documentId === document.id);
    if (grant) return underGrant(grant);
    if (document.bodyId !== undefined && viewer.bodyIds?.includes(document.bodyId)) return METADATA_ONLY;
  }
  return document.metadataPublic ? METADATA_ONLY : NOTHING;
}

/** The viewer behind a request on a day: custodian by role or statutory power; a group, seats and grants only for a
 * member in office. */
export async function documentViewerOf(db: Kysely<Tables>, user: CurrentUser | null, day: string): Promise<DocumentViewer> {
  if (!user) return { kind: 'public' };
  const custodian = CUSTODIAN_ROLES.some((r) => user.roles.includes(r)) || CUSTODIAN_POWERS.some((p) => user.powers.includes(p));
  // resolveCurrentUser drops the member roles and memberId when a term has ended: a former member keeps no group's
  // papers, seats or grants.
  const inOffice = user.roles.includes('member') || user.roles.includes('group-leader');
  if (!inOffice || user.memberId === null) return { kind: 'signed-in', custodian, groupId: null };
  const member = await db.selectFrom('members').select('group_id').where('id', '=', user.memberId).executeTakeFirst();
  const seats = await db.selectFrom('body_seats').select('body_id').where('member_id', '=', user.memberId).execute();
  return { kind: 'signed-in', custodian, groupId: member?.group_id ?? null, bodyIds: seats.map((s) => s.body_id), grants: await grantsInForce(db, user.memberId, day) };
}

/** Of these entries, those whose details (summary, author, public-interest test) this person may read. */
export async function documentsDetailedTo(db: Kysely<Tables>, user: CurrentUser | null, ids: readonly number[], day: string): Promise<Set<number>> {
  const viewer = await documentViewerOf(db, user, day);
  return new Set((await findDocuments(db, ids)).filter((d) => documentSight(viewer, d).details).map((d) => d.id));
}
