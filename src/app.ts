// The Fastify application. Read it as a table of contents: plugins first, then each feature's routes.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Deps } from './deps.ts';
import { installSecurity } from './web/security.ts';
import { installSessions } from './web/session.ts';
import { installReadCaches } from './web/read-cache.ts';
import { installViews, type NavEntry } from './web/views.ts';
import { installAssets } from './web/assets.ts';
import { installErrorHandling } from './web/errors.ts';
import { installTextGuard } from './web/text-guard.ts';
import type { Access } from './web/access.ts';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerAccountRoutes } from './features/accounts/accounts.routes.ts';
import { registerHomeRoutes } from './features/home/home.routes.ts';
import { registerDirectoryRoutes } from './features/directory/directory.routes.ts';
import { registerApiRoutes } from './features/api/api.routes.ts';
import { registerProtocolApiRoutes } from './features/protocol/protocol-api.routes.ts';
import { registerProtocolPageRoutes } from './features/protocol/protocol-pages.routes.ts';
import { registerImportRoutes } from './features/import/import.routes.ts';
import { registerAdminRoutes } from './features/admin/admin.routes.ts';
import { registerAuditRoutes } from './features/audit/audit.routes.ts';
import { registerProtocolDocumentRoutes } from './features/protocol-document/protocol-document.routes.ts';
import { navigation as enquiryNavigation, registerEnquiryRoutes } from './features/enquiries/enquiries.index.ts';
import { registerSettingsPages } from './features/settings/settings.routes.ts';
import { registerOutboxRoutes } from './features/mail/outbox.routes.ts';
import { navigation as documentNavigation, registerDocumentRoutes } from './features/documents/documents.index.ts';
import { navigation as briefingNavigation, registerBriefingRoutes } from './features/briefings/briefings.index.ts';
import { navigation as homeNavigation } from './features/home/index.ts';
import { councilSummary, navigation as directoryNavigation } from './features/directory/index.ts';
import { navigation as protocolNavigation } from './features/protocol/index.ts';
import { navigation as adminNavigation } from './features/admin/index.ts';
import { navigation as accountNavigation, sessionStore } from './features/accounts/index.ts';
import { registerAccessRequestRoutes } from './features/access-requests/access-requests.index.ts';

/** A route as registered: its access rule, its declared schemas (zod) for the sweeps that build requests, and the
 * form fields its own schema checks for control characters. */
export type RouteEntry = { method: string; url: string; access: () => Access | undefined; schema: () => RouteOptions['schema']; formText: () => readonly string[] | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'body.password',
];

/** The service navigation: each feature's entries, in the order they appear on every page. */
const NAVIGATION: readonly NavEntry[] = [
  ...homeNavigation,
  ...enquiryNavigation,
  ...documentNavigation,
  ...briefingNavigation,
  ...directoryNavigation,
  ...protocolNavigation,
  ...adminNavigation,
  ...accountNavigation,
];

/** The council's name is on every page and changes rarely: read at most every 30 seconds (read-cache.ts). */
function councilNameOf(app: FastifyInstance, deps: Deps): () => Promise<string> {
  const council = app.readCache<string>(30_000, ['council']);
  return () => council.through('name', async () => (await councilSummary(deps.db.kysely))?.name ?? 'Your council');
}

export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: { level: deps.config.logLevel, redact: redactedLogPaths } }),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, access: () => route.config?.access, schema: () => route.schema, formText: () => route.config?.formText });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Nolan API', version: '1', description: 'The JSON API beside Nolan’s pages. Authorization: Bearer <token>.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });

  await app.register(formbody);
  await installSecurity(app, deps);
  installTextGuard(app);
  installReadCaches(app, deps.clock, deps.db, deps.config.readCopies);
  installSessions(app, deps, sessionStore(deps.db));
  installViews(app, { navigation: NAVIGATION, councilName: councilNameOf(app, deps) });
  installErrorHandling(app);
  await installAssets(app);

  registerHealthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerApiRoutes(app, deps);
  registerProtocolApiRoutes(app, deps);
  registerProtocolPageRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerProtocolDocumentRoutes(app, deps);
  registerEnquiryRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerBriefingRoutes(app, deps);
  registerAccessRequestRoutes(app, deps);
  registerSettingsPages(app, deps);
  registerOutboxRoutes(app, deps);

  return app;
}
