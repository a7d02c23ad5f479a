// The authorisation matrix: every reader (each role, a former member, the public) × every route that can show a
// register entry or its file (pages, search, the viewer, downloads, the API and its search, the public list and
// its downloads, the disclosure log) × every classification, with members holding grants of each kind. Each
// non-open paper carries a canary in its summary and its first file; the redacted version does not. The expected
// sight is written out here by hand, apart from documentSight, so the two are checked against each other. A
// granted request for information carries a canary in its words: only its member and those who keep or decide
// requests see it, and the public disclosure log never does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount, issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { PASSWORD } from '../documents/document.fixture.ts';
import { addDocumentFile, createDocument } from '../documents/document.service.ts';
import { minimalPdf } from '../documents/minimal-pdf.ts';
import { addAccessCouncil, type AccessCouncil } from './access-request.fixture.ts';

type Reader = keyof AccessCouncil['users'] | 'formerMo' | 'public';
type Paper = 'open' | 'exemptListed' | 'exemptUnlisted' | 'confidential' | 'redGroup';
// F everything; V the file in the viewer, no download; R the redacted version in the viewer only;
// C a grant not yet confirmed (the entry only); M the entry's metadata only; - nothing.
type Sight = 'F' | 'V' | 'R' | 'C' | 'M' | '-';

const PAPERS: Paper[] = ['open', 'exemptListed', 'exemptUnlisted', 'confidential', 'redGroup'];
const EXPECTED: Record<Reader, string> = {
  //          open, exemptListed, exemptUnlisted, confidential, redGroup
  clerk: 'FFFFF',
  admin: 'FFFFF',
  mo: 'FFFFF',
  po: 'FFFFF',
  officer: 'FM---',
  red: 'FMMCF', // sits on the Cabinet (the unlisted paper's body); a grant on the confidential paper, unconfirmed
  redLeader: 'FMF-F', // a confirmed grant on the unlisted exempt paper
  blue: 'FR---', // a redacted, view-only grant on the listed exempt paper
  independent: 'FM-V-', // a view-only grant on the confidential paper
  former: 'FM---', // held a grant on the unlisted exempt paper; it ended with the term
  formerMo: 'FM---', // the Monitoring Officer until yesterday: left the council, account still enabled
  public: 'FM---',
};

const INFORMATION_CANARY = 'INFO-CANARY-waste-figures-7e3a';
const SEES_INFORMATION: Reader[] = ['clerk', 'admin', 'mo', 'po', 'independent'];

const ANSWER = JSON.stringify({ profile: 'model', outcome: 'refer', decider: 'monitoring-officer', clauses: ['113'], consult: [], route: [], obligations: [], needs: [], warnings: [], explanation: [] });

const canaryOf = (paper: Paper) => `MATRIX-CANARY-${paper}-d41d8c`;
const titleOf = (paper: Paper) => `Matrix paper ${paper} zebra${paper.length}`;
const seesSecret = (s: Sight) => s === 'F' || s === 'V';

