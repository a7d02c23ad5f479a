// API tokens: issued only from a signed-in browser session, never by another token; each expires (90 days unless
// the person chooses otherwise); each records when it was last used; and the account page lists them with revoke.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount, issueApiToken } from './accounts.service.ts';
import { systemActor } from '../../actor.ts';

const PASSWORD = 'tokens for the case system';
const DAY = 86_400_000;

describe('API tokens', () => {
  let t: TestApp;
  let userId: number;
  let agent: Agent;

  before(async () => {
    t = await createTestApp();
    userId = (await createAccount(t.deps, systemActor, { email: 'tess@council.gov.uk', fullName: 'Tess Tokens', roles: ['democratic-services'], password: PASSWORD })).id;
    agent = new Agent(t.app);
    await agent.signIn('tess@council.gov.uk', PASSWORD);
  });
  after(async () => t.close());

  const tokensOfTess = () => t.db.kysely.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const newToken = (body: string) => /id="new-token">([^<]+)</.exec(body)?.[1];
  const rowOf = (body: string, name: string) => new RegExp(`<tr[^>]*>\\s*<td[^>]*>${name}</td>[\\s\\S]*?</tr>`).exec(body)?.[0] ?? '';

  it('will not issue a token to a request made with a token', async () => {
    const { token } = await issueApiToken(t.deps, systemActor, userId, 'case system');
    const before = (await tokensOfTess()).length;
    for (const [url, payload] of [['/account/tokens', 'name=minted+by+a+token'], ['/account/tokens', 'name=minted&days=365']] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
      assert.equal(response.statusCode, 403, `${url}: ${response.body.slice(0, 200)}`);
      assert.equal(newToken(response.body), undefined);
    }
    const json = await t.app.inject({ method: 'POST', url: '/account/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'minted as JSON' } });
    assert.equal(json.statusCode, 403);
    assert.equal((await tokensOfTess()).length, before, 'no token was issued');
  });

  it('will not let an administrator’s token invite an account, whose invitation would outlive the token', async () => {
    const adminId = (await createAccount(t.deps, systemActor, { email: 'ada@council.gov.uk', fullName: 'Ada Admin', roles: ['admin'], password: PASSWORD })).id;
    const { token } = await issueApiToken(t.deps, systemActor, adminId, 'reporting');
    const response = await t.app.inject({
      method: 'POST',
      url: '/admin/users/new',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=mallory%40council.gov.uk&fullName=Mallory&roles=admin',
    });
    assert.equal(response.statusCode, 403);
    assert.doesNotMatch(response.body, /\/invitation\//);
    assert.equal(await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'mallory@council.gov.uk').executeTakeFirst(), undefined);
    assert.equal((await me(token)).statusCode, 200, 'the token still answers on the API');
  });

  it('will not issue a token to a session without the form’s CSRF token', async () => {
    await agent.get('/account');
    const response = await agent.post('/account/tokens', { name: 'no csrf' }, { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.ok(!(await tokensOfTess()).some((row) => row.name === 'no csrf'));
  });

  it('issues a token from the account page that expires after 90 days unless another period is chosen', async () => {
    await agent.get('/account');
    const standard = await agent.post('/account/tokens', { name: 'standard' });
    assert.equal(standard.statusCode, 200);
    assert.ok(newToken(standard.body));
    const short = await agent.post('/account/tokens', { name: 'short', days: '30' });
    assert.equal(short.statusCode, 200);
    const rows = await tokensOfTess();
    const now = t.clock.now().getTime();
    assert.equal(rows.find((row) => row.name === 'standard')?.expires_at, new Date(now + 90 * DAY).toISOString());
    assert.equal(rows.find((row) => row.name === 'short')?.expires_at, new Date(now + 30 * DAY).toISOString());
    const page = await agent.get('/account');
    for (const days of ['30', '90', '180', '365']) assert.match(page.body, new RegExp(`name="days" type="radio" value="${days}"`));
  });

  it('refuses an expiry that is not offered, naming the field', async () => {
    await agent.get('/account');
    const response = await agent.post('/account/tokens', { name: 'forever', days: '100000' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#days"/);
    assert.ok(!(await tokensOfTess()).some((row) => row.name === 'forever'));
  });

  it('answers 401 to an expired token', async () => {
    const { token } = await issueApiToken(t.deps, systemActor, userId, 'short lived', 30);
    assert.equal((await me(token)).statusCode, 200);
    t.clock.advance(30 * DAY - 1000);
    assert.equal((await me(token)).statusCode, 200, 'still good a second before it expires');
    t.clock.advance(2000);
    assert.equal((await me(token)).statusCode, 401);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const { id, token } = await issueApiToken(t.deps, systemActor, userId, 'touched');
    const lastUsed = async () => (await t.db.kysely.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;
    assert.equal(await lastUsed(), null);
    const first = t.clock.now().toISOString();
    await me(token);
    assert.equal(await lastUsed(), first);
    t.clock.advance(30_000);
    await me(token);
    assert.equal(await lastUsed(), first, 'not written again within the minute');
    t.clock.advance(31_000);
    await me(token);
    assert.equal(await lastUsed(), t.clock.now().toISOString());
  });

  it('lists every token on the account page with its prefix, dates and status, and revokes one, which then answers 401', async () => {
    const { id, token } = await issueApiToken(t.deps, systemActor, userId, 'to revoke', 180);
    await me(token);
    agent = new Agent(t.app);
    await agent.signIn('tess@council.gov.uk', PASSWORD);
    const page = await agent.get('/account');
    for (const heading of ['Name', 'Starts', 'Issued', 'Last used', 'Expires', 'Status']) assert.match(page.body, new RegExp(`<th[^>]*>${heading}</th>`));
    const row = rowOf(page.body, 'to revoke');
    assert.ok(row.includes(token.slice(0, 12)), 'shows the prefix');
    assert.match(row, /21 June 2027/, 'shows the expiry');
    assert.match(row, /Active/);
    assert.match(rowOf(page.body, 'short lived'), /Expired/, 'an expired token says so');
    const revoke = await agent.post(`/account/tokens/${id}/revoke`, {});
    assert.equal(revoke.statusCode, 303);
    assert.equal((await me(token)).statusCode, 401);
    const after = await agent.get('/account');
    assert.match(rowOf(after.body, 'to revoke'), /Revoked/);
  });

  it('answers 404, not an error, to revoking a token by an id no token could have', async () => {
    agent = new Agent(t.app);
    await agent.signIn('tess@council.gov.uk', PASSWORD);
    for (const id of ['2147483648', '99999999999999999999', '-1', '1.0', 'x']) {
      await agent.get('/account');
      assert.equal((await agent.post(`/account/tokens/${id}/revoke`, {})).statusCode, 404, id);
    }
  });

  it('will not revoke a token for a request made with a token', async () => {
    const { token } = await issueApiToken(t.deps, systemActor, userId, 'revoker');
    const { id } = await issueApiToken(t.deps, systemActor, userId, 'victim');
    const response = await t.app.inject({ method: 'POST', url: `/account/tokens/${id}/revoke`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 403);
    assert.equal((await t.db.kysely.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at, null);
  });
});
