// Nothing a signed-in person sees may be kept by a browser or a proxy on the way: every page, API answer and
// download says Cache-Control: no-store, on a success, a refusal or an error alike. Only the public static
// assets (GOV.UK Frontend's and Nolan's own) keep their caching. Routes are walked from the app's route table,
// so a route added anywhere is checked without touching this file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from './support/app.ts';
import { fillEveryTable } from '../src/features/backup/backup.fixture.ts';
import { issueApiToken } from '../src/features/accounts/accounts.service.ts';
import { systemActor } from '../src/actor.ts';
import type { RouteEntry } from '../src/app.ts';

const STATIC = /^\/(assets|stylesheets|javascripts)\/|^\/public\/(?!documents\/)/;

/** A route's address with the first record's id for each parameter, so that pages and downloads are real. */
function concrete(url: string): string {
  return url.replace(/:[^/]+/g, '1').replace(/\*$/, 'govuk-frontend.min.css');
}

const label = (route: RouteEntry) => `${route.method} ${route.url}`;

describe('Cache-Control: no-store on everything but the static assets', () => {
  let t: TestApp;
  let agent: Agent;
  let bearer: string;

  before(async () => {
    t = await createTestApp();
    await fillEveryTable(t.db, t.clock);
    agent = new Agent(t.app);
    await agent.signIn('ada@council.example', 'a long enough phrase here');
    const ada = await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'ada@council.example').executeTakeFirstOrThrow();
    bearer = `Bearer ${(await issueApiToken(t.deps, systemActor, ada.id, 'cache test')).token}`;
  });
  after(async () => t.close());

  it('sends no-store on every page, API answer and download a signed-in person can ask for', async () => {
    const wrong: string[] = [];
    const statuses = new Map<string, number>();
    for (const route of t.app.routeTable) {
      if (route.method !== 'GET' || STATIC.test(route.url)) continue;
      const url = concrete(route.url);
      const response = route.url.startsWith('/api/') ? await agent.get(url, { authorization: bearer }) : await agent.get(url);
      statuses.set(label(route), response.statusCode);
      if (response.headers['cache-control'] !== 'no-store') wrong.push(`${label(route)} → ${response.statusCode} cache-control: ${response.headers['cache-control']}`);
    }
    assert.deepEqual(wrong, []);
    const served = [...statuses].filter(([, status]) => status === 200).map(([route]) => route);
    assert.ok(served.length > 40, `most pages were really served: ${served.length}`);
    assert.ok(served.some((route) => route.includes('/file')), 'a document download was among them');
    assert.ok(served.some((route) => route.includes('/attachments/')), 'an enquiry attachment was among them');
    assert.ok(served.some((route) => route.startsWith('GET /api/')), 'an API answer was among them');
  });

  it('sends no-store on a signed-in form post and its refusal', async () => {
    await agent.get('/account');
    const refused = await agent.post('/account/password', { currentPassword: 'not it', newPassword: 'x', confirmPassword: 'y' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['cache-control'], 'no-store');
  });

  it('lets the public static assets keep their caching, for a signed-in person too', async () => {
    const statics = t.app.routeTable.filter((route) => route.method === 'GET' && STATIC.test(route.url));
    assert.ok(statics.length >= 3);
    for (const url of ['/stylesheets/govuk-frontend.min.css', '/javascripts/govuk-frontend.min.js', '/assets/images/favicon.ico']) {
      const response = await agent.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers['cache-control']), /max-age=86400/, url);
    }
  });
});
