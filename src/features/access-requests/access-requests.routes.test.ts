// The access-request pages and API over a real database: asking with an error summary, the decider's queue
// with the reg 17 date, a decision with conditions, the purpose confirmed before the first view, the viewer
// without download, every opening logged, a conflict between two deciders, the public disclosure log, and a
// request for information from asking to the purpose confirmed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { CANARY, PASSWORD } from '../documents/document.fixture.ts';
import { addAccessCouncil, type AccessCouncil } from './access-request.fixture.ts';
import { readable } from '../../../test/support/html.ts';

type Who = keyof AccessCouncil['users'];

describe('access requests on the web and over the API', () => {
  let t: TestApp;
  let c: AccessCouncil;
  const agents = new Map<Who, Agent>();
  const as = async (who: Who) => {
    if (!agents.has(who)) {
      const agent = new Agent(t.app);
      await agent.signIn(c.users[who].email, PASSWORD);
      agents.set(who, agent);
    }
    return agents.get(who)!;
  };
  const api = async (who: Who, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const { token } = await issueApiToken(t.deps, systemActor, c.users[who].id, 'tests');
    return t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  };

  before(async () => {
    t = await createTestApp();
    c = await addAccessCouncil(t.deps);
    await t.db.kysely.updateTable('council').set({ profile_id: 'bristol-2019' }).execute();
  });
  after(async () => t.close());

  it('offers a member the request where they cannot see the paper, and shows every problem in an error summary', async () => {
    const blue = await as('blue');
    const page = await blue.get(`/documents/${c.documents.confidential}`);
    assert.match(page.body, /Ask to see this document/);
    const form = await blue.get(`/access-requests/new?document=${c.documents.confidential}`);
    assert.equal(form.statusCode, 200);
    const bad = await blue.post('/access-requests/new', { documentId: String(c.documents.confidential), reason: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /govuk-error-summary/);
    for (const message of ['Select what you need the document for', 'Say why you need to see the document', 'Say whether you have a personal interest']) assert.ok(bad.body.includes(message), message);
    assert.equal((await (await as('officer')).get(`/access-requests/new?document=${c.documents.confidential}`)).statusCode, 403);
  });

  it('takes a scrutiny member’s request to the Proper Officer’s queue with its reg 17 date, and the decision back to the member', async () => {
    const blue = await as('blue');
    await blue.get(`/access-requests/new?document=${c.documents.exemptPublic}`);
    const asked = await blue.post('/access-requests/new', { documentId: String(c.documents.exemptPublic), purpose: 'council-duties', reason: 'For the scrutiny review of the depot sale.', personalInterest: 'no' });
    assert.equal(asked.statusCode, 303, /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(asked.body)?.[0]);
    const url = asked.headers.location!.split('?')[0]!;
    const mine = await blue.get('/access-requests');
    assert.match(mine.body, /My access requests/);
    assert.match(mine.body, /Sale of the depot site/);
    assert.match((await blue.get(`/documents/${c.documents.exemptPublic}`)).body, /You have asked to see it/);
    const po = await as('po');
    const queue = await po.get('/access-requests');
    assert.match(queue.body, /Yours to act on/);
    assert.match(queue.body, /4 December 2026/);
    const page = await po.get(url);
    assert.match(page.body, /the Proper Officer, as the protocol says \(clause 22, 23, 29\)/i);
    assert.match(page.body, /Overview and Scrutiny Committee/);
    assert.match(page.body, /Record the decision/);
    const refused = await po.post(`${url}/decision`, { version: '1', decision: 'grant', reasons: '', 'untilOn-day': '31', 'untilOn-month': '2', 'untilOn-year': '2026' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Give the reasons for the decision/);
    assert.match(refused.body, /The end date must be a real date/);
    const granted = await po.post(`${url}/decision`, { version: '1', decision: 'grant', reasons: 'Within the committee’s review.', viewOnly: 'yes', 'untilOn-day': '31', 'untilOn-month': '1', 'untilOn-year': '2027' });
    assert.equal(granted.statusCode, 303, /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(granted.body)?.[0]);
    const late = await (await as('mo')).post(`${url}/decision`, { version: '1', decision: 'refuse', reasons: 'No.' });
    assert.equal(late.statusCode, 403, 'the Monitoring Officer does not decide a request the Proper Officer decides');
    const conflict = await po.post(`${url}/decision`, { version: '1', decision: 'refuse', reasons: 'No.' });
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /Someone else acted on this request/);

    // Before confirming the purpose, the file stays shut; after, it opens in the viewer but does not download.
    assert.equal((await blue.get(`/documents/${c.documents.exemptPublic}/versions/1/view`)).statusCode, 403);
    await blue.get(url);
    assert.equal((await blue.post(`${url}/confirm`, { version: '2' })).statusCode, 400);
    assert.equal((await blue.post(`${url}/confirm`, { version: '2', confirm: 'yes' })).statusCode, 303);
    const view = await blue.get(`/documents/${c.documents.exemptPublic}/versions/1/view`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /Offer details/);
    assert.equal((await blue.get(`/documents/${c.documents.exemptPublic}/versions/1/file`)).statusCode, 403);
    const logged = await t.db.kysely.selectFrom('document_views').selectAll().where('document_id', '=', c.documents.exemptPublic).execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.kind, 'view');
    assert.match((await po.get(url)).body, /Viewed in Nolan/);
    assert.match((await po.get(`/documents/${c.documents.exemptPublic}`)).body, /Latest openings of the file/);
    const mail = await t.db.kysely.selectFrom('outbox').select('subject').where('recipient', '=', c.users.blue.email).execute();
    assert.ok(mail.some((m) => /granted/.test(m.subject)));
  });

  it('answers POST /api/v1/access-requests with 201, the outcome, decider and clauses; bad bodies name the field', async () => {
    const created = await api('independent', 'POST', '/api/v1/access-requests', { documentId: c.documents.confidential, purpose: 'council-duties', reason: 'For the care review.' });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json() as { id: number; outcome: string; decider: string; clauses: string[]; status: string; version: number };
    assert.deepEqual([body.outcome, body.decider, body.status], ['refer', 'proper-officer', 'awaiting-decision']);
    assert.ok(body.clauses.includes('26'));
    const home = await (await as('po')).get('/');
    assert.match(home.body, /Access requests waiting for you/);
    assert.match(home.body, /Ida Independent: Court order on a care placement/);
    const bad = await api('independent', 'POST', '/api/v1/access-requests', { documentId: c.documents.open, purpose: 'council-duties', reason: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.ok((bad.json() as { fields: { field: string }[] }).fields.some((f) => f.field === 'documentId'));
    const wrong = await api('independent', 'POST', '/api/v1/access-requests', { documentId: c.documents.open, purpose: 'gossip', reason: 'x' });
    assert.equal(wrong.statusCode, 400);
    assert.equal((await api('red', 'GET', `/api/v1/access-requests/${body.id}`)).statusCode, 404, 'another member does not see it');
    const refused = await api('po', 'POST', `/api/v1/access-requests/${body.id}/decision`, { version: body.version, decision: 'refuse', reasons: 'A court order forbids disclosure.' });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal((refused.json() as { status: string }).status, 'refused');
    const again = await api('po', 'POST', `/api/v1/access-requests/${body.id}/decision`, { version: body.version, decision: 'grant', reasons: 'x' });
    assert.equal(again.statusCode, 409);
  });

  it('publishes decisions in the disclosure log without reasons, members or unlisted titles', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/public/disclosure-log' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sale of the depot site/);
    assert.match(page.body, /Granted/);
    assert.match(page.body, /Refused/);
    for (const hidden of ['Within the committee’s review', 'A court order forbids', 'Bea Blue', 'Ida Independent', CANARY]) assert.equal(readable(page.body).includes(hidden), false, hidden);
  });

  it('asks for information on the page and over the API, shows how it is given once the purpose is confirmed, and never names it publicly', async () => {
    const INFO = 'Bin collection contract figures INFOPAGE-4411';
    const independent = await as('independent');
    const form = await independent.get('/access-requests/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Ask for information/);
    assert.match(form.body, /Overview and Scrutiny Committee/);
    const bad = await independent.post('/access-requests/new', { information: '', bodyId: '', reason: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /govuk-error-summary/);
    for (const message of ['Say what information you want', 'Say whether the information includes personal data']) assert.ok(bad.body.includes(message), message);
    const asked = await independent.post('/access-requests/new', { information: INFO, bodyId: String(c.bodies.cabinet), purpose: 'council-duties', reason: 'For the budget.', personalInterest: 'no', personalData: 'yes' });
    assert.equal(asked.statusCode, 303, /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(asked.body)?.[0]);
    const url = asked.headers.location!.split('?')[0]!;
    const id = Number(url.split('/').pop());
    assert.match((await independent.get('/access-requests')).body, new RegExp(INFO));
    assert.match((await independent.get('/')).body, new RegExp(`Your access requests[\\s\\S]*${INFO}`), 'the home panel names it in the member’s words');
    assert.equal((await (await as('red')).get('/')).body.includes(INFO), false);
    const page = await independent.get(url);
    assert.equal(page.statusCode, 200, page.body.slice(0, 3000));
    assert.match(readable(page.body), new RegExp(`Request for “${INFO}”`));
    assert.equal((await (await as('red')).get(url)).statusCode, 404, 'another member does not see it');

    const both = await api('independent', 'POST', '/api/v1/access-requests', { documentId: c.documents.confidential, information: 'x', purpose: 'council-duties', reason: 'x' });
    assert.equal(both.statusCode, 400);
    assert.ok((both.json() as { fields: { field: string }[] }).fields.some((f) => f.field === 'information'));
    const neither = await api('independent', 'POST', '/api/v1/access-requests', { purpose: 'council-duties', reason: 'x' });
    assert.equal(neither.statusCode, 400);
    assert.ok((neither.json() as { fields: { field: string }[] }).fields.length > 0);

    const read = async () => (await api('mo', 'GET', `/api/v1/access-requests/${id}`)).json() as { version: number; status: string; decider: string; information: string; documentId: null };
    if ((await read()).status === 'awaiting-advice') assert.equal((await (await as('mo')).post(`${url}/advice`, { version: '1', advice: 'Totals only.' })).statusCode, 303);
    const r = await read();
    assert.equal(r.status, 'awaiting-decision');
    assert.equal(r.information, INFO);
    assert.equal(r.documentId, null);
    const decider = r.decider === 'monitoring-officer' ? 'mo' : r.decider === 'proper-officer' ? 'po' : 'clerk';
    const fileCondition = await api(decider, 'POST', `/api/v1/access-requests/${id}/decision`, { version: r.version, decision: 'grant', reasons: 'x', viewOnly: true });
    assert.equal(fileCondition.statusCode, 400);
    assert.ok((fileCondition.json() as { fields: { field: string }[] }).fields.some((f) => f.field === 'viewOnly'));
    const deciding = await (await as(decider)).get(url);
    assert.match(deciding.body, /Reasons, and how the information will be given/);
    assert.equal(deciding.body.includes('The redacted version only'), false);
    const granted = await (await as(decider)).post(`${url}/decision`, { version: String(r.version), decision: 'grant', reasons: 'The totals HOWGIVEN-88 will be sent by email.' });
    assert.equal(granted.statusCode, 303, /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(granted.body)?.[0]);
    const before = await independent.get(url);
    assert.equal(before.body.includes('HOWGIVEN-88'), false, 'how it is given waits for the purpose to be confirmed');
    const held = (await api('independent', 'GET', `/api/v1/access-requests/${id}`)).json() as { reasons: string | null };
    assert.equal(held.reasons, null, 'over the API too');
    const confirmed = await independent.post(`${url}/confirm`, { version: String(r.version + 1), confirm: 'yes' });
    assert.equal(confirmed.statusCode, 303);
    const after = await independent.get(confirmed.headers.location!);
    assert.match(after.body, /HOWGIVEN-88/);
    assert.match(after.body, /how the information is given/);
    assert.match(((await api('independent', 'GET', `/api/v1/access-requests/${id}`)).json() as { reasons: string }).reasons, /HOWGIVEN-88/);

    const log = await t.app.inject({ method: 'GET', url: '/public/disclosure-log' });
    assert.match(log.body, /Information requested by a member/);
    for (const hidden of [INFO, 'INFOPAGE-4411', 'HOWGIVEN-88']) assert.equal(log.body.includes(hidden), false, hidden);
  });

  it('lets democratic services choose the council’s own decider, audited, and refuses a member', async () => {
    const clerk = await as('clerk');
    const page = await clerk.get('/admin/settings/access-decider');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The default for your council/);
    assert.equal((await clerk.post('/admin/settings/access-decider', { decider: 'council-chairman' })).statusCode, 400);
    assert.equal((await clerk.post('/admin/settings/access-decider', { decider: 'chief-executive' })).statusCode, 303);
    const saved = await t.db.kysely.selectFrom('settings').select('value').where('key', '=', 'access.local-decider').executeTakeFirst();
    assert.equal(saved?.value, 'chief-executive');
    const audited = await t.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'settings.access-decider-changed').execute();
    assert.equal(audited.length, 1);
    assert.equal((await (await as('red')).get('/admin/settings/access-decider')).statusCode, 403);
  });
});
