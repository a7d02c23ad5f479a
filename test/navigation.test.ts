// The service navigation each kind of person sees on a page: which links, in which order, and which is current.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from './support/app.ts';
import { addPeople, PASSWORD, type People } from '../src/features/admin/people.fixture.ts';
import { createAccount } from '../src/features/accounts/accounts.service.ts';
import { systemActor } from '../src/actor.ts';

function navigation(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-service-navigation__link" href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => `${m[2]!.replace(/<[^>]*>/g, '').trim()} ${m[1]}`);
}

function current(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-service-navigation__link" href="([^"]*)" aria-current="(?:page|true)"/g)].map((m) => m[1]!);
}

const SIGNED_IN_END = ['Your account /account', 'Sign out /sign-out'];

describe('the service navigation', () => {
  let t: TestApp;
  let people: People;
  let officerEmail: string;
  const signedIn = async (email: string) => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    return agent;
  };

  before(async () => {
    t = await createTestApp();
    people = await addPeople(t.deps);
    officerEmail = 'pat.price@council.example';
    await createAccount(t.deps, systemActor, { email: officerEmail, fullName: 'Pat Price', roles: ['officer'], password: PASSWORD, officerId: people.spareOfficerId });
  });
  after(async () => t.close());

  it('offers only Sign in to someone not signed in', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(navigation(page.body), ['Sign in /sign-in']);
  });

  const expected: Record<string, () => { email: string; links: string[] }> = {
    'a member': () => ({
      email: people.councillor.email,
      links: ['Home /', 'Enquiries /enquiries', 'Documents /documents', 'Briefings /briefings', 'Members /members', 'Officers /officers', 'Committees /bodies', 'Ask the protocol /protocol', ...SIGNED_IN_END],
    }),
    'an officer': () => ({
      email: officerEmail,
      links: ['Home /', 'Enquiries /enquiries', 'Documents /documents', 'Briefings /briefings', 'Members /members', 'Officers /officers', 'Committees /bodies', 'Ask the protocol /protocol', ...SIGNED_IN_END],
    }),
    'democratic services': () => ({
      email: people.clerk.email,
      links: ['Home /', 'Enquiries /enquiries', 'Documents /documents', 'Members /members', 'Officers /officers', 'Committees /bodies', 'Ask the protocol /protocol', 'Admin /admin', ...SIGNED_IN_END],
    }),
    'an administrator': () => ({
      email: people.admin.email,
      links: ['Home /', 'Enquiries /enquiries', 'Documents /documents', 'Members /members', 'Officers /officers', 'Committees /bodies', 'Ask the protocol /protocol', 'Admin /admin', ...SIGNED_IN_END],
    }),
    'the Monitoring Officer': () => ({
      email: people.monitoringOfficer.email,
      links: ['Home /', 'Enquiries /enquiries', 'Documents /documents', 'Briefings /briefings', 'Members /members', 'Officers /officers', 'Committees /bodies', 'Ask the protocol /protocol', 'Admin /admin', ...SIGNED_IN_END],
    }),
  };

  for (const [who, of] of Object.entries(expected)) {
    it(`gives ${who} their links in order, marking the current section`, async () => {
      const { email, links } = of();
      const agent = await signedIn(email);
      const home = await agent.get('/');
      assert.equal(home.statusCode, 200);
      assert.deepEqual(navigation(home.body), links);
      assert.deepEqual(current(home.body), ['/']);
      const members = await agent.get('/members');
      assert.equal(members.statusCode, 200);
      assert.deepEqual(navigation(members.body), links);
      assert.deepEqual(current(members.body), ['/members']);
    });
  }
});
