// Static files: GOV.UK Frontend's stylesheet, script, fonts and images, and Nolan's own few.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { access } from './access.ts';

const root = path.resolve(import.meta.dirname, '../..');
const govuk = path.join(root, 'node_modules/govuk-frontend/dist/govuk');

export async function installAssets(app: FastifyInstance): Promise<void> {
  await app.register(async (assets) => {
    // Assets are public: declared here for every route this context registers.
    assets.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: access.public };
    });
    const cache = { maxAge: '1d', immutable: false } as const;
    await assets.register(fastifyStatic, { root: path.join(govuk, 'assets'), prefix: '/assets/', ...cache });
    await assets.register(fastifyStatic, {
      root: govuk,
      prefix: '/stylesheets/',
      decorateReply: false,
      allowedPath: (p) => p === '/govuk-frontend.min.css' || p === '/govuk-frontend.min.css.map',
      ...cache,
    });
    await assets.register(fastifyStatic, {
      root: govuk,
      prefix: '/javascripts/',
      decorateReply: false,
      allowedPath: (p) => p === '/govuk-frontend.min.js' || p === '/govuk-frontend.min.js.map',
      ...cache,
    });
    await assets.register(fastifyStatic, { root: path.join(root, 'public'), prefix: '/public/', decorateReply: false, ...cache });
  });
}
