// The directory's pages and its JSON API, registered together from app.ts.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerMemberPages } from './members.routes.ts';
import { registerOfficerPages } from './officers.routes.ts';
import { registerBodyPages } from './bodies.routes.ts';
import { registerDirectoryApi } from './directory-api.routes.ts';

export function registerDirectoryRoutes(app: FastifyInstance, deps: Deps): void {
  registerMemberPages(app, deps);
  registerOfficerPages(app, deps);
  registerBodyPages(app, deps);
  registerDirectoryApi(app, deps);
}
