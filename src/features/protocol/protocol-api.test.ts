import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount, issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';

describe('the engine over the API', () => {
  let t: TestApp;
  let auth: { authorization: string };
  before(async () => {
    t = await createTestApp();
    const { id } = await createAccount(t.deps, systemActor, { email: 'api@council.gov.uk', fullName: 'Api User', roles: [], password: 'tokens for the robots' });
    auth = { authorization: `Bearer ${(await issueApiToken(t.deps, systemActor, id, 'test')).token}` };
  });
  after(async () => t.close());

  it('POST /api/v1/check answers exactly as the CLI does', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/check', headers: auth, payload: { profile: 'model', on: '2026-11-23', question: 'member-instruction', facts: { basis: 'consumables' } } });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.outcome, 'permit');
    assert.deepEqual(body.clauses, ['30']);
  });

  it('answers 400 naming the field for bad input, never a 500', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ profile: 'model', question: 'weather', facts: {} }, /question/],
      [{ profile: 'nowhere', question: 'resource-use', facts: {} }, /profile/],
      [{ profile: 'model', question: 'resource-use', facts: { use: 7 } }, /facts\.use/],
      [{ profile: 'model', on: 'yesterday', question: 'resource-use', facts: {} }, /on/],
      [{ question: 'resource-use' }, /profile/],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/check', headers: auth, payload });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.match(response.json().fields[0].field, field);
    }
  });

  it('lists profiles and questions; needs a sign-in or token', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/profiles', headers: auth })).json()[0].id, 'model');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/questions', headers: auth })).json().length, 12);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/profiles' })).statusCode, 401);
  });
});
