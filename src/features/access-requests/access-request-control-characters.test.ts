// A member's own words with a control character in them (NUL above all) are refused with the field named, on
// the page and over the API, and nothing is stored; signed out, the sign-in form refuses them the same way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { PASSWORD } from '../documents/document.fixture.ts';
import { addAccessCouncil, type AccessCouncil } from './access-request.fixture.ts';

describe('control characters in what a member writes', () => {
  let t: TestApp;
  let c: AccessCouncil;
  const stored = async () => (await t.db.kysely.selectFrom('access_requests').select('id').execute()).length;
  const events = async () => (await t.db.kysely.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;

  before(async () => {
    t = await createTestApp();
    c = await addAccessCouncil(t.deps);
    await t.db.kysely.updateTable('council').set({ profile_id: 'bristol-2019' }).execute();
  });
  after(async () => t.close());

  it('refuses a NUL in the information asked for, on the page and over the API, and stores nothing', async () => {
    const member = new Agent(t.app);
    await member.signIn(c.users.independent.email, PASSWORD);
    await member.get('/access-requests/new');
    const [requestsBefore, eventsBefore] = [await stored(), await events()];
    const page = await member.post('/access-requests/new', { information: 'Bin contract\u0000figures', bodyId: String(c.bodies.cabinet), purpose: 'council-duties', reason: 'For the budget.', personalInterest: 'no', personalData: 'no' });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /govuk-error-summary/);
    assert.match(page.body, /Information must not contain control characters/);
    const { token } = await issueApiToken(t.deps, systemActor, c.users.independent.id, 'tests');
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/access-requests', headers: { authorization: `Bearer ${token}` }, payload: { information: 'Bin contract figures', purpose: 'council-duties', reason: 'For\u0000the budget.', personalInterest: false, personalData: false } });
    assert.equal(api.statusCode, 400, api.body);
    assert.deepEqual(api.json().fields, [{ field: 'reason', message: 'Reason must not contain control characters' }]);
    assert.equal(await stored(), requestsBefore);
    assert.equal(await events(), eventsBefore + 1, 'only the API token issued above was recorded');
  });

  it('refuses a NUL in the sign-in form, signed out, naming the field', async () => {
    const visitor = new Agent(t.app);
    await visitor.get('/sign-in');
    const response = await visitor.post('/sign-in', { email: `${c.users.independent.email}\u0000`, password: PASSWORD });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Email must not contain control characters/);
    const query = await visitor.get('/sign-in?next=%2F%00');
    assert.equal(query.statusCode, 400);
    assert.match(query.body, /Next must not contain control characters/);
  });
});
