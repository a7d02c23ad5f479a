// Sessions stored in the database, and API tokens: who is behind each request.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../deps.ts';
import { ukDate } from '../clock.ts';
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

/** What the session plugin needs of the accounts it serves, already bound to the database: the accounts feature
 * builds it (accounts/session-store.ts) and app.ts hands it over. */
export type SessionStore<User extends { disabledAt: string | null }> = {
  findSession(idHash: string): Promise<{ userId: number; createdAt: string; lastSeenAt: string } | undefined>;
  touchSession(idHash: string, at: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  findActiveToken(hash: string, now: string): Promise<{ id: number; userId: number; lastUsedAt: string | null } | undefined>;
  touchToken(id: number, at: string): Promise<void>;
  findUser(id: number): Promise<User | undefined>;
  /** The user's roles and powers as they stand on the day. */
  currentUser(user: User, day: string, via: CurrentUser['via']): Promise<CurrentUser>;
};

export function installSessions<User extends { disabledAt: string | null }>(app: FastifyInstance, deps: Deps, store: SessionStore<User>): void {
  const { clock, config } = deps;
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
      const token = await store.findActiveToken(sha256(bearer), now.toISOString());
      if (!token) return;
      const user = await store.findUser(token.userId);
      if (!user || user.disabledAt) return;
      if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_INTERVAL_MS) {
        await store.touchToken(token.id, now.toISOString());
      }
      request.user = await store.currentUser(user, day, 'token');
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
    const session = await store.findSession(idHash);
    if (!session) return;
    const idle = now.getTime() - Date.parse(session.lastSeenAt);
    const age = now.getTime() - Date.parse(session.createdAt);
    if (idle > IDLE_LIMIT_MS || age > ABSOLUTE_LIMIT_MS) {
      await store.deleteSession(idHash);
      return;
    }
    const user = await store.findUser(session.userId);
    if (!user || user.disabledAt) return;
    const touched = idle > TOUCH_INTERVAL_MS;
    if (touched) await store.touchSession(idHash, now.toISOString());
    request.sessionIdHash = idHash;
    request.user = await store.currentUser(user, day, 'session');
    const lastSeenAt = touched ? now.getTime() : Date.parse(session.lastSeenAt);
    known.set(idHash, { user: request.user, day, createdAt: Date.parse(session.createdAt), lastSeenAt }, version);
  });
}

/** Gives the browser the cookie of a session just stored (accounts/session-store.ts). */
export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string): void {
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
