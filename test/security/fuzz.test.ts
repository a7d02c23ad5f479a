// fast-check against every route of the route table that takes input: each JSON API body (built from the route's
// declared schema, with wild values in it), each page form (urlencoded, or multipart where the form uploads, sent
// with a valid CSRF token by someone who may use it) and each page's query string. No answer may be a 500.
// The seed is fixed so a failure reproduces; NOLAN_FUZZ_SEED and NOLAN_FUZZ_RUNS change it and the run's size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { RouteEntry } from '../../src/app.ts';
import { sessionCookieName, sha256 } from '../../src/web/session.ts';
import { insertSession } from '../../src/features/accounts/sessions.repository.ts';
import { issueApiToken } from '../../src/features/accounts/accounts.service.ts';
import { systemActor } from '../../src/actor.ts';
import { Agent, type TestApp } from '../support/app.ts';
import { multipartBody } from '../support/multipart.ts';
import { type Person, type SweepCouncil } from './council.ts';
import { entitledTo, targetsOf, type RecordIds, type Target } from './route-records.ts';
import { openSweepWorld } from './sweep-world.ts';
import { bodyArbitrary, bodySchemaOf, formArbitrary, plainForm, wildText } from './json-bodies.ts';

const SEED = Number(process.env.NOLAN_FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.NOLAN_FUZZ_RUNS ?? 40);
const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];

