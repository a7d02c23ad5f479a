// The accounts behind the session plugin (web/session.ts): sessions, API tokens and users, bound to the database,
// and starting a session once someone has proved who they are.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/create-db.ts';
import { setSessionCookie, sha256, type SessionStore } from '../../web/session.ts';
import { findUserById, type UserRecord } from './users.repository.ts';
import { deleteSession, findSession, insertSession, touchSession } from './sessions.repository.ts';
import { resolveCurrentUser } from './current-user.ts';
import { findActiveToken, touchToken } from './tokens.repository.ts';

export function sessionStore(db: Db): SessionStore<UserRecord> {
  const q = db.kysely;
  return {
    findSession: (idHash) => findSession(q, idHash),
    touchSession: (idHash, at) => touchSession(q, idHash, at),
    deleteSession: (idHash) => deleteSession(q, idHash),
    findActiveToken: (hash, now) => findActiveToken(q, hash, now),
    touchToken: (id, at) => touchToken(q, id, at),
    findUser: (id) => findUserById(q, id),
    currentUser: (user, day, via) => resolveCurrentUser(q, user, day, via),
  };
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
  setSessionCookie(deps, reply, token);
}
