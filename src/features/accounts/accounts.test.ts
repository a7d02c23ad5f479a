import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount } from './accounts.service.ts';
import { systemActor } from '../../actor.ts';

describe('signing in', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createAccount(t.deps, systemActor, { email: 'Admin@Example.gov.uk', fullName: 'Ada Admin', roles: ['admin'], password: 'correct horse battery staple' });
  });
  after(async () => t.close());

  it('signs in with the right password and reaches the home page', async () => {
    const agent = new Agent(t.app);
    await agent.signIn('admin@example.gov.uk', 'correct horse battery staple');
    const home = await agent.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Welcome, Ada Admin/);
  });

  it('refuses a wrong password with an error summary naming the field', async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const response = await agent.post('/sign-in', { email: 'admin@example.gov.uk', password: 'wrong password here' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /href="#email"/);
  });

  it('refuses a form without its CSRF token', async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const response = await agent.post('/sign-in', { email: 'admin@example.gov.uk', password: 'correct horse battery staple' }, { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /This form has expired/);
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/account' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?next=%2Faccount');
  });
});
