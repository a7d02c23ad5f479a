// nolan users create|disable|enable|list|token: accounts from the command line.
import { ROLES, type Role } from '../web/access.ts';
import { createAccount, issueApiToken, MAX_TOKEN_DAYS, setAccountDisabled, TOKEN_DAYS } from '../features/accounts/accounts.service.ts';
import { findUserByEmail, listUsers } from '../features/accounts/users.repository.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';

const usage = `Usage:
  nolan users create --email <email> --name <full name> --role <role> [--role <role> …]
                     [--member-id <id>] [--officer-id <id>] [--password-stdin]
  nolan users disable <email>
  nolan users enable <email>
  nolan users list [--json]
  nolan users token <email> [--name <token name>] [--days <days until it expires, 1 to ${MAX_TOKEN_DAYS}; ${TOKEN_DAYS} if not given>]
Roles: ${ROLES.join(', ')}. Without --password-stdin the person is invited and the link is printed.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function idOption(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

async function userOrFail(context: CliContext, email: string | undefined) {
  if (!email) throw new UsageError('an email address is required');
  const user = await findUserByEmail(context.db.kysely, email);
  if (!user) throw new UsageError(`no account with email ${email}`);
  return user;
}

export const usersCommand = {
  summary: 'create, disable, enable and list accounts; issue API tokens',
  async run(args: string[], context: CliContext): Promise<number> {
    const [action, ...rest] = args;
    const deps = { db: context.db, clock: context.clock };
    switch (action) {
      case 'create': {
        const { values } = parseOptions(rest, {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', multiple: true },
          'member-id': { type: 'string' },
          'officer-id': { type: 'string' },
          'password-stdin': { type: 'boolean' },
        }, false);
        if (!values.email) throw new UsageError('--email is required');
        if (!values.name) throw new UsageError('--name is required');
        const roles = values.role ?? [];
        const unknown = roles.find((r) => !(ROLES as readonly string[]).includes(r));
        if (unknown) throw new UsageError(`--role "${unknown}" is not a role; expected one of ${ROLES.join(', ')}`);
        const password = values['password-stdin'] ? await readStdin() : undefined;
        const created = await createAccount(deps, context.actor, {
          email: values.email,
          fullName: values.name,
          roles: roles as Role[],
          password,
          memberId: idOption(values['member-id'], 'member-id'),
          officerId: idOption(values['officer-id'], 'officer-id'),
        });
        context.out(`Created account ${created.id} for ${values.email.toLowerCase()}`);
        if (created.invitationToken) context.out(`Invitation link (valid 7 days): ${context.config.baseUrl}/invitation/${created.invitationToken}`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const user = await userOrFail(context, rest[0]);
        await setAccountDisabled(deps, context.actor, user.id, action === 'disable');
        context.out(`${action === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}`);
        return 0;
      }
      case 'list': {
        const { values } = parseOptions(rest, { json: { type: 'boolean' } }, false);
        const users = await listUsers(context.db.kysely);
        const rows = users.map((u) => ({
          id: u.id,
          email: u.email,
          fullName: u.fullName,
          roles: u.roles,
          memberId: u.memberId,
          officerId: u.officerId,
          disabled: u.disabledAt !== null,
          invited: u.passwordHash === null,
          lastSignInAt: u.lastSignInAt,
        }));
        if (values.json) context.out(JSON.stringify(rows, null, 2));
        else for (const r of rows) context.out(`${String(r.id).padStart(4)}  ${r.email.padEnd(40)} ${r.roles.join(',').padEnd(30)} ${r.disabled ? 'disabled' : r.invited ? 'invited' : 'active'}`);
        return 0;
      }
      case 'token': {
        const { values, positionals } = parseOptions(rest, { name: { type: 'string' }, days: { type: 'string' } });
        const days = idOption(values.days, 'days') ?? TOKEN_DAYS;
        if (days < 1 || days > MAX_TOKEN_DAYS) throw new UsageError(`--days must be from 1 to ${MAX_TOKEN_DAYS}, got ${days}`);
        const user = await userOrFail(context, positionals[0]);
        if (user.disabledAt) throw new UsageError(`${user.email} is disabled`);
        const issued = await issueApiToken(deps, context.actor, user.id, values.name ?? 'command line', days);
        context.out(issued.token);
        return 0;
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"\n${usage}` : usage);
    }
  },
};
