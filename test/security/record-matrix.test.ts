// The role × route × record matrix, generated from the route table: every route with a record in its address is
// asked for real records of that kind by every person, and the answer is compared with the record kind's own
// access rule. A person not entitled gets 403 or 404 and never the record's words; an entitled one gets the page.
// Writes by a person not entitled are refused and change nothing. Includes an officer who left yesterday and a
// member whose term has ended, both with their accounts still enabled.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '../../src/app.ts';
import { type TestApp } from '../support/app.ts';
import { requestAs, type Person, type SweepCouncil } from './council.ts';
import { mayRead, type Canary } from './canaries.ts';
import { entitledTo, fingerprint, missing, targetsOf, type RecordIds, type Target } from './route-records.ts';
import { openSweepWorld } from './sweep-world.ts';

const isApi = (url: string) => url.startsWith('/api/');
const refused = (response: LightMyRequestResponse, url: string) =>
  (response.statusCode === 403 || response.statusCode === 404) && (!isApi(url) || /application\/json/.test(String(response.headers['content-type'])));

describe('the role × route × record matrix', () => {
  let t: TestApp;
  let c: SweepCouncil;
  let canaries: Canary[];
  let ids: RecordIds;
  const started = Date.now();

  before(async () => {
    ({ t, c, canaries, ids } = await openSweepWorld());
    console.log(`record matrix: council seeded in ${Date.now() - started} ms, ${canaries.length} canaries`);
  });
  after(async () => {
    console.log(`record matrix: ${Date.now() - started} ms in all`);
    await t.close();
  });

  const entitled = (person: Person, route: RouteEntry, target: Target) => entitledTo(t, c, person, route, target);

  const seen = new Map<string, boolean>();
  async function leaksIn(person: Person, body: string): Promise<string[]> {
    const leaks: string[] = [];
    for (const canary of canaries) {
      if (!body.includes(canary.text)) continue;
      const key = `${person.label} ${canary.text}`;
      if (!seen.has(key)) seen.set(key, await mayRead(t, c.today, person.entitled, canary.kind, canary.id, canary.field));
      if (!seen.get(key)) leaks.push(canary.text);
    }
    return leaks;
  }

  it('gives every person exactly what each record kind’s rule allows, on every page and API route that names a record', async () => {
    const wrong: string[] = [];
    let checks = 0;
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && /:\w/.test(r.url));
    assert.ok(routes.length > 15, 'the route table has record routes');
    for (const route of routes) {
      for (const target of targetsOf(route, ids)) {
        for (const person of c.people) {
          const response = await requestAs(t, person, 'GET', target.url);
          checks++;
          const may = await entitled(person, route, target);
          const leaks = await leaksIn(person, response.body);
          if (leaks.length) wrong.push(`${person.label} GET ${target.url} → ${response.statusCode} shows ${leaks.join(', ')}`);
          else if (!may && !refused(response, target.url)) wrong.push(`${person.label} GET ${target.url} → ${response.statusCode}, expected 403 or 404`);
          else if (may && target.kind && response.statusCode !== 200) wrong.push(`${person.label} GET ${target.url} → ${response.statusCode}, expected 200`);
        }
      }
    }
    console.log(`record matrix: ${checks} reads, ${wrong.length} wrong`);
    assert.deepEqual(wrong, []);
  });

  it('refuses every write to a record by a person not entitled to it, and nothing changes', async () => {
    const wrong: string[] = [];
    let checks = 0;
    const routes = t.app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && /:\w/.test(r.url) && r.access()?.kind !== 'public');
    for (const route of routes) {
      const before = await fingerprint(t);
      for (const target of targetsOf(route, ids, 2)) {
        for (const person of c.people) {
          if (await entitled(person, route, target)) continue;
          checks++;
          const fields = { version: '1', answer: 'decline', text: 'A write that must not land.', reason: 'A write that must not land.', decision: 'grant' };
          const send = (method: string, url: string) => isApi(url)
            ? t.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${person.token}` }, payload: { ...fields, version: 1 } })
            : person.agent.post(url, fields);
          const response = await send(route.method, target.url);
          const leaks = await leaksIn(person, response.body);
          // Refused before the record is looked at (a body the route's schema refuses) is as good as refused.
          const asForNothing = response.statusCode === 400 && isApi(target.url) && (await send(route.method, missing(route))).statusCode === 400;
          if (leaks.length) wrong.push(`${person.label} ${route.method} ${target.url} → ${response.statusCode} shows ${leaks.join(', ')}`);
          else if (!refused(response, target.url) && !asForNothing) wrong.push(`${person.label} ${route.method} ${target.url} → ${response.statusCode}, expected 403 or 404`);
        }
      }
      const after = await fingerprint(t);
      if (after !== before) wrong.push(`${route.method} ${route.url}: refused writes changed what is stored`);
    }
    console.log(`record matrix: ${checks} refused writes, ${wrong.length} wrong`);
    assert.ok(checks > 100, 'writes were tried');
    assert.deepEqual(wrong, []);
  });
});
