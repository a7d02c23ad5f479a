// Members' access to documents on the web: the pages, the public disclosure log, and the API.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerAccessRequestPages } from './access-requests.routes.ts';
import { registerAccessRequestApi } from './access-requests-api.routes.ts';
import { registerDisclosureLog } from './disclosure-log.routes.ts';

export function registerAccessRequestRoutes(app: FastifyInstance, deps: Deps): void {
  registerAccessRequestPages(app, deps);
  registerDisclosureLog(app, deps);
  registerAccessRequestApi(app, deps);
}
