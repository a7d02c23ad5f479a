// Members' access to documents on the web: the pages, the public disclosure log, the API, and the council's own
// decider for where the protocol names no one.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerAccessRequestPages } from './access-requests.routes.ts';
import { registerAccessRequestApi } from './access-requests-api.routes.ts';
import { registerDisclosureLog } from './disclosure-log.routes.ts';
import { registerLocalDeciderPage } from './local-decider.routes.ts';

export function registerAccessRequestRoutes(app: FastifyInstance, deps: Deps): void {
  registerAccessRequestPages(app, deps);
  registerDisclosureLog(app, deps);
  registerAccessRequestApi(app, deps);
  registerLocalDeciderPage(app, deps);
}
