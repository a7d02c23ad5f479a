// The council's bodies: the list, and each body's membership with its chair and vice-chair.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { bodyKindLabels, seatRoleLabels, termStatus } from './directory.types.ts';
import { idFromParam } from '../../web/params.ts';
import { findBody, listBodies, listSeatsOfBody } from './bodies.repository.ts';
import { areaWords } from './area-term.ts';

export function registerBodyPages(app: FastifyInstance, deps: Deps): void {
  const pageAccess = { config: { access: access.signedIn } };

  app.get('/bodies', pageAccess, async (_request, reply) => {
    const day = ukDate(deps.clock.now());
    const bodies = (await listBodies(deps.db.kysely, day)).map((b) => ({ ...b, kindLabel: bodyKindLabels[b.kind] }));
    return reply.page('directory/views/bodies.njk', { title: 'Committees and other bodies', bodies });
  });

  app.get('/bodies/:id', pageAccess, async (request, reply) => {
    const id = idFromParam((request.params as { id: string }).id);
    const body = id === null ? undefined : await findBody(deps.db.kysely, id);
    if (!body) throw new NotFoundError('Body');
    const day = ukDate(deps.clock.now());
    const seats = (await listSeatsOfBody(deps.db.kysely, body.id)).map((s) => ({
      ...s,
      seatRoleLabel: seatRoleLabels[s.seatRole],
      status: termStatus(s, day),
    }));
    const inOffice = seats.filter((s) => s.status === 'in-office');
    return reply.page('directory/views/body.njk', {
      title: body.name,
      body: { ...body, kindLabel: bodyKindLabels[body.kind] },
      seats,
      inOfficeCount: inOffice.length,
      chair: inOffice.find((s) => s.seatRole === 'chair') ?? null,
      viceChair: inOffice.find((s) => s.seatRole === 'vice-chair') ?? null,
      area: await areaWords(deps),
    });
  });
}
