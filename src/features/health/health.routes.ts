// GET /health: is the process up and can it reach its database?
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', { config: { access: access.public } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      return reply.send({ status: 'ok', database: deps.db.dialect });
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.db.dialect });
    }
  });
}
