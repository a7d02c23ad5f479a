// Party group briefings on the web: the pages, the offers, the even-handedness report, and the API.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { NavEntry } from '../../web/views.ts';
import { briefingAccess } from './briefing-access.ts';
import { registerBriefingPages } from './briefings.routes.ts';
import { registerBriefingOfferPages } from './briefing-offers.routes.ts';
import { registerBriefingReport } from './briefing-report.routes.ts';
import { registerBriefingApi } from './briefings-api.routes.ts';

export function registerBriefingRoutes(app: FastifyInstance, deps: Deps): void {
  registerBriefingReport(app, deps);
  registerBriefingOfferPages(app, deps);
  registerBriefingPages(app, deps);
  registerBriefingApi(app, deps);
}

export const navigation: readonly NavEntry[] = [{ href: '/briefings', text: 'Briefings', access: briefingAccess }];