describe('fuzzing every body, form and query string: no answer is a 500', () => {
  let t: TestApp;
  let c: SweepCouncil;
  let ids: RecordIds;
  const started = Date.now();

  before(async () => {
    ({ t, c, ids } = await openSweepWorld());
  });
  after(async () => {
    console.log(`fuzz: ${Date.now() - started} ms in all (seed ${SEED}, ${RUNS} runs a route)`);
    await t.close();
  });

  /** A session of its own for each route, made without the sign-in form (whose rate limit would soon refuse),
   * with the account enabled again in case an earlier route's run disabled it or changed its password. */
  async function sessionFor(userId: number): Promise<Agent & { token: string }> {
    await t.db.kysely.updateTable('users').set({ disabled_at: null, locked_until: null, failed_sign_ins: 0 }).where('id', '=', userId).execute();
    const token = randomBytes(32).toString('base64url');
    await insertSession(t.db.kysely, { idHash: sha256(token), userId, at: t.clock.now().toISOString(), ip: '127.0.0.1', userAgent: null });
    const agent = new Agent(t.app);
    agent.cookies.set(sessionCookieName(false), t.app.signCookie(token));
    await agent.get('/');
    // And a token of its own, in case an earlier route's run revoked the person's.
    return Object.assign(agent, { token: (await issueApiToken(t.deps, systemActor, userId, 'fuzz')).token });
  }

  async function someoneWhoMay(route: RouteEntry): Promise<{ person: Person | null; target: Target } | undefined> {
    for (const target of targetsOf(route, ids, 1)) {
      if (route.access()!.kind === 'public') return { person: null, target };
      for (const person of c.people) if (await entitledTo(t, c, person, route, target)) return { person, target };
    }
    return undefined;
  }

  /** Runs the property for one route, and gives back a line naming the route, seed and counterexample if it fails. */
  async function fuzz<T>(label: string, arbitrary: fc.Arbitrary<T>, send: (value: T) => Promise<{ statusCode: number; body: string }>, runs = RUNS, examples: T[] = []): Promise<string | null> {
    const result = await fc.check(fc.asyncProperty(arbitrary, async (value) => (await send(value)).statusCode < 500), { numRuns: runs + examples.length, seed: SEED, endOnFailure: true, examples: examples.map((e) => [e]) });
    if (!result.failed) return null;
    const example = JSON.stringify(result.counterexample?.[0] ?? null).slice(0, 300);
    return `${label}: a 500 (seed ${result.seed}, path ${result.counterexamplePath}) for ${example}${result.errorInstance ? ` — ${String(result.errorInstance).slice(0, 200)}` : ''}`;
  }

  it('answers every JSON API body below 500', async () => {
    const failures: string[] = [];
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH'].includes(r.method));
    assert.ok(routes.length > 10, 'the API takes bodies');
    for (const route of routes) {
      const found = await someoneWhoMay(route);
      assert.ok(found?.person, `${route.method} ${route.url}: no one in the sweep council may use it`);
      const { target } = found;
      const person = await sessionFor(found.person.userId);
      const raw = fc.oneof({ weight: 5, arbitrary: bodyArbitrary(bodySchemaOf(route)).map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: wildText });
      const failure = await fuzz(`${route.method} ${target.url}`, raw, (payload) =>
        t.app.inject({ method: route.method as 'POST', url: target.url, headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' }, payload }));
      if (failure) failures.push(failure);
    }
    assert.deepEqual(failures, []);
  });

  it('answers every page form below 500, posted with a valid token by someone who may use it', async () => {
    const failures: string[] = [];
    const routes = t.app.routeTable.filter((r) => !r.url.startsWith('/api/') && UNSAFE.includes(r.method) && r.url !== '/sign-out');
    for (const route of routes) {
      const found = await someoneWhoMay(route);
      assert.ok(found, `${route.method} ${route.url}: no one in the sweep council may use it`);
      const { person, target } = found;
      const agent = person ? await sessionFor(person.userId) : new Agent(t.app);
      // The form's own fields, from the page that shows it: the address itself, or the record's page above it.
      let plain: [string, string][] = [];
      let page = { body: '' };
      for (const url of [target.url, target.url.replace(/\/[^/]+$/, '')]) {
        page = await agent.get(url);
        plain = plainForm(page.body, target.url);
        if (plain.length) break;
      }
      await agent.get(person ? '/' : '/sign-in');
      // Signed out, each post comes from an address of its own, or the sign-in form's rate limit answers instead.
      const from = () => (person ? '127.0.0.1' : `10.${randomBytes(3).join('.')}`);
      const multipart = /enctype="multipart\/form-data"/.test(page.body) || /attachments|versions$|import|protocol$|from-email/.test(route.url);
      const cookie = () => [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const failure = await fuzz(`${route.method} ${target.url}`, formArbitrary(plain), (fields) => {
        const all: [string, string][] = [['_csrf', agent.csrf], ...fields];
        if (multipart) {
          const { payload, contentType } = multipartBody(Object.fromEntries(all), [{ fileName: 'résumé\u0000.pdf', content: '%PDF-1.4 not really' }]);
          return t.app.inject({ method: route.method as 'POST', url: target.url, remoteAddress: from(), headers: { cookie: cookie(), 'content-type': contentType }, payload });
        }
        return t.app.inject({ method: route.method as 'POST', url: target.url, remoteAddress: from(), headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(all).toString() });
      }, Math.ceil(RUNS / 2));
      if (failure) failures.push(failure);
    }
    assert.deepEqual(failures, []);
  });

  it('answers every address with a wild record id, version or action below 500', async () => {
    const failures: string[] = [];
    // Each of these is tried on every route; the generated ones besides.
    const awkward = ['0', '-1', '2147483648', '9223372036854775808', '1e3', '0x10', '1.5', '%00', '%C0%80', 'NaN', '%201'];
    const wildId = fc.oneof(fc.constantFrom(...awkward), fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String), fc.string({ maxLength: 12 }).map(encodeURIComponent));
    for (const route of t.app.routeTable.filter((r) => /:\w/.test(r.url) && r.method !== 'HEAD')) {
      const found = await someoneWhoMay(route);
      if (!found) continue;
      const person = found.person && (await sessionFor(found.person.userId));
      const failure = await fuzz(`${route.method} ${route.url}`, wildId, (id) => {
        const url = route.url.replace(/:\w+/g, id);
        if (url.startsWith('/api/') && person) return t.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${person.token}` }, ...(route.method === 'GET' ? {} : { payload: { version: 1 } }) });
        if (route.method === 'GET') return person ? person.get(url) : t.app.inject({ url });
        return person ? person.post(url, { version: '1' }) : t.app.inject({ method: 'POST', url, payload: {} });
      }, Math.ceil(RUNS / 4), awkward);
      if (failure) failures.push(failure);
    }
    assert.deepEqual(failures, []);
  });

  it('answers every page and API query string below 500: searches, filters and pages', async () => {
    const failures: string[] = [];
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && !/\*|\.json$/.test(r.url));
    const keys = ['q', 'view', 'status', 'service', 'officer', 'ward', 'page', 'before', 'after', 'limit', 'offset', 'from', 'to', 'on', 'classification', 'body', 'group', 'action', 'actor', 'next', 'done'];
    // Each key with a number past an integer column and with a NUL is tried on every route, before the generated ones.
    const awkward = keys.flatMap((key): [string, string][][] => [[[key, '2147483648']], [[key, 'a\u0000']]]);
    const query = fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1', '2147483648', '-1', '2026-13-45'), wildText.filter((s) => s.length < 5000))), { minLength: 1, maxLength: 4 });
    for (const route of routes) {
      const found = await someoneWhoMay(route);
      if (!found) continue;
      const { target } = found;
      const person = found.person && (await sessionFor(found.person.userId));
      const failure = await fuzz(`GET ${target.url}`, query, (pairs) => {
        const url = `${target.url}?${new URLSearchParams(pairs)}`;
        if (!person) return t.app.inject({ method: 'GET', url });
        return url.startsWith('/api/') ? t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${person.token}` } }) : person.get(url);
      }, Math.ceil(RUNS / 3), awkward);
      if (failure) failures.push(failure);
    }
    assert.deepEqual(failures, []);
  });
});
