// The document register on the web: the pages, adding meetings, the public list, and the API.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { NavEntry } from '../../web/views.ts';
import { registerDocumentPages } from './documents.routes.ts';
import { registerPublicDocumentPages } from './public-documents.routes.ts';
import { registerDocumentApi } from './documents-api.routes.ts';
import { registerMeetingPages } from './meetings.routes.ts';

export { documentJobHandlers, scheduleOldTextReading } from './document-old-text.ts';

export function registerDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  registerDocumentPages(app, deps);
  registerMeetingPages(app, deps);
  registerPublicDocumentPages(app, deps);
  registerDocumentApi(app, deps);
}

export const navigation: readonly NavEntry[] = [{ href: '/documents', text: 'Documents' }];
