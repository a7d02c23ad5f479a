// CSRF on every state-changing route of the route table: signed in as someone who may use the route (on a record
// they are entitled to), a form sent with no token, or with a token from another person's session, is refused with
// the CSRF refusal and changes nothing that is stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, type TestApp } from '../support/app.ts';
import { DEMO_PASSWORD } from '../../src/features/demo/demo.service.ts';
import { type Person, type SweepCouncil } from './council.ts';
import { bodySchemaOf, validSample } from './json-bodies.ts';
import { entitledTo, fingerprint, targetsOf, type RecordIds, type Target } from './route-records.ts';
import { openSweepWorld } from './sweep-world.ts';

const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Fields that would make many forms' writes land, had the token been taken. */
const FIELDS = { version: '1', answer: 'accept', text: 'Sent from another site.', reason: 'Sent from another site.', decision: 'grant', subject: 'Sent from another site', details: 'Sent from another site.', email: 'someone@sweep.example', fullName: 'Someone', roles: 'admin' };

describe('CSRF on every state-changing route', () => {
  let t: TestApp;
  let c: SweepCouncil;
  let ids: RecordIds;
  const started = Date.now();

  before(async () => {
    ({ t, c, ids } = await openSweepWorld());
  });
  after(async () => {
    console.log(`csrf sweep: ${Date.now() - started} ms in all`);
    await t.close();
  });

  async function someoneWhoMay(route: (typeof t.app.routeTable)[number]): Promise<{ person: Person; target: Target } | undefined> {
    for (const target of targetsOf(route, ids)) {
      for (const person of c.people) if (await entitledTo(t, c, person, route, target)) return { person, target };
    }
    return undefined;
  }

  it('refuses a form without a token, or with another session’s, on every route, and stores nothing', async () => {
    const wrong: string[] = [];
    const unused: string[] = [];
    let checked = 0;
    const stranger = new Agent(t.app);
    await stranger.signIn('other.group@sweep.example', DEMO_PASSWORD);
    for (const route of t.app.routeTable.filter((r) => UNSAFE.includes(r.method))) {
      const found = await someoneWhoMay(route);
      if (!found) {
        unused.push(`${route.method} ${route.url}`);
        continue;
      }
      const { person, target } = found;
      // A visitor signed out still has a session for the sign-in form; the token of another visitor's is foreign.
      const agent = route.access()!.kind === 'public' ? new Agent(t.app) : person.agent;
      await agent.get(route.access()!.kind === 'public' ? '/sign-in' : '/');
      const before = await fingerprint(t);
      for (const [how, token] of [['no token', null], ['another session’s token', stranger.csrf]] as const) {
        const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        let response;
        if (target.url.startsWith('/api/')) {
          // The API takes a session too: a body its schema accepts reaches the CSRF check.
          const schema = bodySchemaOf(route);
          const headers: Record<string, string> = { cookie, 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) };
          response = await t.app.inject({ method: route.method as 'POST', url: target.url, headers, payload: JSON.stringify(schema ? validSample(schema) : {}) });
        } else {
          const form = new URLSearchParams();
          if (token) form.append('_csrf', token);
          for (const [key, value] of Object.entries(FIELDS)) form.append(key, value);
          response = await t.app.inject({ method: route.method as 'POST', url: target.url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
        }
        checked++;
        const refusal = response.statusCode === 403 && /This form has expired/.test(response.body);
        if (!refusal) wrong.push(`${person.label} ${route.method} ${target.url} with ${how} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
      if ((await fingerprint(t)) !== before) wrong.push(`${route.method} ${route.url}: a refused form changed what is stored`);
    }
    console.log(`csrf sweep: ${checked} forged forms, ${wrong.length} taken; no one may use ${unused.join(', ') || 'nothing'}`);
    assert.ok(checked > 80, 'every state-changing route was tried');
    assert.deepEqual(unused, [], 'routes no person of the sweep council may use: give the council someone who may');
    assert.deepEqual(wrong, []);
  });
});
