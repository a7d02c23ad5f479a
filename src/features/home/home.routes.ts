// The home page: for each role, what needs their attention.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { homePanels } from './home.service.ts';

export function registerHomeRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/', { config: { access: access.signedIn } }, async (request, reply) => {
    const panels = await homePanels(deps, request.user!);
    return reply.page('home/views/home.njk', { title: 'Home', panels });
  });
  app.get('/accessibility', { config: { access: access.public } }, async (_request, reply) =>
    reply.page('home/views/accessibility.njk', { title: 'Accessibility statement' }),
  );
}
