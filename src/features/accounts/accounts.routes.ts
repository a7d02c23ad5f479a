// Sign-in, sign-out, your account (password, API tokens) and accepting an invitation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { formErrors, parseForm } from '../../web/forms.ts';
import { clearSessionCookie } from '../../web/session.ts';
import { startSession } from './session-store.ts';
import { ValidationError } from '../../errors.ts';
import { renderProblem } from '../../web/errors.ts';
import { idFromParam } from '../../web/params.ts';
import { actorOf } from '../../web/actor.ts';
import { acceptInvitation, changePassword, issueApiToken, signIn, signOutEverywhere, TOKEN_DAYS, withdrawApiToken } from './accounts.service.ts';
import { deleteSession } from './sessions.repository.ts';
import { listTokensOfUser, type TokenRecord } from './tokens.repository.ts';
import { formatDateTime } from '../../web/format.ts';
import { text } from '../../web/text.ts';

/** Only same-site paths may follow sign-in, never another host. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/';
}

const signInForm = z.object({
  email: text('Email').trim().min(1, 'Enter your email address'),
  password: text('Password').min(1, 'Enter your password'),
  next: text('Next').optional(),
});

const passwordForm = z.object({
  currentPassword: text('Current password').min(1, 'Enter your current password'),
  newPassword: text('New password').min(1, 'Enter a new password'),
  confirmPassword: text('Confirm new password'),
});

/** The periods a person may choose for a token to last, in days. */
const TOKEN_PERIODS = ['30', '90', '180', '365'] as const;

const tokenForm = z.object({
  name: text('Name', { required: 'Enter a name for the token, such as the system that will use it', max: 100, tooLong: 'The name must be 100 characters or fewer', singleLine: true }),
  days: z.enum(TOKEN_PERIODS, { message: 'Choose when the token expires: after 30, 90, 180 or 365 days' }).default(String(TOKEN_DAYS) as '90'),
});

type TokenRow = TokenRecord & { status: 'Active' | 'Expired' | 'Revoked' };

function tokenRows(tokens: TokenRecord[], now: string): TokenRow[] {
  return tokens.map((token) => ({ ...token, status: token.revokedAt ? 'Revoked' : !token.expiresAt || token.expiresAt <= now ? 'Expired' : 'Active' }));
}

/**
 * Tokens are issued and revoked only by a person signed in with a browser, whose form carries its CSRF token:
 * otherwise a leaked token could issue itself successors that outlive its revocation.
 */
async function browserSessionOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.user?.via === 'session') return;
  await renderProblem(request, reply, {
    status: 403,
    title: 'You cannot do that',
    paragraphs: ['API tokens are issued and revoked from your account page, signed in with a browser, and never with an API token.'],
  });
}

