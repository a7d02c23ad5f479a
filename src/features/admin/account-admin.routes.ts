// The account pages of the admin area: the list, inviting a person, and one account's roles, directory links,
// sign-in link and access. Administrators only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access, ROLES } from '../../web/access.ts';
import { formErrors, parseForm, type FormErrors } from '../../web/forms.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { actorOf } from '../../web/actor.ts';
import { idParam } from '../../web/params.ts';
import { findUserById } from '../accounts/users.repository.ts';
import { accountStatus, countSessions, findDirectoryChoice, listAccounts, memberChoices, officerChoices, openInvitation, type DirectoryChoice } from './account-admin.repository.ts';
import { changeAccountDisabled, changeAccountRoles, changeDirectoryLinks, inviteAccount, reissueInvitation, type Invitation } from './account-admin.service.ts';
import { accountFilter, inFormOrder, INVITE_FIELDS, inviteForm, linkProblems, linksForm, ROLE_DESCRIPTIONS, ROLE_NAMES, rolesForm } from './account-admin.forms.ts';

export const accountAdminAccess = access.roles('admin');

const DONE: Record<string, string> = {
  roles: 'Roles saved',
  links: 'Directory links saved',
  disabled: 'Account disabled: they have been signed out everywhere and their API tokens revoked',
  enabled: 'Account enabled',
};

type Item = { value: string; text: string; selected?: boolean; disabled?: boolean };

function choiceItems(choices: DirectoryChoice[], selected: number | null | undefined, userId: number | null, noneText: string): Item[] {
  return [
    { value: '', text: noneText, selected: selected === null || selected === undefined },
    ...choices.map((c) => {
      const taken = c.linkedUserId !== null && c.linkedUserId !== userId;
      return { value: String(c.id), text: `${c.name}${c.detail ? ` – ${c.detail}` : ''}${taken ? ' (has an account)' : ''}`, selected: c.id === selected, disabled: taken };
    }),
  ];
}

function roleItems(checked: readonly string[]) {
  return ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role], hint: { text: ROLE_DESCRIPTIONS[role] }, checked: checked.includes(role) }));
}

function invitationLink(deps: Deps, invitation: Invitation): string {
  return `${deps.config.baseUrl}/invitation/${invitation.token}`;
}

