// Server-rendered pages: Nunjucks with GOV.UK Frontend, and the context every page shares.
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, allows, type Access, type CurrentUser } from './access.ts';
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

/** A link in the service navigation, contributed by the feature it leads to. Shown to those signed in whom its
 * access rule allows (anyone signed in when it has none), or, when `signedOut`, only to those not signed in. */
export type NavEntry = { href: string; text: string; access?: Access; signedOut?: boolean };

export type ViewOptions = {
  /** Every feature's entries, in the order they appear. */
  navigation: readonly NavEntry[];
  /** The council's name, on every page. */
  councilName: () => Promise<string>;
};

function navigationFor(entries: readonly NavEntry[], user: CurrentUser | null, url: string): NavItem[] {
  const shown = entries.filter((entry) => (user ? !entry.signedOut && allows(entry.access ?? access.signedIn, user) : entry.signedOut === true));
  if (!user) return shown.map(({ href, text }) => ({ href, text }));
  const current = url.split('?')[0] ?? '/';
  return shown.map(({ href, text }) => ({
    href,
    text,
    active: href === '/' ? current === '/' : current === href || current.startsWith(`${href}/`),
  }));
}

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, context?: Record<string, unknown>): Promise<FastifyReply>;
  }
}

export function installViews(app: FastifyInstance, options: ViewOptions): nunjucks.Environment {
  const { navigation, councilName } = options;
  const env = createTemplateEnvironment();
  app.decorateReply('page', async function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request: FastifyRequest = this.request;
    const html = env.render(template, {
      ...context,
      councilName: await councilName(),
      user: request.user,
      navigation: navigationFor(navigation, request.user, request.url),
      csrfToken: this.generateCsrf({ userInfo: csrfUserInfo(request) }),
      cspNonce: this.cspNonce?.script,
      requestId: request.id,
    });
    return this.type('text/html; charset=utf-8').send(pageBytes(html));
  });
  return env;
}
