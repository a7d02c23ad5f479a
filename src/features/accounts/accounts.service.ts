// Signing in and out, passwords, accounts and their roles. Every change is audited in its own transaction.
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { appendAudit, type Actor } from '../audit/audit.repository.ts';
import type { Role } from '../../web/access.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { findUserByEmail, findUserById, insertUser, normaliseEmail, setRoles, updateUser, type UserRecord } from './users.repository.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import { insertToken, revokeToken } from './tokens.repository.ts';
import { sha256 } from '../../web/session.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const INVITATION_DAYS = 7;

type AccountDeps = Pick<Deps, 'db' | 'clock'>;

export type SignInResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil?: string };

// Verifying against a real hash when the account does not exist keeps the response time the same.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

export async function signIn(deps: AccountDeps, email: string, password: string, actor: Omit<Actor, 'userId' | 'label'>): Promise<SignInResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const user = await findUserByEmail(db.kysely, email);
  if (!user || user.disabledAt || !user.passwordHash) {
    await verifyPassword(password, await decoyHash);
    return { ok: false, reason: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) return { ok: false, reason: 'locked', lockedUntil: user.lockedUntil };
  const valid = await verifyPassword(password, user.passwordHash);
  const who: Actor = { ...actor, userId: user.id, label: user.email };
  if (!valid) {
    const failures = user.failedSignIns + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS;
    const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    await db.kysely.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { failed_sign_ins: lock ? 0 : failures, locked_until: lockedUntil });
      await appendAudit(trx, db.dialect, who, { action: lock ? 'account.locked' : 'account.sign-in-failed', entity: 'user', entityId: user.id, after: { failures, lockedUntil } }, now);
    });
    return lock ? { ok: false, reason: 'locked', lockedUntil: lockedUntil ?? undefined } : { ok: false, reason: 'invalid' };
  }
  await db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { failed_sign_ins: 0, locked_until: null, last_sign_in_at: now.toISOString() });
    await appendAudit(trx, db.dialect, who, { action: 'account.signed-in', entity: 'user', entityId: user.id }, now);
  });
  return { ok: true, user };
}

export type NewAccount = {
  email: string;
  fullName: string;
  roles: Role[];
  password?: string | undefined;
  memberId?: number | null;
  officerId?: number | null;
};

function checkAccount(account: NewAccount): void {
  const problems = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(account.email.trim())) problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.gov.uk' });
  if (!account.fullName.trim()) problems.push({ field: 'fullName', message: 'Enter the person’s full name' });
  if (account.roles.includes('member') && !account.memberId) problems.push({ field: 'memberId', message: 'A member account must be linked to a member in the directory' });
  if (account.roles.includes('group-leader') && !account.memberId) problems.push({ field: 'memberId', message: 'A group leader account must be linked to a member in the directory' });
  if (account.roles.includes('officer') && !account.officerId) problems.push({ field: 'officerId', message: 'An officer account must be linked to an officer in the directory' });
  if (account.password !== undefined) {
    const problem = passwordProblem(account.password, { email: account.email });
    if (problem) problems.push({ field: 'password', message: problem });
  }
  if (problems.length) throw new ValidationError(problems);
}

/** Creates an account. Without a password the person is invited: the returned link lets them set one. */
export async function createAccount(deps: AccountDeps, actor: Actor, account: NewAccount): Promise<{ id: number; invitationToken: string | null }> {
  checkAccount(account);
  const { db, clock } = deps;
  const now = clock.now();
  if (await findUserByEmail(db.kysely, account.email)) throw new ValidationError([{ field: 'email', message: `An account already exists for ${normaliseEmail(account.email)}` }]);
  const passwordHash = account.password === undefined ? null : await hashPassword(account.password);
  const invitationToken = passwordHash ? null : randomBytes(24).toString('base64url');
  const id = await db.kysely.transaction().execute(async (trx) => {
    const id = await insertUser(trx, { ...account, passwordHash }, now.toISOString());
    if (invitationToken) {
      await trx
        .insertInto('invitations')
        .values({
          token_hash: sha256(invitationToken),
          user_id: id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        })
        .execute();
    }
    await appendAudit(trx, db.dialect, actor, {
      action: invitationToken ? 'account.invited' : 'account.created',
      entity: 'user',
      entityId: id,
      after: { email: normaliseEmail(account.email), fullName: account.fullName, roles: account.roles, memberId: account.memberId ?? null, officerId: account.officerId ?? null },
    }, now);
    return id;
  });
  return { id, invitationToken };
}

