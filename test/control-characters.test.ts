// A control character (NUL above all, which PostgreSQL cannot store in text) is refused in every input of
// every route: a 400 naming the field, on pages and on the API, signed in or not — never a 500, and nothing
// stored. Routes are walked from the app's own route table, so a new route is covered without anyone
// remembering to add it here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, createTestApp, type TestApp } from './support/app.ts';
import { createAccount, issueApiToken } from '../src/features/accounts/accounts.service.ts';
import { systemActor } from '../src/actor.ts';
import { multipartBody } from './support/multipart.ts';
import type { RouteEntry } from '../src/app.ts';

const PASSWORD = 'lantern kettle orchard piano';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Fields most forms have; the refusal must come whatever the field is called. */
const FIELDS = ['subject', 'details', 'text', 'name', 'q'];

const concrete = (url: string) => url.replace(/:[^/]+/g, '1').replace(/\*$/, 'x');
const label = (route: RouteEntry) => `${route.method} ${route.url}`;
const isApi = (route: RouteEntry) => route.url.startsWith('/api/');
/** What a caller who may not use the route is told first: that, not what is wrong with their input. */
const refusedAccess = (status: number) => status === 303 || status === 401 || status === 403;

describe('control characters in any input', () => {
  let t: TestApp;
  let admin: Agent;
  let token = '';

  before(async () => {
    t = await createTestApp();
    const { id } = await createAccount(t.deps, systemActor, { email: 'admin@nul.example', fullName: 'Ada Admin', roles: ['admin', 'democratic-services'], password: PASSWORD });
    admin = new Agent(t.app);
    await admin.signIn('admin@nul.example', PASSWORD);
    await admin.get('/admin/users/new'); // a form, for a token tied to the signed-in session
    token = (await issueApiToken(t.deps, systemActor, id, 'control characters test')).token;
  });
  after(async () => t.close());

  const routes = () => t.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.startsWith('/assets') && !r.url.includes('*'));

  async function send(route: RouteEntry, how: 'query' | 'body' | 'params', signedIn: boolean): Promise<LightMyRequestResponse> {
    const nul = '\u0000';
    const url = how === 'params' ? route.url.replace(/:[^/]+/g, '1%00') : concrete(route.url);
    const query = how === 'query' ? `?${FIELDS.map((f) => `${f}=a%00b`).join('&')}` : '';
    const headers: Record<string, string> = {};
    if (signedIn && isApi(route)) headers.authorization = `Bearer ${token}`;
    if (signedIn && !isApi(route)) headers.cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined;
    if (UNSAFE.has(route.method)) {
      const values = Object.fromEntries(FIELDS.map((f) => [f, how === 'body' ? `a${nul}b` : 'a']));
      if (isApi(route)) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(values);
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams({ ...values, _csrf: signedIn ? admin.csrf : '' }).toString();
      }
    }
    return t.app.inject({ method: route.method as 'GET', url: `${url}${query}`, headers, ...(payload === undefined ? {} : { payload }) });
  }

  it('answers 400 naming the field for a NUL in a text field or file name of every form that takes a file', async () => {
    const wrong: string[] = [];
    let uploads = 0;
    for (const route of routes().filter((r) => r.method === 'POST' && !isApi(r))) {
      for (const [fields, fileName] of [[{ _csrf: admin.csrf, subject: 'a\u0000b' }, 'notes.txt'], [{ _csrf: admin.csrf }, 'no\u0000tes.txt']] as const) {
        const { payload, contentType } = multipartBody(fields, [{ fileName, content: 'Some notes.', type: 'text/plain' }]);
        const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const response = await t.app.inject({ method: 'POST', url: concrete(route.url), headers: { cookie, 'content-type': contentType }, payload });
        // A form that takes no file does not read multipart bodies at all; one with no text field refuses any (413);
        // a version needs its document first.
        if ([404, 413, 415].includes(response.statusCode) || refusedAccess(response.statusCode)) continue;
        if (response.statusCode === 400 && /must not contain control characters/.test(response.body)) uploads += 1;
        else wrong.push(`${label(route)} ${fileName === 'notes.txt' ? 'field' : 'file name'} → ${response.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(uploads >= 8, `the forms that take files were reached (${uploads})`);
  });

  for (const signedIn of [true, false]) {
    for (const how of ['query', 'body', 'params'] as const) {
      it(`answers 400 naming the field for a NUL in ${how === 'body' ? 'a form field' : `a ${how.replace(/s$/, '')}`}, ${signedIn ? 'signed in as an admin' : 'signed out'}`, async () => {
        const wrong: string[] = [];
        const chosen = routes().filter((r) => (how === 'body' ? UNSAFE.has(r.method) : how === 'params' ? r.url.includes(':') : true));
        assert.ok(chosen.length > 0);
        for (const route of chosen) {
          const response = await send(route, how, signedIn);
          if (refusedAccess(response.statusCode)) continue;
          const named = isApi(route) ? /"fields":\[\{"field":"[^"]+","message":"[^"]*must not contain control characters/.test(response.body) : /must not contain control characters/.test(response.body);
          if (response.statusCode !== 400 || !named) wrong.push(`${label(route)} → ${response.statusCode}`);
        }
        assert.deepEqual(wrong, []);
      });
    }
  }
});
