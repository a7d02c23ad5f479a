// Text enters through one rule (src/web/text.ts). Walked from the app's own route table, so that a new route is
// held to it without anyone remembering to add it here:
// - every string a route's declared schema reads (JSON body, query string, address) refuses a control character
//   with a message naming the field;
// - every page form, posted or a search, whose schema reads its text (config.formText) shows itself again, 400,
//   with the GOV.UK error summary linking to the field, rather than the guard's generic page;
// - the files that hold page forms' schemas build no string without the rule.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { Agent, createTestApp, type TestApp } from './support/app.ts';
import { readable } from './support/html.ts';
import { addAccessCouncil, type AccessCouncil } from '../src/features/access-requests/access-request.fixture.ts';
import { PASSWORD } from '../src/features/documents/document.fixture.ts';

const CONTROL_MESSAGE = /must not contain control characters/;
/** The guard's own page, which a form whose schema reads the field must not fall back to. */
const GUARD_TITLE = 'There is a problem with what was sent';

/** Every string schema inside a schema, by its path: objects, arrays, unions, optionals, defaults, pipes. */
function stringsIn(schema: z.ZodType, path: string, found: [string, z.ZodType][] = [], depth = 0): [string, z.ZodType][] {
  const def = schema.def as unknown as Record<string, unknown> & { type: string };
  if (depth > 12) return found;
  const inner = (value: unknown, at = path) => stringsIn(value as z.ZodType, at, found, depth + 1);
  switch (def.type) {
    case 'string':
      found.push([path, schema]);
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) inner(value, `${path}.${key}`);
      break;
    case 'array':
      inner(def.element, `${path}[]`);
      break;
    case 'record':
      inner(def.keyType, `${path} key`);
      inner(def.valueType, `${path}{}`);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) inner(option);
      break;
    case 'intersection':
      inner(def.left);
      inner(def.right);
      break;
    case 'pipe':
      inner(def.in);
      inner(def.out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      inner(def.innerType);
      break;
  }
  return found;
}

/** The files that hold page forms' schemas and the services that parse them. The API's routes are held to the rule
 * by the walk of their declared schemas instead, which tells a request's schema from a response's. */
function formSchemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return formSchemaFiles(path);
    return /(\.forms?|\.schemas|-form|\.service|(?<!-api)\.routes)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Schemas of what Nolan answers, not of what it is sent: they may describe any string. */
const RESPONSE_SCHEMAS = new Set(['api/api.routes.ts']);

describe('one rule for text', () => {
  let t: TestApp;
  let c: AccessCouncil;
  const agents: Agent[] = [];

  before(async () => {
    t = await createTestApp();
    c = await addAccessCouncil(t.deps);
    // An administrator, democratic services, a group leader and a member: between them, every form a person fills in.
    for (const who of [c.users.admin, c.users.clerk, c.users.redLeader, c.users.independent]) {
      const agent = new Agent(t.app);
      await agent.signIn(who.email, PASSWORD);
      await agent.get('/account');
      agents.push(agent);
    }
  });
  after(async () => t.close());

  it('refuses a control character in every string a route’s schema reads, naming the field', () => {
    const wrong: string[] = [];
    let strings = 0;
    for (const route of t.app.routeTable) {
      const schema = route.schema() as Record<string, z.ZodType | undefined> | undefined;
      for (const part of ['body', 'querystring', 'params'] as const) {
        const declared = schema?.[part];
        if (!declared?.def) continue;
        for (const [path, string] of stringsIn(declared, part)) {
          strings += 1;
          const result = string.safeParse('a\u0000b');
          if (result.success || !CONTROL_MESSAGE.test(result.error.issues[0]?.message ?? '')) wrong.push(`${route.method} ${route.url} ${path}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(strings >= 30, `the routes' strings were found (${strings})`);
  });

  it('shows each page form, posted or searched, again with its error summary linking to the field, for a control character in it', async () => {
    const wrong: string[] = [];
    const reached = new Set<string>();
    const forms = t.app.routeTable.filter((r) => (r.method === 'POST' || r.method === 'GET') && (r.formText()?.length ?? 0) > 0);
    assert.ok(forms.length >= 8, `forms declare the fields their schemas read (${forms.length})`);
    for (const route of forms) {
      for (const field of route.formText()!) {
        const url = route.url.replace(/:[^/]+/g, '1');
        for (const agent of agents) {
          const response = route.method === 'GET' ? await agent.get(`${url}?${encodeURIComponent(field)}=Pot%00hole`) : await agent.post(url, { [field]: 'Pot\u0000hole' });
          // Not this person's form, or no record 1 to fill it in for: the next person tries.
          if ([303, 401, 403, 404, 409].includes(response.statusCode)) continue;
          reached.add(`${route.method} ${route.url} ${field}`);
          const page = readable(response.body);
          const link = /<a href="#([^"]+)">([^<]*must not contain control characters)<\/a>/.exec(page);
          if (response.statusCode !== 400 || page.includes(GUARD_TITLE) || !link || !page.includes(`id="${link[1]}"`)) {
            wrong.push(`${route.url} ${field} → ${response.statusCode} ${link ? link[0] : page.includes(GUARD_TITLE) ? 'the guard’s page' : 'no link to the field'}`);
          }
          break;
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(reached.size >= 35, `the forms were reached (${[...reached].join(', ')})`);
  });

  it('names the token’s name field when it carries a NUL, and issues no token', async () => {
    const [admin] = agents;
    const tokens = () => t.db.kysely.selectFrom('api_tokens').select('id').execute();
    const before = (await tokens()).length;
    const cookie = [...admin!.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await t.app.inject({ method: 'POST', url: '/account/tokens', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(admin!.csrf)}&name=%00` });
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    assert.match(response.body, /<a href="#name">Name must not contain control characters<\/a>/);
    assert.match(response.body, /id="name"/);
    assert.equal((await tokens()).length, before);
  });

  it('builds no string without the rule in the files that hold page forms’ schemas', () => {
    const root = join(import.meta.dirname, '..', 'src', 'features');
    const files = formSchemaFiles(root).filter((file) => !RESPONSE_SCHEMAS.has(relative(root, file)));
    assert.ok(files.length >= 30, `the form files were found (${files.length})`);
    const bare = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      // z.string(), z.email(), z.coerce.string(), across line breaks as a formatter may split them.
      return [...source.matchAll(/\bz\s*\.\s*(?:coerce\s*\.\s*)?(?:string|email)\s*\(/g)].map((m) => `${relative(root, file)}:${source.slice(0, m.index).split('\n').length}`);
    });
    assert.deepEqual(bare, []);
  });
});