export function registerAccountAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const who = { config: { access: accountAdminAccess } };
  const now = () => deps.clock.now().toISOString();

  app.get('/admin/users', { config: { ...who.config, formText: ['q'] } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const parsed = parseForm(accountFilter, query);
    const filter = parsed.ok ? parsed.value : { q: String(query.q ?? ''), role: '' as const, status: '' as const };
    const accounts = parsed.ok ? await listAccounts(deps.db.kysely, { text: filter.q || undefined, role: filter.role || undefined, status: filter.status || undefined }, now()) : [];
    const filtered = Boolean(filter.q || filter.role || filter.status);
    return reply.code(parsed.ok ? 200 : 400).page('admin/views/users.njk', { title: 'Accounts', accounts, filter, filtered, roleNames: ROLE_NAMES, errors: parsed.ok ? undefined : parsed.errors });
  });

  async function renderInvite(reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors): Promise<FastifyReply> {
    const [members, officers] = await Promise.all([memberChoices(deps.db.kysely), officerChoices(deps.db.kysely)]);
    const selected = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
    return reply.code(errors ? 400 : 200).page('admin/views/user-new.njk', {
      title: 'Invite a person',
      values,
      errors,
      roleItems: roleItems(Array.isArray(values.roles) ? values.roles.map(String) : typeof values.roles === 'string' ? [values.roles] : []),
      memberItems: choiceItems(members, selected(values.memberId), null, 'Not a member'),
      officerItems: choiceItems(officers, selected(values.officerId), null, 'Not an officer'),
    });
  }

  app.get('/admin/users/new', who, async (_request, reply) => renderInvite(reply, {}));

  app.post('/admin/users/new', { config: { ...who.config, formText: ['email', 'fullName'] } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = parseForm(inviteForm, body);
    const links = linkProblems(body);
    if (!parsed.ok || links.length) return renderInvite(reply, body, formErrors(inFormOrder([...(parsed.ok ? [] : parsed.fields), ...links], INVITE_FIELDS)));
    try {
      const invitation = await inviteAccount(deps, actorOf(request), parsed.value);
      return reply.page('admin/views/user-invited.njk', { title: 'Invitation ready', person: parsed.value, userId: invitation.userId, link: invitationLink(deps, invitation), expiresAt: invitation.expiresAt, isNew: true });
    } catch (error) {
      if (error instanceof ValidationError) return renderInvite(reply, body, formErrors(error.fields));
      throw error;
    }
  });

  async function renderAccount(reply: FastifyReply, userId: number, extra: { errors?: FormErrors; flash?: string; roles?: string[] } = {}): Promise<FastifyReply> {
    const q = deps.db.kysely;
    const user = await findUserById(q, userId);
    if (!user) throw new NotFoundError('Account');
    const [members, officers, member, officer, invitation, sessions] = await Promise.all([
      memberChoices(q),
      officerChoices(q),
      user.memberId === null ? undefined : findDirectoryChoice(q, 'member', user.memberId),
      user.officerId === null ? undefined : findDirectoryChoice(q, 'officer', user.officerId),
      openInvitation(q, user.id, now()),
      countSessions(q, user.id),
    ]);
    return reply.code(extra.errors ? 400 : 200).page('admin/views/user.njk', {
      title: user.fullName,
      account: { ...user, passwordHash: undefined, status: accountStatus(user, now()), memberName: member?.name, officerName: officer?.name, roleNames: user.roles.map((r) => ROLE_NAMES[r]) },
      invitation,
      sessions,
      isSelf: reply.request.user?.id === user.id,
      roleItems: roleItems(extra.roles ?? user.roles),
      memberItems: choiceItems(members, user.memberId, user.id, 'Not linked to a member'),
      officerItems: choiceItems(officers, user.officerId, user.id, 'Not linked to an officer'),
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  app.get('/admin/users/:id', who, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return renderAccount(reply, idParam(request, 'Account'), { flash: typeof done === 'string' ? DONE[done] : undefined });
  });

  /** Runs a change; a ValidationError shows the account page again with the error summary. */
  async function change(request: FastifyRequest, reply: FastifyReply, done: string, work: (userId: number) => Promise<void>, roles?: string[]) {
    const userId = idParam(request, 'Account');
    try {
      await work(userId);
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(reply, userId, { errors: formErrors(error.fields), roles });
      throw error;
    }
    return reply.redirect(`/admin/users/${userId}?done=${done}`, 303);
  }

  app.post('/admin/users/:id/roles', who, async (request, reply) => {
    const parsed = parseForm(rolesForm, request.body);
    if (!parsed.ok) return renderAccount(reply, idParam(request, 'Account'), { errors: parsed.errors });
    return change(request, reply, 'roles', (id) => changeAccountRoles(deps, actorOf(request), id, parsed.value.roles), parsed.value.roles);
  });

  app.post('/admin/users/:id/links', who, async (request, reply) => {
    const parsed = parseForm(linksForm, request.body);
    if (!parsed.ok) return renderAccount(reply, idParam(request, 'Account'), { errors: parsed.errors });
    return change(request, reply, 'links', (id) => changeDirectoryLinks(deps, actorOf(request), id, parsed.value));
  });

  app.post('/admin/users/:id/disable', who, async (request, reply) => change(request, reply, 'disabled', (id) => changeAccountDisabled(deps, actorOf(request), id, true)));
  app.post('/admin/users/:id/enable', who, async (request, reply) => change(request, reply, 'enabled', (id) => changeAccountDisabled(deps, actorOf(request), id, false)));

  app.post('/admin/users/:id/invitation', who, async (request, reply) => {
    const userId = idParam(request, 'Account');
    try {
      const invitation = await reissueInvitation(deps, actorOf(request), userId);
      const user = await findUserById(deps.db.kysely, userId);
      return reply.page('admin/views/user-invited.njk', { title: 'New sign-in link ready', person: user, userId, link: invitationLink(deps, invitation), expiresAt: invitation.expiresAt, isNew: false });
    } catch (error) {
      if (error instanceof ValidationError) return renderAccount(reply, userId, { errors: formErrors(error.fields) });
      throw error;
    }
  });
}
