// A crawler over the app as one person sees it: it starts from every GET route of the route table (with real
// records in place of parameters), follows every link a page offers, fills every search and filter form (a text
// box with the canaries' prefix, each choice of each list), and hands each answer to a check.
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../support/app.ts';
import { requestAs, type Person } from './council.ts';

const SKIP = /^\/(assets|stylesheets|javascripts)\/|^\/sign-out|^\/api\/v1\/openapi\.json/;
const VARIANTS_PER_ADDRESS = 30;
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

/** The GET forms of a page, each as the addresses it can send: its text boxes searched for `search`, and each
 * option of each list on its own. */
function formAddresses(page: string, html: string, search: string): string[] {
  const addresses: string[] = [];
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = form[1]!;
    if ((/method="(\w+)"/i.exec(attrs)?.[1] ?? 'get').toLowerCase() !== 'get') continue;
    const action = decode(/action="([^"]*)"/.exec(attrs)?.[1] || page);
    if (!action.startsWith('/')) continue;
    const inner = form[2]!;
    const texts = [...inner.matchAll(/<input\b[^>]*name="([^"]+)"[^>]*>/g)].filter((m) => !/type="(hidden|checkbox|radio|submit)"/.test(m[0])).map((m) => m[1]!);
    const base = new URL(action, 'http://nolan');
    const withText = new URLSearchParams(base.search);
    for (const name of texts) withText.set(name, search);
    addresses.push(`${base.pathname}?${withText}`);
    for (const select of inner.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      for (const option of [...select[2]!.matchAll(/<option\b[^>]*value="([^"]*)"/g)].slice(0, 12)) {
        if (!option[1]) continue;
        const params = new URLSearchParams(base.search);
        params.set(select[1]!, decode(option[1]));
        addresses.push(`${base.pathname}?${params}`);
      }
    }
    for (const box of inner.matchAll(/<input\b[^>]*type="(?:checkbox|radio)"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(box[0])?.[1];
      const value = /value="([^"]*)"/.exec(box[0])?.[1];
      if (name && value) addresses.push(`${base.pathname}?${new URLSearchParams({ [name]: decode(value) })}`);
    }
  }
  return addresses;
}

function links(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => decode(m[1]!));
}

export type CrawlResult = { pages: number; capped: boolean };

/** Visits what the person can reach from the seeds, at most `limit` addresses, and checks each answer. */
export async function crawl(t: TestApp, person: Person | null, seeds: string[], search: string, limit: number, check: (url: string, response: LightMyRequestResponse) => Promise<void>): Promise<CrawlResult> {
  const queue = [...new Set(seeds)];
  const visited = new Set<string>();
  const variants = new Map<string, number>();
  // Filters combine without end: each address is tried with a few of its query strings, except the audit trail,
  // whose every page is read.
  const enough = (url: string) => {
    const path = url.split('?')[0]!;
    return !path.startsWith('/admin/audit') && (variants.get(path) ?? 0) >= VARIANTS_PER_ADDRESS;
  };
  while (queue.length && visited.size < limit) {
    const url = queue.shift()!;
    if (visited.has(url) || SKIP.test(url) || enough(url)) continue;
    visited.add(url);
    variants.set(url.split('?')[0]!, (variants.get(url.split('?')[0]!) ?? 0) + 1);
    const response = await requestAs(t, person, 'GET', url);
    await check(url, response);
    if (!/text\/html/.test(String(response.headers['content-type'])) || response.statusCode >= 300) continue;
    for (const next of [...links(response.body), ...formAddresses(url.split('?')[0]!, response.body, search)]) if (!visited.has(next)) queue.push(next);
  }
  return { pages: visited.size, capped: queue.some((u) => !visited.has(u) && !SKIP.test(u) && !enough(u)) };
}
