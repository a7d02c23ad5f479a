// All SQL about user accounts and their roles.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ROLES, type Role } from '../../web/access.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type UserRecord = {
  id: number;
  email: string;
  fullName: string;
  passwordHash: string | null;
  memberId: number | null;
  officerId: number | null;
  disabledAt: string | null;
  failedSignIns: number;
  lockedUntil: string | null;
  passwordChangedAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  roles: Role[];
};

const columns = [
  'id',
  'email',
  'full_name',
  'password_hash',
  'member_id',
  'officer_id',
  'disabled_at',
  'failed_sign_ins',
  'locked_until',
  'password_changed_at',
  'last_sign_in_at',
  'created_at',
] as const;

type Row = Pick<Tables['users'], (typeof columns)[number]> & { id: number; failed_sign_ins: number };

function toUser(row: Row, roles: string[]): UserRecord {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    passwordHash: row.password_hash,
    memberId: row.member_id,
    officerId: row.officer_id,
    disabledAt: row.disabled_at,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
    passwordChangedAt: row.password_changed_at,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    roles: ROLES.filter((r) => roles.includes(r)),
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function rolesOf(q: Q, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await q.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role]);
  return map;
}

export async function findUserByEmail(q: Q, email: string): Promise<UserRecord | undefined> {
  const row = await q.selectFrom('users').select(columns).where('email', '=', normaliseEmail(email)).executeTakeFirst();
  if (!row) return undefined;
  return toUser(row as Row, (await rolesOf(q, [row.id])).get(row.id) ?? []);
}

export async function findUserById(q: Q, id: number): Promise<UserRecord | undefined> {
  const row = await q.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toUser(row as Row, (await rolesOf(q, [row.id])).get(row.id) ?? []);
}

export async function listUsers(q: Q): Promise<UserRecord[]> {
  const rows = await q.selectFrom('users').select(columns).orderBy('full_name').orderBy('id').execute();
  const roles = await rolesOf(q, rows.map((r) => r.id));
  return rows.map((row) => toUser(row as Row, roles.get(row.id) ?? []));
}

export async function insertUser(
  q: Q,
  user: { email: string; fullName: string; passwordHash: string | null; memberId?: number | null; officerId?: number | null; roles: Role[] },
  at: string,
): Promise<number> {
  const { id } = await q
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      full_name: user.fullName,
      password_hash: user.passwordHash,
      member_id: user.memberId ?? null,
      officer_id: user.officerId ?? null,
      password_changed_at: user.passwordHash ? at : null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setRoles(q, id, user.roles);
  return id;
}

export async function setRoles(q: Q, userId: number, roles: Role[]): Promise<void> {
  await q.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Set(roles)];
  if (unique.length) await q.insertInto('user_roles').values(unique.map((role) => ({ user_id: userId, role }))).execute();
}

export async function updateUser(
  q: Q,
  id: number,
  changes: Partial<{
    full_name: string;
    password_hash: string | null;
    password_changed_at: string | null;
    disabled_at: string | null;
    failed_sign_ins: number;
    locked_until: string | null;
    last_sign_in_at: string | null;
    member_id: number | null;
    officer_id: number | null;
  }>,
): Promise<void> {
  await q.updateTable('users').set(changes).where('id', '=', id).execute();
}
