// An administrator or democratic services officer who leaves the council keeps an enabled account (the directory
// records the day they left, nobody disabled the sign-in): they may still sign in, see the home page and their
// account, but every route that asks for a role or power refuses them, on pages and through the API. An
// administrator whose account is linked to no officer is not affected by anyone's leaving.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import type { RouteEntry } from '../../app.ts';
import type { Access } from '../../web/access.ts';
import { createAccount, issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { addPeople, PASSWORD, type People } from './people.fixture.ts';

const LEFT_YESTERDAY = '2026-11-22';
const EMAIL = 'sam.systems@council.example';

const concrete = (url: string) => url.replace(/:[^/]+/g, '1').replace(/\*$/, 'x');

describe('an administrator who has left', () => {
  let t: TestApp;
  let people: People;
  let officerId = 0;
  let token = '';
  let stillSignedIn: Agent;

  before(async () => {
    t = await createTestApp();
    people = await addPeople(t.deps);
    const at = t.clock.now().toISOString();
    officerId = (
      await t.db.kysely
        .insertInto('officers')
        .values({ external_id: null, full_name: 'Sam Systems', email: EMAIL, job_title: 'Systems and Democratic Services Officer', grade: 'senior', service_id: null, line_manager_id: null, politically_restricted: false, left_on: null, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const { id } = await createAccount(t.deps, systemActor, { email: EMAIL, fullName: 'Sam Systems', roles: ['officer', 'democratic-services', 'admin'], password: PASSWORD, officerId });
    token = (await issueApiToken(t.deps, systemActor, id, 'former staff')).token;
    stillSignedIn = new Agent(t.app);
    await stillSignedIn.signIn(EMAIL, PASSWORD);
    assert.equal((await stillSignedIn.get('/admin/users')).statusCode, 200, 'in post, they run the accounts');
    await t.db.kysely.updateTable('officers').set({ left_on: LEFT_YESTERDAY }).where('id', '=', officerId).execute();
  });
  after(async () => t.close());

  it('may still sign in and see the home page and their account, and nothing on the admin index', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(EMAIL, PASSWORD);
    assert.equal((await agent.get('/')).statusCode, 200);
    const account = await agent.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Sam Systems/);
    assert.equal((await agent.get('/admin')).statusCode, 403);
  });

  it('is refused every route that asks for a role or power, signed in before or after the day they left', async () => {
    const fresh = new Agent(t.app);
    await fresh.signIn(EMAIL, PASSWORD);
    const wrong: string[] = [];
    let checked = 0;
    const ask = async (agent: Agent, route: RouteEntry): Promise<LightMyRequestResponse> => {
      if (route.url.startsWith('/api/')) return t.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers: { authorization: `Bearer ${token}` } });
      if (route.method === 'GET') return agent.get(concrete(route.url));
      if (route.method === 'HEAD') return t.app.inject({ method: 'HEAD', url: concrete(route.url), headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      await agent.get('/account');
      return agent.post(concrete(route.url), {});
    };
    for (const route of t.app.routeTable) {
      if ((route.access() as Access).kind !== 'any-of') continue;
      checked += 1;
      for (const [who, agent] of [['signed in before', stillSignedIn], ['signed in after', fresh]] as const) {
        const response = await ask(agent, route);
        if (response.statusCode !== 403) wrong.push(`${route.method} ${route.url} (${who}) → ${response.statusCode}`);
      }
    }
    assert.ok(checked > 40, `every restricted route is walked (${checked})`);
    assert.deepEqual(wrong, []);
  });

  it('cannot invite anyone or change an account through the admin pages', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(EMAIL, PASSWORD);
    await agent.get('/account');
    const invited = await agent.post('/admin/users/new', { email: 'new.friend@council.example', fullName: 'New Friend', roles: 'admin' });
    assert.equal(invited.statusCode, 403);
    const granted = await agent.post(`/admin/users/${people.councillor.id}/roles`, { roles: ['member', 'admin'] });
    assert.equal(granted.statusCode, 403);
    const accounts = await t.db.kysely.selectFrom('users').select('email').where('email', '=', 'new.friend@council.example').execute();
    assert.deepEqual(accounts, []);
    const roles = await t.db.kysely.selectFrom('user_roles').select('role').where('user_id', '=', people.councillor.id).execute();
    assert.deepEqual(roles.map((r) => r.role), ['member']);
  });

  it('leaves an administrator linked to no officer as they were', async () => {
    const admin = new Agent(t.app);
    await admin.signIn(people.admin.email, PASSWORD);
    assert.equal((await admin.get('/admin/users')).statusCode, 200);
  });
});
