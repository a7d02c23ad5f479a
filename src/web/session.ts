// Sessions stored in the database, and API tokens: who is behind each request.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { ukDate } from '../clock.ts';
import { findUserById } from '../features/accounts/users.repository.ts';
import { deleteSession, findSession, insertSession, touchSession } from '../features/accounts/sessions.repository.ts';
import { resolveCurrentUser } from '../features/accounts/current-user.ts';
import { findActiveToken, touchToken } from '../features/accounts/tokens.repository.ts';
import type { CurrentUser } from './access.ts';

export const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
/** Writing last-seen on every request would make every page a database write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-nolan-session' : 'nolan-session';
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionIdHash: string | null;
  }
}

type KnownSession = { user: CurrentUser; day: string; createdAt: number; lastSeenAt: number };

export function installSessions(app: FastifyInstance, deps: Deps): void {
  const { db, clock, config } = deps;
  const cookieName = sessionCookieName(config.secureCookies);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionIdHash', null);
  // A session is read from the database, and its last-seen time written, at most once a minute: the same
  // interval as the touch, so the idle limit is kept to within that minute. Sign-out and every other change made
  // here clear it at once (read-cache.ts).
  // A session's own last-seen touch changes nothing the cache holds; its end does.
  const known = app.readCache<KnownSession>(TOUCH_INTERVAL_MS, ['users', 'user_roles', 'sessions:delete', 'members', 'officers', 'statutory_roles', 'statutory_acting']);

  app.addHook('onRequest', async (request) => {
    const now = clock.now();
    const day = ukDate(now);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const token = await findActiveToken(db.kysely, sha256(bearer), now.toISOString());
      if (!token) return;
      const user = await findUserById(db.kysely, token.userId);
      if (!user || user.disabledAt) return;
      if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_INTERVAL_MS) {
        await touchToken(db.kysely, token.id, now.toISOString());
      }
      request.user = await resolveCurrentUser(db.kysely, user, day, 'token');
      return;
    }
    const raw = request.cookies[cookieName];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const idHash = sha256(unsigned.value);
    const hit = known.get(idHash);
    // A copy serves only until its session is due a touch: a copy read again after a write elsewhere dropped the
    // first must not put the touch off by another minute.
    if (hit && hit.day === day && now.getTime() - hit.createdAt <= ABSOLUTE_LIMIT_MS && now.getTime() - hit.lastSeenAt <= TOUCH_INTERVAL_MS) {
      request.sessionIdHash = idHash;
      request.user = hit.user;
      return;
    }
    const version = known.version;
    const session = await findSession(db.kysely, idHash);
    if (!session) return;
    const idle = now.getTime() - Date.parse(session.lastSeenAt);
    const age = now.getTime() - Date.parse(session.createdAt);
    if (idle > IDLE_LIMIT_MS || age > ABSOLUTE_LIMIT_MS) {
      await deleteSession(db.kysely, idHash);
      return;
    }
    const user = await findUserById(db.kysely, session.userId);
    if (!user || user.disabledAt) return;
    const touched = idle > TOUCH_INTERVAL_MS;
    if (touched) await touchSession(db.kysely, idHash, now.toISOString());
    request.sessionIdHash = idHash;
    request.user = await resolveCurrentUser(db.kysely, user, day, 'session');
    const lastSeenAt = touched ? now.getTime() : Date.parse(session.lastSeenAt);
    known.set(idHash, { user: request.user, day, createdAt: Date.parse(session.createdAt), lastSeenAt }, version);
  });
}

/** Starts a session for a user who has just proved who they are, and sets the cookie. */
export async function startSession(deps: Deps, request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await insertSession(deps.db.kysely, {
    idHash: sha256(token),
    userId,
    at: deps.clock.now().toISOString(),
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  reply.setCookie(sessionCookieName(deps.config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    signed: true,
  });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(deps.config.secureCookies), { path: '/', secure: deps.config.secureCookies });
}