export async function acceptInvitation(deps: AccountDeps, token: string, password: string): Promise<UserRecord> {
  const { db, clock } = deps;
  const now = clock.now().toISOString();
  const invitation = await db.kysely.selectFrom('invitations').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!invitation || invitation.used_at || invitation.expires_at < now) throw new NotFoundError('Invitation');
  const user = await findUserById(db.kysely, invitation.user_id);
  if (!user || user.disabledAt) throw new NotFoundError('Invitation');
  const problem = passwordProblem(password, { email: user.email, name: user.fullName });
  if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
  const hash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    const used = await trx.updateTable('invitations').set({ used_at: now }).where('token_hash', '=', invitation.token_hash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new ConflictError('This invitation has already been used');
    await updateUser(trx, user.id, { password_hash: hash, password_changed_at: now });
    await appendAudit(trx, db.dialect, { userId: user.id, label: user.email }, { action: 'account.invitation-accepted', entity: 'user', entityId: user.id }, clock.now());
  });
  return user;
}

/** Changing a password ends every session of the account, this one included. */
export async function changePassword(deps: AccountDeps, actor: Actor, userId: number, current: string, next: string): Promise<void> {
  const { db, clock } = deps;
  const user = await findUserById(db.kysely, userId);
  if (!user) throw new NotFoundError('Account');
  const problems = [];
  if (!(await verifyPassword(current, user.passwordHash))) problems.push({ field: 'currentPassword', message: 'Your current password is not correct' });
  const problem = passwordProblem(next, { email: user.email, name: user.fullName });
  if (problem) problems.push({ field: 'newPassword', message: problem });
  else if (next === current) problems.push({ field: 'newPassword', message: 'Your new password must be different from your current password' });
  if (problems.length) throw new ValidationError(problems);
  const hash = await hashPassword(next);
  await db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { password_hash: hash, password_changed_at: clock.now().toISOString() });
    const ended = await deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, db.dialect, actor, { action: 'account.password-changed', entity: 'user', entityId: userId, after: { sessionsEnded: ended } }, clock.now());
  });
}

export async function signOutEverywhere(deps: AccountDeps, actor: Actor, userId: number): Promise<number> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const ended = await deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, deps.db.dialect, actor, { action: 'account.signed-out', entity: 'user', entityId: userId, after: { sessionsEnded: ended } }, deps.clock.now());
    return ended;
  });
}

export async function setAccountDisabled(deps: AccountDeps, actor: Actor, userId: number, disabled: boolean): Promise<void> {
  const { db, clock } = deps;
  const user = await findUserById(db.kysely, userId);
  if (!user) throw new NotFoundError('Account');
  if (!!user.disabledAt === disabled) return;
  await db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { disabled_at: disabled ? clock.now().toISOString() : null });
    if (disabled) {
      await deleteSessionsOfUser(trx, userId);
      await trx.updateTable('api_tokens').set({ revoked_at: clock.now().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    }
    await appendAudit(trx, db.dialect, actor, { action: disabled ? 'account.disabled' : 'account.enabled', entity: 'user', entityId: userId, before: { disabledAt: user.disabledAt } }, clock.now());
  });
}

export async function changeRoles(deps: AccountDeps, actor: Actor, userId: number, roles: Role[]): Promise<void> {
  const { db, clock } = deps;
  const user = await findUserById(db.kysely, userId);
  if (!user) throw new NotFoundError('Account');
  checkAccount({ email: user.email, fullName: user.fullName, roles, memberId: user.memberId, officerId: user.officerId });
  await db.kysely.transaction().execute(async (trx) => {
    await setRoles(trx, userId, roles);
    await appendAudit(trx, db.dialect, actor, { action: 'account.roles-changed', entity: 'user', entityId: userId, before: { roles: user.roles }, after: { roles } }, clock.now());
  });
}

/** Issues an API token; the secret is shown once and only its hash is kept. */
export async function issueApiToken(deps: AccountDeps, actor: Actor, userId: number, name: string): Promise<{ id: number; token: string }> {
  const { db, clock } = deps;
  if (!name.trim()) throw new ValidationError([{ field: 'name', message: 'Enter a name for the token, such as the system that will use it' }]);
  const token = `nolan_${randomBytes(30).toString('base64url')}`;
  const id = await db.kysely.transaction().execute(async (trx) => {
    const id = await insertToken(trx, { userId, name: name.trim().slice(0, 100), hash: sha256(token), prefix: token.slice(0, 12), at: clock.now().toISOString() });
    await appendAudit(trx, db.dialect, actor, { action: 'api-token.issued', entity: 'api_token', entityId: id, after: { userId, name: name.trim() } }, clock.now());
    return id;
  });
  return { id, token };
}

export async function withdrawApiToken(deps: AccountDeps, actor: Actor, userId: number, tokenId: number): Promise<void> {
  const { db, clock } = deps;
  await db.kysely.transaction().execute(async (trx) => {
    if (!(await revokeToken(trx, tokenId, userId, clock.now().toISOString()))) throw new NotFoundError('API token');
    await appendAudit(trx, db.dialect, actor, { action: 'api-token.revoked', entity: 'api_token', entityId: tokenId }, clock.now());
  });
}
