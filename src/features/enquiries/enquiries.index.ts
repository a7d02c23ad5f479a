// Member enquiries on the web: the pages, the reports and statistics, and the API.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { NavEntry } from '../../web/views.ts';
import { enquiryAccess } from './enquiry.form.ts';
import { registerEnquiryPages } from './enquiries.routes.ts';
import { registerEnquiryApi } from './enquiries-api.routes.ts';
import { registerRoutingTablePages } from './routing-table.routes.ts';
import { registerEnquiryReports } from './enquiry-reports.routes.ts';

export function registerEnquiryRoutes(app: FastifyInstance, deps: Deps): void {
  registerEnquiryReports(app, deps);
  registerEnquiryPages(app, deps);
  registerEnquiryApi(app, deps);
  registerRoutingTablePages(app, deps);
}

export const navigation: readonly NavEntry[] = [{ href: '/enquiries', text: 'Enquiries', access: enquiryAccess }];
