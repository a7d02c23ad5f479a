// The routing table page: democratic services say who takes each service's enquiries, by ward and type of work.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { actorOf } from '../../web/actor.ts';
import { idFromParam } from '../../web/params.ts';
import { listOfficers, listServices } from '../directory/officers.repository.ts';
import { listWards } from '../directory/wards.repository.ts';
import { listRoutes } from './routing-table.repository.ts';
import { addRoute, removeRoute, type RouteInput } from './routing-table.service.ts';

export const routingTableAccess = access.roles('democratic-services', 'admin');

export function registerRoutingTablePages(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const render = async (reply: FastifyReply, extra: { errors?: ReturnType<typeof formErrors>; values?: Partial<RouteInput>; flash?: string } = {}) =>
    reply.code(extra.errors ? 400 : 200).page('enquiries/views/routing-table.njk', {
      title: 'Enquiry routing',
      routes: await listRoutes(q),
      services: await listServices(q),
      wards: await listWards(q),
      officers: await listOfficers(q, { day: ukDate(deps.clock.now()) }),
      values: extra.values ?? {},
      errors: extra.errors,
      flash: extra.flash,
    });

  app.get('/admin/enquiry-routing', { config: { access: routingTableAccess } }, async (request, reply) => {
    const done = (request.query as Record<string, string | undefined>).done;
    return render(reply, { flash: done === 'added' ? 'The routing entry was added.' : done === 'removed' ? 'The routing entry was removed.' : undefined });
  });

  app.post('/admin/enquiry-routing', { config: { access: routingTableAccess } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input: RouteInput = { serviceId: String(body.serviceId ?? ''), wardId: String(body.wardId ?? ''), workType: String(body.workType ?? ''), officerId: String(body.officerId ?? '') };
    try {
      await addRoute(deps, actorOf(request), input);
      return reply.redirect('/admin/enquiry-routing?done=added', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(reply, { errors: formErrors(error.fields), values: input });
    }
  });

  app.post('/admin/enquiry-routing/:id/remove', { config: { access: routingTableAccess } }, async (request, reply) => {
    const id = idFromParam((request.params as { id: string }).id);
    if (id === null) throw new NotFoundError('Routing entry');
    await removeRoute(deps, actorOf(request), id);
    return reply.redirect('/admin/enquiry-routing?done=removed', 303);
  });
}
