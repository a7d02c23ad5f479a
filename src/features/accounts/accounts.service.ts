// Signing in and out, passwords, accounts and their roles. Every change is audited in its own transaction.
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import type { Role } from '../../web/access.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { findUserByEmail, findUserById, insertUser, normaliseEmail, setRoles, updateUser, type UserRecord } from './users.repository.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import { insertToken, revokeToken } from './tokens.repository.ts';
import { sha256 } from '../../web/session.ts';

export { FAILURE_WINDOW_MS, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn, type SignInResult } from './sign-in.service.ts';
export const INVITATION_DAYS = 7;

type AccountDeps = Pick<Deps, 'db' | 'clock'>;

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

/** How long a token lasts unless its owner chooses otherwise, and the longest it may last. */
export const TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

/** Issues an API token that expires after `days`; the secret is shown once and only its hash is kept. */
export async function issueApiToken(deps: AccountDeps, actor: Actor, userId: number, name: string, days: number = TOKEN_DAYS): Promise<{ id: number; token: string; expiresAt: string }> {
  const { db, clock } = deps;
  const problems = [];
  if (!name.trim()) problems.push({ field: 'name', message: 'Enter a name for the token, such as the system that will use it' });
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) problems.push({ field: 'days', message: `A token must expire after a whole number of days from 1 to ${MAX_TOKEN_DAYS}` });
  if (problems.length) throw new ValidationError(problems);
  const token = `nolan_${randomBytes(30).toString('base64url')}`;
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  const id = await db.kysely.transaction().execute(async (trx) => {
    const id = await insertToken(trx, { userId, name: name.trim().slice(0, 100), hash: sha256(token), prefix: token.slice(0, 12), at: now.toISOString(), expiresAt });
    await appendAudit(trx, db.dialect, actor, { action: 'api-token.issued', entity: 'api_token', entityId: id, after: { userId, name: name.trim(), expiresAt } }, now);
    return id;
  });
  return { id, token, expiresAt };
}

export async function withdrawApiToken(deps: AccountDeps, actor: Actor, userId: number, tokenId: number): Promise<void> {
  const { db, clock } = deps;
  await db.kysely.transaction().execute(async (trx) => {
    if (!(await revokeToken(trx, tokenId, userId, clock.now().toISOString()))) throw new NotFoundError('API token');
    await appendAudit(trx, db.dialect, actor, { action: 'api-token.revoked', entity: 'api_token', entityId: tokenId }, clock.now());
  });
}
