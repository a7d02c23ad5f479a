// Every route declares who may use it, and the declaration holds: signed out, a page sends you to sign in and
// the API answers 401; signed in without the role or power a route asks for, 403. Routes are walked from the
// app's own route table, so a route added anywhere is checked without touching this file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, createTestApp, type TestApp } from './support/app.ts';
import { createAccount, issueApiToken } from '../src/features/accounts/accounts.service.ts';
import { systemActor } from '../src/actor.ts';
import { buildApp, type RouteEntry } from '../src/app.ts';
import type { Access, Role } from '../src/web/access.ts';

const PASSWORD = 'lantern kettle orchard piano';

/**
 * Routes that do not yet behave as declared, each with why. The test fails if one of them starts behaving, so
 * that it is taken off the list. Keep this empty.
 */
const KNOWN_GAPS: Record<string, string> = {};

/** A route's address with a dummy value for each parameter: the check comes before the handler reads it. */
function concrete(url: string): string {
  return url.replace(/:[^/]+/g, '1').replace(/\*$/, 'x');
}

const isApi = (route: RouteEntry) => route.url.startsWith('/api/');
const label = (route: RouteEntry) => `${route.method} ${route.url}`;

async function request(t: TestApp, route: RouteEntry, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers });
}

describe('every route declares who may use it', () => {
  let t: TestApp;
  const sessions = new Map<Role, Agent>();
  const tokens = new Map<Role, string>();

  before(async () => {
    t = await createTestApp();
    const at = t.clock.now().toISOString();
    const member = await t.db.kysely
      .insertInto('members')
      .values({ external_id: null, full_name: 'Cllr Rae Routes', email: null, phone: null, ward_id: null, group_id: null, group_role: null, term_start: '2023-05-04', term_end: '2027-05-06', cabinet_portfolio: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    // One person per role, none with a statutory power: together they cover every role a route may ask for.
    for (const role of ['admin', 'democratic-services', 'member'] as Role[]) {
      const email = `${role}@routes.example`;
      const { id } = await createAccount(t.deps, systemActor, { email, fullName: `Only ${role}`, roles: [role], password: PASSWORD, memberId: role === 'member' ? member.id : null });
      const agent = new Agent(t.app);
      await agent.signIn(email, PASSWORD);
      sessions.set(role, agent);
      tokens.set(role, (await issueApiToken(t.deps, systemActor, id, 'routes test')).token);
    }
  });
  after(async () => t.close());

  it('has no route without an access declaration', () => {
    assert.ok(t.app.routeTable.length > 20, 'the route table is filled');
    const undeclared = t.app.routeTable.filter((route) => route.access() === undefined).map(label);
    assert.deepEqual(undeclared, [], `routes without config.access: ${undeclared.join(', ')}`);
  });

  it('would catch a route added without a declaration, which the app refuses to serve', async () => {
    const app = await buildApp(t.deps);
    app.get('/undeclared-for-this-test', async () => 'should never be served');
    await app.ready();
    try {
      assert.deepEqual(app.routeTable.filter((route) => route.access() === undefined).map(label), ['GET /undeclared-for-this-test', 'HEAD /undeclared-for-this-test']);
      const response = await app.inject({ method: 'GET', url: '/undeclared-for-this-test' });
      assert.equal(response.statusCode, 500);
      assert.doesNotMatch(response.body, /should never be served/);
    } finally {
      await app.close();
    }
  });

  it('sends a signed-out visitor to sign in from every page, and answers 401 JSON on every API route', async () => {
    const wrong: string[] = [];
    const gapsClosed: string[] = [];
    for (const route of t.app.routeTable) {
      if (route.access()?.kind === 'public') continue;
      const response = await request(t, route);
      const ok = isApi(route)
        ? response.statusCode === 401 && /application\/json/.test(String(response.headers['content-type'])) && (route.method === 'HEAD' || response.json<{ error: string }>().error === 'Unauthorised')
        : response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in');
      if (KNOWN_GAPS[label(route)]) {
        if (ok) gapsClosed.push(label(route));
      } else if (!ok) {
        wrong.push(`${label(route)} → ${response.statusCode} ${response.headers.location ?? response.body.slice(0, 80)}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(gapsClosed, [], 'these now behave: take them off KNOWN_GAPS');
  });

  it('refuses a signed-in person without the role or power a route asks for: 403 on pages and the API', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of t.app.routeTable) {
      const rule = route.access() as Access;
      if (rule.kind !== 'any-of') continue;
      const outsider = (['member', 'democratic-services', 'admin'] as Role[]).find((role) => !rule.roles.includes(role));
      assert.ok(outsider, `${label(route)} admits every role: declare it signedIn instead`);
      checked += 1;
      const response = isApi(route)
        ? await request(t, route, { authorization: `Bearer ${tokens.get(outsider)}` })
        : route.method === 'GET'
          ? await sessions.get(outsider)!.get(concrete(route.url))
          : route.method === 'HEAD'
            ? await request(t, route, { cookie: [...sessions.get(outsider)!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') })
            : await sessions.get(outsider)!.post(concrete(route.url), {});
      const refused = response.statusCode === 403 && (isApi(route) || route.method === 'HEAD' || /You cannot see this page/.test(response.body));
      if (!refused) wrong.push(`${label(route)} as ${outsider} → ${response.statusCode}`);
    }
    assert.ok(checked > 0, 'some routes are restricted to roles or powers');
    assert.deepEqual(wrong, []);
  });
});
