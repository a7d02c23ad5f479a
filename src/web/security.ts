// Security plugins: cookies, CSRF on every form, Helmet with a strict CSP, rate limits, and the access check.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { Deps } from '../deps.ts';
import { allows } from './access.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { rememberingSigner } from './cookie-signer.ts';
import { isApi, renderProblem } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** CSRF tokens are tied to the session, so a token from before sign-in is no good after it. */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.sessionIdHash ?? 'anonymous';
}

export async function installSecurity(app: FastifyInstance, deps: Deps): Promise<void> {
  const secure = deps.config.secureCookies;
  await app.register(cookie, { secret: rememberingSigner(deps.sessionSecret) });
  installSecurityHeaders(app, { secure });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: secure ? '__Host-nolan-csrf' : 'nolan-csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure, signed: true },
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: deps.sessionSecret, userInfo: true },
  });
  await app.register(rateLimit, { global: false });

  // Every route declares who may use it (config.access); one without a declaration is refused. It runs before
  // validation, so that a caller who may not use a route learns that, not what is wrong with their input.
  app.addHook('preValidation', async (request, reply) => {
    if (request.is404) return;
    const rule = request.routeOptions.config.access;
    if (!rule) {
      request.log.error({ url: request.routeOptions.url }, 'route has no access declaration');
      return renderProblem(request, reply, { status: 500, title: 'Sorry, there is a problem with the service', paragraphs: [] });
    }
    // A token is for the API. A form's change is made by a person signed in with a browser, so that a leaked
    // token cannot invite an account, or give one a role, that would outlive the token's revocation.
    if (request.user?.via === 'token' && UNSAFE.has(request.method) && !isApi(request)) {
      return renderProblem(request, reply, { status: 403, title: 'You cannot do that', paragraphs: ['Changes outside the API are made signed in with a browser, not with an API token.'] });
    }
    if (allows(rule, request.user)) return;
    if (!request.user) {
      if (isApi(request)) return reply.code(401).send({ error: 'Unauthorised', message: 'Sign in or send Authorization: Bearer <token>', requestId: request.id });
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/sign-in${next}`, 303);
    }
    return renderProblem(request, reply, { status: 403, title: 'You cannot see this page', paragraphs: ['Your account does not have access to this page. If you think it should, ask your council’s Nolan administrator.'] });
  });

  // CSRF: every state-changing request made with a session cookie carries the form's token.
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method) || request.user?.via === 'token' || reply.sent) return done();
    app.csrfProtection(request, reply, done);
  });
}
