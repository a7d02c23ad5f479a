// Server-rendered pages: Nunjucks with GOV.UK Frontend, and the context every page shares.
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { allows, type CurrentUser } from './access.ts';
import { adminIndexAccess } from '../features/admin/admin.routes.ts';
import { enquiryAccess } from '../features/enquiries/enquiries.routes.ts';
import { briefingAccess } from '../features/briefings/briefing-access.ts';
import { councilSummary } from '../features/directory/council.repository.ts';
import { formatDate, formatDateTime } from './format.ts';
import { csrfUserInfo } from './security.ts';
import { govukMacros } from './govuk-macros.ts';
import { escapeHtml, pageBytes } from './html-text.ts';
import { prepareTemplateSource } from './template-source.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Templates read from the file system, their text compacted and narrowed once (template-source.ts). */
class PreparingLoader extends nunjucks.FileSystemLoader {
  override getSource(name: string): nunjucks.LoaderSource {
    const source = super.getSource(name);
    return source && { ...source, src: prepareTemplateSource(source.src) };
  }
}

// Autoescaping calls Nunjucks' lib.escape through the module's exports on every value a template writes. This
// process renders only HTML through Nunjucks, so the one escape can also keep pages plain ASCII (html-text.ts).
(nunjucks.lib as unknown as { escape(text: string): string }).escape = escapeHtml;

export function createTemplateEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new PreparingLoader([path.join(root, 'src/web/views'), path.join(root, 'src/features'), path.join(root, 'node_modules/govuk-frontend/dist')], { noCache: false }),
    { autoescape: true, throwOnUndefined: false },
  );
  // Nunjucks' own trim uses /^\s*|\s*$/g, which is quadratic in a run of whitespace: GOV.UK's macros trim their
  // indented output, and that alone cost milliseconds a page. String#trim removes the same characters in one pass.
  env.addFilter('trim', (value: unknown) =>
    value instanceof nunjucks.runtime.SafeString ? new nunjucks.runtime.SafeString(String(value).trim()) : String(value ?? '').trim(),
  );
  env.addFilter('thousands', (value: number) => value.toLocaleString('en-GB'));
  env.addFilter('date', (value: string | null | undefined) => (value ? formatDate(value) : ''));
  env.addFilter('dateTime', (value: string | null | undefined) => (value ? formatDateTime(value) : ''));
  env.addGlobal('govuk', govukMacros(env));
  return env;
}

export type NavItem = { href: string; text: string; active?: boolean };

function navigationFor(user: CurrentUser | null, url: string): NavItem[] {
  if (!user) return [{ href: '/sign-in', text: 'Sign in' }];
  const items: NavItem[] = [
    { href: '/', text: 'Home' },
    { href: '/members', text: 'Members' },
    { href: '/officers', text: 'Officers' },
    { href: '/bodies', text: 'Committees' },
    { href: '/protocol', text: 'Ask the protocol' },
  ];
  if (allows(enquiryAccess, user)) items.splice(1, 0, { href: '/enquiries', text: 'Enquiries' });
  items.splice(items.findIndex((i) => i.href === '/members'), 0, { href: '/documents', text: 'Documents' });
  if (allows(briefingAccess, user)) items.splice(items.findIndex((i) => i.href === '/members'), 0, { href: '/briefings', text: 'Briefings' });
  // The Monitoring Officer reaches the audit trail and the protocol document through Admin without an admin role.
  if (allows(adminIndexAccess, user)) items.push({ href: '/admin', text: 'Admin' });
  items.push({ href: '/account', text: 'Your account' }, { href: '/sign-out', text: 'Sign out' });
  const current = url.split('?')[0] ?? '/';
  return items.map((item) => ({
    ...item,
    active: item.href === '/' ? current === '/' : current === item.href || current.startsWith(`${item.href}/`),
  }));
}

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, context?: Record<string, unknown>): Promise<FastifyReply>;
  }
}

export function installViews(app: FastifyInstance, deps: Deps): nunjucks.Environment {
  const env = createTemplateEnvironment();
  // The council's name is on every page and changes rarely: read at most every 30 seconds (read-cache.ts).
  const council = app.readCache<string>(30_000, ['council']);
  const councilName = () => council.through('name', async () => (await councilSummary(deps.db.kysely))?.name ?? 'Your council');
  app.decorateReply('page', async function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request: FastifyRequest = this.request;
    const html = env.render(template, {
      ...context,
      councilName: await councilName(),
      user: request.user,
      navigation: navigationFor(request.user, request.url),
      csrfToken: this.generateCsrf({ userInfo: csrfUserInfo(request) }),
      cspNonce: this.cspNonce?.script,
      requestId: request.id,
    });
    return this.type('text/html; charset=utf-8').send(pageBytes(html));
  });
  return env;
}
