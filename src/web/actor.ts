// The person acting on a request, as the audit chain records them: the signed-in user, or "anonymous" before
// sign-in, with the address and request id that tie the event to the server's log.
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../actor.ts';

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, label: request.user?.email ?? 'anonymous', ip: request.ip, requestId: request.id };
}
