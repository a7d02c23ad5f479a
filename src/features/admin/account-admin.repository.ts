// SQL for administering accounts: the list with its filter, the directory records an account can be linked
// to, and sign-in links (invitations) for existing accounts.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ROLES, type Role } from '../../web/access.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export const ACCOUNT_STATUSES = ['active', 'invited', 'locked', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** One rule for status, used for the filter's SQL and for a single account: disabled, then locked, then invited. */
export function accountStatus(user: { disabledAt: string | null; lockedUntil: string | null; passwordHash: string | null }, now: string): AccountStatus {
  if (user.disabledAt) return 'disabled';
  if (user.lockedUntil && user.lockedUntil > now) return 'locked';
  if (!user.passwordHash) return 'invited';
  return 'active';
}

export type AccountFilter = { text?: string | undefined; role?: Role | undefined; status?: AccountStatus | undefined };

export type AccountSummary = {
  id: number;
  email: string;
  fullName: string;
  roles: Role[];
  memberId: number | null;
  memberName: string | null;
  officerId: number | null;
  officerName: string | null;
  status: AccountStatus;
  lastSignInAt: string | null;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listAccounts(q: Q, filter: AccountFilter, now: string): Promise<AccountSummary[]> {
  let query = q
    .selectFrom('users as u')
    .leftJoin('members as m', 'm.id', 'u.member_id')
    .leftJoin('officers as o', 'o.id', 'u.officer_id')
    .select(['u.id', 'u.email', 'u.full_name', 'u.password_hash', 'u.disabled_at', 'u.locked_until', 'u.last_sign_in_at', 'u.member_id', 'u.officer_id', 'm.full_name as member_name', 'o.full_name as officer_name']);
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text.toLowerCase())}%`;
    query = query.where((eb) => eb.or([sql<boolean>`lower(u.full_name) like ${pattern} escape '\\'`, sql<boolean>`lower(u.email) like ${pattern} escape '\\'`]));
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) => eb.exists(eb.selectFrom('user_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').where('r.role', '=', role)));
  }
  const notLocked = sql<boolean>`(u.locked_until is null or u.locked_until <= ${now})`;
  switch (filter.status) {
    case 'disabled':
      query = query.where('u.disabled_at', 'is not', null);
      break;
    case 'locked':
      query = query.where('u.disabled_at', 'is', null).where('u.locked_until', '>', now);
      break;
    case 'invited':
      query = query.where('u.disabled_at', 'is', null).where(notLocked).where('u.password_hash', 'is', null);
      break;
    case 'active':
      query = query.where('u.disabled_at', 'is', null).where(notLocked).where('u.password_hash', 'is not', null);
      break;
  }
  const rows = await query.orderBy('u.full_name').orderBy('u.id').execute();
  const roleRows = rows.length ? await q.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', rows.map((r) => r.id)).execute() : [];
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    roles: ROLES.filter((role) => roleRows.some((r) => r.user_id === row.id && r.role === role)),
    memberId: row.member_id,
    memberName: row.member_name,
    officerId: row.officer_id,
    officerName: row.officer_name,
    status: accountStatus({ disabledAt: row.disabled_at, lockedUntil: row.locked_until, passwordHash: row.password_hash }, now),
    lastSignInAt: row.last_sign_in_at,
  }));
}

/** A member or officer an account can be linked to, and the account already linked to them, if any. */
export type DirectoryChoice = { id: number; name: string; detail: string; linkedUserId: number | null };

export async function memberChoices(q: Q): Promise<DirectoryChoice[]> {
  const rows = await q
    .selectFrom('members as m')
    .leftJoin('wards as w', 'w.id', 'm.ward_id')
    .leftJoin('users as u', 'u.member_id', 'm.id')
    .select(['m.id', 'm.full_name', 'w.name as ward', 'm.term_end', 'u.id as user_id'])
    .orderBy('m.full_name')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.full_name, detail: r.ward ?? '', linkedUserId: r.user_id }));
}

export async function officerChoices(q: Q): Promise<DirectoryChoice[]> {
  const rows = await q
    .selectFrom('officers as o')
    .leftJoin('users as u', 'u.officer_id', 'o.id')
    .select(['o.id', 'o.full_name', 'o.job_title', 'o.left_on', 'u.id as user_id'])
    .orderBy('o.full_name')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.full_name, detail: r.left_on ? `${r.job_title}, left ${r.left_on}` : r.job_title, linkedUserId: r.user_id }));
}

export async function findDirectoryChoice(q: Q, kind: 'member' | 'officer', id: number): Promise<DirectoryChoice | undefined> {
  const choice =
    kind === 'member'
      ? await q.selectFrom('members as m').leftJoin('users as u', 'u.member_id', 'm.id').select(['m.id', 'm.full_name as name', 'u.id as user_id']).where('m.id', '=', id).executeTakeFirst()
      : await q.selectFrom('officers as o').leftJoin('users as u', 'u.officer_id', 'o.id').select(['o.id', 'o.full_name as name', 'u.id as user_id']).where('o.id', '=', id).executeTakeFirst();
  return choice && { id: choice.id, name: choice.name, detail: '', linkedUserId: choice.user_id };
}

export type OpenInvitation = { createdAt: string; expiresAt: string };

/** The newest sign-in link that can still be used, if any. */
export async function openInvitation(q: Q, userId: number, now: string): Promise<OpenInvitation | undefined> {
  const row = await q
    .selectFrom('invitations')
    .select(['created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { createdAt: row.created_at, expiresAt: row.expires_at };
}

/** Earlier links stop working when a new one is made: only the newest link sent can set a password. */
export async function withdrawOpenInvitations(q: Q, userId: number, now: string): Promise<number> {
  // Just before now: a link is good while now is not after its expiry.
  const expired = new Date(Date.parse(now) - 1).toISOString();
  const result = await q.updateTable('invitations').set({ expires_at: expired }).where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertInvitation(q: Q, invitation: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
  await q.insertInto('invitations').values({ token_hash: invitation.tokenHash, user_id: invitation.userId, created_at: invitation.createdAt, expires_at: invitation.expiresAt }).execute();
}

export async function countSessions(q: Q, userId: number): Promise<number> {
  const row = await q.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}
