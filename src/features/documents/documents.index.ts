// The document register on the web: the pages.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { registerDocumentPages } from './documents.routes.ts';

export function registerDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  registerDocumentPages(app, deps);
}
