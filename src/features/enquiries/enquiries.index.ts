// Member enquiries on the web: the pages and the API.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerEnquiryPages } from './enquiries.routes.ts';
import { registerEnquiryApi } from './enquiries-api.routes.ts';
import { registerRoutingTablePages } from './routing-table.routes.ts';

export function registerEnquiryRoutes(app: FastifyInstance, deps: Deps): void {
  registerEnquiryPages(app, deps);
  registerEnquiryApi(app, deps);
  registerRoutingTablePages(app, deps);
}