export function registerAccountRoutes(app: FastifyInstance, deps: Deps): void {
  const accountPage = async (reply: FastifyReply, userId: number, extra: Record<string, unknown> = {}) => {
    const tokens = tokenRows(await listTokensOfUser(deps.db.kysely, userId), deps.clock.now().toISOString());
    return reply.page('accounts/views/account.njk', { title: 'Your account', tokens, tokenPeriods: TOKEN_PERIODS, values: { days: String(TOKEN_DAYS) }, ...extra });
  };

  app.get('/sign-in', { config: { access: access.public } }, async (request, reply) => {
    if (request.user) return reply.redirect('/', 303);
    const query = request.query as Record<string, string | undefined>;
    return reply.page('accounts/views/sign-in.njk', { title: 'Sign in', next: safeNext(query.next), values: {}, notice: query.notice });
  });

  app.post(
    '/sign-in',
    { config: { access: access.public, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(signInForm, request.body);
      const body = (request.body ?? {}) as Record<string, string>;
      const render = (errors: ReturnType<typeof formErrors>) =>
        reply.code(400).page('accounts/views/sign-in.njk', { title: 'Sign in', errors, values: { email: body.email }, next: safeNext(body.next) });
      if (!parsed.ok) return render(parsed.errors);
      const result = await signIn(deps, parsed.value.email, parsed.value.password, { ip: request.ip, requestId: request.id });
      if (!result.ok) {
        const message =
          result.reason === 'locked'
            ? `Too many failed attempts: this account is locked until ${formatDateTime(result.lockedUntil ?? '')}. Try again then, or ask your administrator.`
            : 'Enter a correct email address and password';
        return render(formErrors([{ field: 'email', message }]));
      }
      await startSession(deps, request, reply, result.user.id);
      return reply.redirect(safeNext(parsed.value.next), 303);
    },
  );

  app.get('/sign-out', { config: { access: access.signedIn } }, async (_request, reply) =>
    reply.page('accounts/views/sign-out.njk', { title: 'Sign out' }),
  );

  app.post('/sign-out', { config: { access: access.signedIn } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    if (body.everywhere === 'yes' && request.user) await signOutEverywhere(deps, actorOf(request), request.user.id);
    else if (request.sessionIdHash) await deleteSession(deps.db.kysely, request.sessionIdHash);
    clearSessionCookie(deps, reply);
    return reply.redirect('/sign-in?notice=signed-out', 303);
  });

  app.get('/account', { config: { access: access.signedIn } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return accountPage(reply, request.user!.id, { flash: query.done === 'token-revoked' ? 'The API token has been revoked' : undefined });
  });

  app.post('/account/password', { config: { access: access.signedIn, formText: Object.keys(passwordForm.shape) } }, async (request, reply) => {
    const user = request.user!;
    const parsed = parseForm(passwordForm, request.body);
    const renderErrors = (errors: ReturnType<typeof formErrors>) => accountPage(reply.code(400), user.id, { errors });
    if (!parsed.ok) return renderErrors(parsed.errors);
    if (parsed.value.newPassword !== parsed.value.confirmPassword) {
      return renderErrors(formErrors([{ field: 'confirmPassword', message: 'The passwords do not match' }]));
    }
    try {
      await changePassword(deps, actorOf(request), user.id, parsed.value.currentPassword, parsed.value.newPassword);
    } catch (error) {
      if (error instanceof ValidationError) return renderErrors(formErrors(error.fields));
      throw error;
    }
    clearSessionCookie(deps, reply);
    return reply.redirect('/sign-in?notice=password-changed', 303);
  });

  app.post('/account/tokens', { config: { access: access.signedIn, formText: ['name'] }, preValidation: browserSessionOnly }, async (request, reply) => {
    const user = request.user!;
    const body = (request.body ?? {}) as Record<string, string>;
    const values = { name: body.name, days: body.days ?? String(TOKEN_DAYS) };
    const parsed = parseForm(tokenForm, request.body);
    if (!parsed.ok) return accountPage(reply.code(400), user.id, { errors: parsed.errors, values });
    try {
      const issued = await issueApiToken(deps, actorOf(request), user.id, parsed.value.name, Number(parsed.value.days));
      return accountPage(reply, user.id, { newToken: issued.token });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return accountPage(reply.code(400), user.id, { errors: formErrors(error.fields), values });
    }
  });

  app.post('/account/tokens/:id/revoke', { config: { access: access.signedIn }, preValidation: browserSessionOnly }, async (request, reply) => {
    // An id past the database's integer range is answered as no such token, not put to the database.
    const id = idFromParam((request.params as { id: string }).id);
    await withdrawApiToken(deps, actorOf(request), request.user!.id, id ?? -1);
    return reply.redirect('/account?done=token-revoked', 303);
  });

  app.get('/invitation/:token', { config: { access: access.public } }, async (request, reply) =>
    reply.page('accounts/views/invitation.njk', { title: 'Set your password', token: (request.params as { token: string }).token }),
  );

  app.post('/invitation/:token', { config: { access: access.public, rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const body = (request.body ?? {}) as Record<string, string>;
    const render = (fields: { field: string; message: string }[]) =>
      reply.code(400).page('accounts/views/invitation.njk', { title: 'Set your password', token, errors: formErrors(fields) });
    if ((body.password ?? '') !== (body.confirmPassword ?? '')) return render([{ field: 'confirmPassword', message: 'The passwords do not match' }]);
    try {
      const user = await acceptInvitation(deps, token, body.password ?? '');
      await startSession(deps, request, reply, user.id);
      return reply.redirect('/', 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(error.fields);
      throw error;
    }
  });
}