describe('the authorisation matrix: every reader × every route × every classification', () => {
  let t: TestApp;
  let c: AccessCouncil;
  const ids = {} as Record<Paper, number>;
  const agents = new Map<Reader, Agent>();
  const tokens = new Map<Reader, string>();
  let informationId = 0;

  before(async () => {
    t = await createTestApp();
    c = await addAccessCouncil(t.deps);
    const actor = { userId: c.users.clerk.id, label: c.users.clerk.email };
    const base = { authorOfficerId: c.officers.author, reviewOn: '2027-06-01' };
    const inputs: Record<Paper, Record<string, unknown>> = {
      open: { bodyId: c.bodies.planning, classification: 'open' },
      exemptListed: { bodyId: c.bodies.planning, classification: 'exempt', exemptParagraph: 3, publicInterestTest: 'Negotiations continue.', metadataPublic: true },
      exemptUnlisted: { bodyId: c.bodies.cabinet, classification: 'exempt', exemptParagraph: 4, publicInterestTest: 'Consultation continues.' },
      confidential: { bodyId: c.bodies.planning, classification: 'confidential', confidentialGround: 'enactment' },
      redGroup: { bodyId: c.bodies.planning, classification: 'group-internal', groupId: c.groups.red, authorOfficerId: undefined, authorName: 'Red group office' },
    };
    for (const paper of PAPERS) {
      const entry = await createDocument(t.deps, actor, { ...base, title: titleOf(paper), summary: `Summary ${canaryOf(paper)}`, ...inputs[paper] });
      await addDocumentFile(t.deps, actor, entry.id, { fileName: `${paper}.pdf`, contentType: 'application/pdf', content: minimalPdf(paper, [`Body text ${canaryOf(paper)}`]) });
      ids[paper] = entry.id;
    }
    await addDocumentFile(t.deps, actor, ids.exemptListed, { fileName: 'redacted.pdf', contentType: 'application/pdf', content: minimalPdf('redacted', ['Figures withheld.']), redacted: true });
    const at = '2026-11-20T10:00:00.000Z';
    const grant = async (who: keyof AccessCouncil['users'], paper: Paper, conditions: { view_only?: boolean; redacted_only?: boolean; confirmed?: boolean }) =>
      t.db.kysely.insertInto('access_requests').values({
        document_id: ids[paper], member_id: c.users[who].memberId!, requested_by_user_id: c.users[who].id, purpose: 'council-duties', reason: 'Matrix.', personal_interest: false,
        facts_json: '{}', answer_json: '{"outcome":"refer","explanation":[],"profile":"model"}', decider: 'monitoring-officer', decider_basis: 'protocol', consult_json: '[]', clauses_json: '["113"]',
        status: 'granted', reasons: 'Matrix grant.', decided_by: 'Mo Monitoring', decided_at: at, view_only: conditions.view_only ?? false, redacted_only: conditions.redacted_only ?? false,
        purpose_confirmed_at: conditions.confirmed === false ? null : at, created_at: at, updated_at: at,
      }).execute();
    await grant('red', 'confidential', { confirmed: false });
    await grant('redLeader', 'exemptUnlisted', {});
    await grant('blue', 'exemptListed', { view_only: true, redacted_only: true });
    await grant('independent', 'confidential', { view_only: true });
    await grant('former', 'exemptUnlisted', {});
    informationId = (await t.db.kysely.insertInto('access_requests').values({
      document_id: null, information: `Waste contract figures ${INFORMATION_CANARY}`, information_body_id: c.bodies.cabinet, member_id: c.users.independent.memberId!, requested_by_user_id: c.users.independent.id,
      purpose: 'council-duties', reason: 'Matrix.', personal_interest: false, facts_json: '{}', answer_json: ANSWER, decider: 'monitoring-officer',
      decider_basis: 'protocol', consult_json: '[]', clauses_json: '["113"]', status: 'granted', reasons: 'Totals by email.', decided_by: 'Mo Monitoring', decided_at: at, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow()).id;
    // A Monitoring Officer who left yesterday: the directory still lists the statutory role as theirs.
    const formerMo = (await t.db.kysely.insertInto('officers').values({ external_id: null, full_name: 'Max Former', email: null, job_title: 'Head of Legal', grade: 'senior', service_id: null, line_manager_id: null, politically_restricted: true, left_on: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    await t.db.kysely.insertInto('statutory_roles').values({ officer_id: formerMo, role: 'monitoring-officer', capacity: 'holder', starts_on: '2020-01-01', ends_on: null, created_at: at }).execute();
    const formerMoUser = await createAccount(t.deps, systemActor, { email: 'max.former@millford.gov.uk', fullName: 'Max Former', roles: ['officer'], password: PASSWORD, officerId: formerMo });
    await t.db.kysely.updateTable('officers').set({ left_on: '2026-11-22' }).where('id', '=', formerMo).execute();
    const accounts = [...Object.entries(c.users).map(([who, u]) => [who, u.email, u.id] as const), ['formerMo', 'max.former@millford.gov.uk', formerMoUser.id] as const];
    for (const [who, email, userId] of accounts) {
      const agent = new Agent(t.app);
      await agent.signIn(email, PASSWORD);
      agents.set(who as Reader, agent);
      tokens.set(who as Reader, (await issueApiToken(t.deps, systemActor, userId, 'matrix')).token);
    }
  });
  after(async () => t.close());

  it('gives each reader exactly the expected sight everywhere, and never shows a canary to anyone without a grant', async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    let checks = 0;
    const get = async (reader: Reader, url: string): Promise<LightMyRequestResponse> => {
      if (reader === 'public') return t.app.inject({ method: 'GET', url });
      if (url.startsWith('/api/')) return t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(reader)!}` } });
      return agents.get(reader)!.get(url);
    };
    const sweep = (reader: Reader, url: string, response: LightMyRequestResponse) => {
      const body = response.body;
      PAPERS.forEach((paper, i) => {
        const sight = EXPECTED[reader][i] as Sight;
        if (paper !== 'open' && !seesSecret(sight) && body.includes(canaryOf(paper))) leaks.push(`${reader} ${url}: ${paper}'s canary`);
      });
      if ((!SEES_INFORMATION.includes(reader) || url.startsWith('/public/')) && body.includes(INFORMATION_CANARY)) leaks.push(`${reader} ${url}: the information request's canary`);
    };
    const expectStatus = async (reader: Reader, url: string, want: number) => {
      const response = await get(reader, url);
      checks++;
      sweep(reader, url, response);
      if (response.statusCode !== want) mismatches.push(`${reader} GET ${url}: ${response.statusCode}, expected ${want}`);
      return response;
    };
    const expectListed = async (reader: Reader, url: string, paper: Paper, text: string, want: boolean) => {
      const response = await get(reader, url);
      checks++;
      sweep(reader, url, response);
      if (response.statusCode !== 200) mismatches.push(`${reader} GET ${url}: ${response.statusCode}`);
      else if (response.body.includes(text) !== want) mismatches.push(`${reader} GET ${url}: ${paper} ${want ? 'missing' : 'shown'}`);
    };
    const DOWNLOAD: Record<Sight, number> = { F: 200, V: 403, R: 403, C: 403, M: 403, '-': 404 };
    const VIEW: Record<Sight, number> = { F: 200, V: 200, R: 403, C: 403, M: 403, '-': 404 };

    for (const reader of Object.keys(EXPECTED) as Reader[]) {
      for (const [i, paper] of PAPERS.entries()) {
        const sight = EXPECTED[reader][i] as Sight;
        const id = ids[paper];
        const word = `zebra${paper.length}`;
        if (reader === 'public') {
          await expectListed(reader, '/public/documents', paper, titleOf(paper), sight !== '-');
          await expectStatus(reader, `/public/documents/${id}/file`, DOWNLOAD[sight]);
          for (const url of [`/documents/${id}`, `/documents/${id}/versions/1/file`, `/documents/${id}/versions/1/view`, `/api/v1/documents/${id}`, `/api/v1/documents/${id}/file`]) {
            const response = await get(reader, url);
            checks++;
            sweep(reader, url, response);
            if (response.statusCode < 300 && response.statusCode !== 200) mismatches.push(`public ${url}: ${response.statusCode}`);
            if (response.statusCode === 200) mismatches.push(`public ${url}: 200, expected a sign-in`);
          }
          continue;
        }
        await expectListed(reader, '/documents', paper, titleOf(paper), sight !== '-');
        await expectListed(reader, `/documents?q=${word}`, paper, titleOf(paper), sight !== '-');
        await expectListed(reader, '/api/v1/documents?limit=200', paper, `"id":${id},`, sight !== '-');
        await expectListed(reader, `/api/v1/documents?q=${word}`, paper, `"id":${id},`, sight !== '-');
        await expectStatus(reader, `/documents/${id}`, sight === '-' ? 404 : 200);
        await expectStatus(reader, `/api/v1/documents/${id}`, sight === '-' ? 404 : 200);
        await expectStatus(reader, `/documents/${id}/versions/1/file`, DOWNLOAD[sight]);
        await expectStatus(reader, `/documents/${id}/versions/1/view`, VIEW[sight]);
        await expectStatus(reader, `/api/v1/documents/${id}/file`, paper === 'exemptListed' && sight === 'R' ? 403 : DOWNLOAD[sight]);
        if (paper === 'exemptListed') {
          // Version 2 is the redacted one: the redacted grant views it and nothing else.
          await expectStatus(reader, `/documents/${id}/versions/2/view`, sight === 'R' ? 200 : VIEW[sight]);
          await expectStatus(reader, `/documents/${id}/versions/2/file`, DOWNLOAD[sight]);
        }
      }
      await expectStatus(reader, '/access-requests', reader === 'public' ? 303 : 200);
      await expectStatus(reader, '/api/v1/access-requests', reader === 'public' ? 401 : 200);
      await expectStatus(reader, '/public/disclosure-log', 200);
      const seen = SEES_INFORMATION.includes(reader);
      await expectStatus(reader, `/access-requests/${informationId}`, reader === 'public' ? 303 : seen ? 200 : 404);
      await expectStatus(reader, `/api/v1/access-requests/${informationId}`, reader === 'public' ? 401 : seen ? 200 : 404);
      if (seen && reader !== 'independent') await expectListed(reader, '/access-requests', 'open', INFORMATION_CANARY, false);
    }
    // A former member still reads their own past request, through the page and the API; a former officer reads none.
    const formerRequest = (await t.db.kysely.selectFrom('access_requests').select('id').where('member_id', '=', c.users.former.memberId!).executeTakeFirstOrThrow()).id;
    await t.db.kysely.updateTable('access_requests').set({ answer_json: ANSWER }).where('id', '=', formerRequest).execute();
    assert.match((await get('former', '/access-requests')).body, new RegExp(titleOf('exemptUnlisted')));
    assert.equal((await get('former', `/access-requests/${formerRequest}`)).statusCode, 200);
    assert.equal((await get('former', `/api/v1/access-requests/${formerRequest}`)).statusCode, 200);
    assert.equal((await get('formerMo', `/access-requests/${formerRequest}`)).statusCode, 404);
    const log = await get('public', '/public/disclosure-log');
    assert.match(log.body, /Information requested by a member/);
    assert.equal(log.body.includes('Totals by email'), false);
    assert.match((await get('independent', '/access-requests')).body, new RegExp(INFORMATION_CANARY));
    assert.match((await get('mo', `/access-requests/${informationId}`)).body, new RegExp(INFORMATION_CANARY));
    // The log of openings shows the views and downloads made above under grants, and none refused.
    const logged = await t.db.kysely.selectFrom('document_views').select(['kind', 'access_request_id']).where('document_id', 'in', Object.values(ids)).execute();
    assert.ok(logged.length > 0 && logged.some((l) => l.access_request_id !== null));
    console.log(`authorisation matrix: ${checks} checks, ${mismatches.length} mismatches, ${leaks.length} canary leaks`);
    assert.deepEqual(mismatches, []);
    assert.deepEqual(leaks, []);
  });
});
