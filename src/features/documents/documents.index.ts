// The document register on the web: the pages and the public list.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerDocumentPages } from './documents.routes.ts';
import { registerPublicDocumentPages } from './public-documents.routes.ts';

export function registerDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  registerDocumentPages(app, deps);
  registerPublicDocumentPages(app, deps);
}
