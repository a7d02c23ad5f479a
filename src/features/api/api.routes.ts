// The JSON API's own routes: who am I, and the OpenAPI description generated from every route's schema.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { access, POWERS, ROLES } from '../../web/access.ts';
import { apiError } from '../../web/api-errors.ts';

const me = z.object({
  id: z.number().int(),
  email: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLES)),
  powers: z.array(z.enum(POWERS)),
  memberId: z.number().int().nullable(),
  officerId: z.number().int().nullable(),
});

export function registerApiRoutes(app: FastifyInstance, _deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/me',
    {
      config: { access: access.signedIn },
      schema: { tags: ['account'], summary: 'The signed-in person, with roles and statutory powers today', response: { 200: me, 401: apiError } },
    },
    async (request) => {
      const { via: _via, ...user } = request.user!;
      return user;
    },
  );
  app.get('/api/v1/openapi.json', { config: { access: access.public } }, async () => app.swagger());
}
