import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { readable } from '../../../test/support/html.ts';

describe('Ask the protocol pages', () => {
  let t: TestApp;
  let agent: Agent;
  before(async () => {
    t = await createTestApp();
    await createAccount(t.deps, systemActor, { email: 'reader@council.gov.uk', fullName: 'Rita Reader', roles: [], password: 'protocols all the way' });
    agent = new Agent(t.app);
    await agent.signIn('reader@council.gov.uk', 'protocols all the way');
  });
  after(async () => t.close());

  it('lists the questions and asks one as a GOV.UK question page with “I don’t know”', async () => {
    const index = await agent.get('/protocol');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /href="\/protocol\/ask\/group-briefing"/);
    const page = await agent.get('/protocol/ask/group-briefing');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /govuk-radios/);
    assert.match(readable(page.body), /I don’t know/);
  });

  it('answers in plain English with who decides and the clause reasons', async () => {
    const answer = await agent.get('/protocol/ask/document-access/answer?profile=model&memberOfBody=no&classification=open&needToKnowShown=no&otherGroupInternal=no&purpose=council-duties&personalData=no&personalInterest=no');
    assert.equal(answer.statusCode, 200);
    assert.match(answer.body, /Not yours to decide: this goes to the Monitoring Officer/);
    assert.match(answer.body, /Clause 113:/);
    assert.match(answer.body, /Use the information only for the purpose/);
  });

  it('says which facts it needs when the answer depends on an unknown', async () => {
    const answer = await agent.get('/protocol/ask/scrutiny-attendance/answer?profile=model&officerGrade=director&aboutOfficerConduct=unknown&politicalViewsSought=no');
    assert.match(answer.body, /More facts are needed/);
    assert.match(readable(answer.body), /about the officer’s conduct or competence/);
  });

  it('re-asks with an error summary naming the field for a bad date or a missing profile', async () => {
    const badDate = await agent.get('/protocol/ask/enquiry-deadline/answer?profile=model&received-day=31&received-month=2&received-year=2026');
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /govuk-error-summary/);
    assert.match(badDate.body, /href="#received-day"/);
    const noProfile = await agent.get('/protocol/ask/resource-use/answer?use=ward');
    assert.equal(noProfile.statusCode, 400);
    assert.match(noProfile.body, /href="#profile"/);
    assert.equal((await agent.get('/protocol/ask/weather')).statusCode, 404);
  });

  it('compares every bundled protocol side by side', async () => {
    const compare = await agent.get('/protocol/compare/resource-use/answer?use=party-political');
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /Compare councils/);
    assert.match(compare.body, /Model protocol/);
  });

  it('shows a profile’s versions and rules by question', async () => {
    const page = await agent.get('/protocol/profiles/model');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rules, question by question/);
    assert.match(page.body, /clause 116/);
    assert.equal((await agent.get('/protocol/profiles/atlantis')).statusCode, 404);
  });
});
