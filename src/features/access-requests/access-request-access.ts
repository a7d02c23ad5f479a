// Who may do what with an access request: the member who asked (while in office), the officer whose office
// decides it, the Monitoring Officer for advice, and the register's custodians, who see every request.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CurrentUser } from '../../web/access.ts';
import { CUSTODIAN_POWERS, CUSTODIAN_ROLES } from '../documents/document-access.ts';
import { findAccessRequests } from './access-request.repository.ts';
import type { AccessRequest } from './access-request.types.ts';
import { DECIDER_POWER } from './local-decider.ts';

export function inOfficeMember(user: CurrentUser | null): user is CurrentUser & { memberId: number } {
  return user !== null && user.memberId !== null && (user.roles.includes('member') || user.roles.includes('group-leader'));
}

export function isRequester(user: CurrentUser | null, r: Pick<AccessRequest, 'memberId'>): boolean {
  return inOfficeMember(user) && user.memberId === r.memberId;
}

export function mayDecide(user: CurrentUser | null, r: Pick<AccessRequest, 'decider'>): boolean {
  return user !== null && user.powers.includes(DECIDER_POWER[r.decider]);
}

export function mayAdvise(user: CurrentUser | null): boolean {
  return user !== null && user.powers.includes('monitoring-officer');
}

/** Those who keep the register, and whoever holds an office that decides access. */
export function seesEveryRequest(user: CurrentUser | null): boolean {
  return user !== null && (CUSTODIAN_ROLES.some((r) => user.roles.includes(r)) || CUSTODIAN_POWERS.some((p) => user.powers.includes(p)) || user.powers.includes('head-of-paid-service'));
}

export function maySeeRequest(user: CurrentUser | null, r: Pick<AccessRequest, 'memberId' | 'decider'>): boolean {
  // A former member still reads their own past requests; only acting on them ends with the term.
  return user !== null && ((user.memberRecordId !== null && user.memberRecordId === r.memberId) || seesEveryRequest(user) || mayDecide(user, r));
}

/** Information is given as the decider's reasons say: its member reads them once they confirm the purpose (115). */
export function reasonsHeldFrom(user: CurrentUser | null, r: Pick<AccessRequest, 'documentId' | 'status' | 'purposeConfirmedAt' | 'decider'>): boolean {
  return r.documentId === null && r.status === 'granted' && r.purposeConfirmedAt === null && !seesEveryRequest(user) && !mayDecide(user, r);
}

/** Of these requests, the ones whose words and reasons this person may read, for a few at once. */
export async function requestsSeenBy(q: Kysely<Tables> | Transaction<Tables>, user: CurrentUser, ids: readonly number[]): Promise<Set<number>> {
  return new Set((await findAccessRequests(q, ids)).filter((r) => maySeeRequest(user, r) && !reasonsHeldFrom(user, r)).map((r) => r.id));
}
