// What an administrator does to other people's accounts: invite, change roles and directory links, send a new
// sign-in link, disable and enable. Each change is audited in the transaction that makes it (here or in
// accounts.service.ts); the guards below keep an administrator from locking themselves out.
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import type { Role } from '../../web/access.ts';
import { sha256 } from '../../web/session.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { changeRoles, createAccount, INVITATION_DAYS, setAccountDisabled } from '../accounts/accounts.service.ts';
import { findUserById, updateUser } from '../accounts/users.repository.ts';
import { deleteSessionsOfUser } from '../accounts/sessions.repository.ts';
import { findDirectoryChoice, insertInvitation, withdrawOpenInvitations } from './account-admin.repository.ts';

type AdminDeps = Pick<Deps, 'db' | 'clock'>;

export type Invitation = { userId: number; token: string; expiresAt: string };

export type DirectoryLinks = { memberId: number | null; officerId: number | null };

/** A member or officer can be linked to one account only: the database refuses a second, so say so first. */
async function checkLinks(deps: AdminDeps, links: DirectoryLinks, userId: number | null): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const [kind, field, id] of [['member', 'memberId', links.memberId], ['officer', 'officerId', links.officerId]] as const) {
    if (id === null) continue;
    const choice = await findDirectoryChoice(deps.db.kysely, kind, id);
    if (!choice) problems.push({ field, message: `Select a ${kind} from the list` });
    else if (choice.linkedUserId !== null && choice.linkedUserId !== userId) problems.push({ field, message: `${choice.name} already has an account: select another ${kind}, or change that account` });
  }
  return problems;
}

/** Creates an account without a password; the returned link lets the person set one. */
export async function inviteAccount(deps: AdminDeps, actor: Actor, account: { email: string; fullName: string; roles: Role[] } & DirectoryLinks): Promise<Invitation> {
  const problems = await checkLinks(deps, account, null);
  if (problems.length) throw new ValidationError(problems);
  const created = await createAccount(deps, actor, { ...account, password: undefined });
  const expiresAt = new Date(deps.clock.now().getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  return { userId: created.id, token: created.invitationToken ?? '', expiresAt };
}

async function existingUser(deps: AdminDeps, userId: number) {
  const user = await findUserById(deps.db.kysely, userId);
  if (!user) throw new NotFoundError('Account');
  return user;
}

export async function changeAccountRoles(deps: AdminDeps, actor: Actor, userId: number, roles: Role[]): Promise<void> {
  const user = await existingUser(deps, userId);
  if (actor.userId === userId && user.roles.includes('admin') && !roles.includes('admin')) {
    throw new ValidationError([{ field: 'roles', message: 'You cannot remove your own admin role. Ask another administrator to do it.' }]);
  }
  // The roles form sits beside the directory record form: say which to use first.
  const problems: FieldError[] = [];
  const memberRole = roles.find((r) => r === 'member' || r === 'group-leader');
  if (memberRole && user.memberId === null) problems.push({ field: 'memberId', message: `Link a member under Directory record, and save it, before giving the ${memberRole} role` });
  if (roles.includes('officer') && user.officerId === null) problems.push({ field: 'officerId', message: 'Link an officer under Directory record, and save it, before giving the officer role' });
  if (problems.length) throw new ValidationError(problems);
  await changeRoles(deps, actor, userId, roles);
}

export async function changeAccountDisabled(deps: AdminDeps, actor: Actor, userId: number, disabled: boolean): Promise<void> {
  await existingUser(deps, userId);
  if (disabled && actor.userId === userId) {
    throw new ValidationError([{ field: 'access', message: 'You cannot disable your own account. Ask another administrator to do it.' }]);
  }
  await setAccountDisabled(deps, actor, userId, disabled);
}

export async function changeDirectoryLinks(deps: AdminDeps, actor: Actor, userId: number, links: DirectoryLinks): Promise<void> {
  const user = await existingUser(deps, userId);
  const problems = await checkLinks(deps, links, userId);
  const needsMember = user.roles.find((r) => r === 'member' || r === 'group-leader');
  if (needsMember && links.memberId === null) problems.push({ field: 'memberId', message: `A ${needsMember} account must stay linked to a member: remove the ${needsMember} role first` });
  if (user.roles.includes('officer') && links.officerId === null) problems.push({ field: 'officerId', message: 'An officer account must stay linked to an officer: remove the officer role first' });
  if (problems.length) throw new ValidationError(problems);
  if (user.memberId === links.memberId && user.officerId === links.officerId) return;
  await deps.db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { member_id: links.memberId, officer_id: links.officerId });
    await appendAudit(trx, deps.db.dialect, actor, {
      action: 'account.directory-links-changed',
      entity: 'user',
      entityId: userId,
      before: { memberId: user.memberId, officerId: user.officerId },
      after: links,
    }, deps.clock.now());
  });
}

/**
 * A fresh sign-in link for an existing account, to accept an invitation that expired or to set a new password.
 * Earlier links stop working, and the person is signed out everywhere: whoever holds the new link decides the
 * password. Their current password keeps working until the link is used.
 */
export async function reissueInvitation(deps: AdminDeps, actor: Actor, userId: number): Promise<Invitation> {
  const user = await existingUser(deps, userId);
  if (user.disabledAt) throw new ValidationError([{ field: 'invitation', message: 'This account is disabled: enable it before sending a new sign-in link' }]);
  if (actor.userId === userId) throw new ValidationError([{ field: 'invitation', message: 'To change your own password, use Your account' }]);
  const now = deps.clock.now();
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const withdrawn = await withdrawOpenInvitations(trx, userId, now.toISOString());
    await insertInvitation(trx, { tokenHash: sha256(token), userId, createdAt: now.toISOString(), expiresAt });
    const sessionsEnded = await deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, deps.db.dialect, actor, {
      action: 'account.invitation-reissued',
      entity: 'user',
      entityId: userId,
      after: { expiresAt, earlierLinksWithdrawn: withdrawn, sessionsEnded },
    }, now);
  });
  return { userId, token, expiresAt };
}
