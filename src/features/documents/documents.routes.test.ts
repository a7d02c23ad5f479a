// The register's pages over a real database: what each person sees in the list and on each entry, downloads,
// adding and changing entries with an error summary, two editors at once, and filters.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addDocumentCouncil, CANARY, PASSWORD, type DocumentCouncil } from './document.fixture.ts';

describe('the document register pages', () => {
  let t: TestApp;
  let c: DocumentCouncil;
  const agents = new Map<string, Agent>();
  const as = async (who: keyof DocumentCouncil['users']) => {
    const known = agents.get(who);
    if (known) return known;
    const agent = new Agent(t.app);
    await agent.signIn(c.users[who].email, PASSWORD);
    agents.set(who, agent);
    return agent;
  };
  const TITLES = {
    open: 'Budget monitoring report',
    exemptPublic: 'Sale of the depot site',
    exemptHidden: 'Staffing restructure consultation',
    confidential: 'Court order on a care placement',
    redPaper: 'Red group budget amendment',
    bluePaper: 'Blue group campaign priorities',
  };

  before(async () => {
    t = await createTestApp();
    c = await addDocumentCouncil(t.deps);
  });
  after(async () => t.close());

  const listed: [keyof DocumentCouncil['users'], (keyof typeof TITLES)[]][] = [
    ['clerk', ['open', 'exemptPublic', 'exemptHidden', 'confidential', 'redPaper', 'bluePaper']],
    ['mo', ['open', 'exemptPublic', 'exemptHidden', 'confidential', 'redPaper', 'bluePaper']],
    ['officer', ['open', 'exemptPublic', 'confidential']],
    ['red', ['open', 'exemptPublic', 'confidential', 'redPaper']],
    ['redLeader', ['open', 'exemptPublic', 'confidential', 'redPaper']],
    ['blue', ['open', 'exemptPublic', 'confidential', 'bluePaper']],
    ['former', ['open', 'exemptPublic', 'confidential']],
  ];
  for (const [who, seen] of listed) {
    it(`lists for ${who} exactly the entries they may see`, async () => {
      const page = await (await as(who)).get('/documents');
      assert.equal(page.statusCode, 200);
      for (const [key, title] of Object.entries(TITLES)) {
        assert.equal(page.body.includes(title), seen.includes(key as keyof typeof TITLES), `${who}: ${title}`);
      }
      assert.match(page.body, new RegExp(`${seen.length} documents?\\.`));
    });
  }

  it('shows a metadata-only entry without its summary, author or file, and refuses its file with 403', async () => {
    const red = await as('red');
    const page = await red.get(`/documents/${c.documents.confidential}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Court order on a care placement/);
    assert.match(page.body, /Confidential/);
    assert.match(page.body, /barred by a court order/);
    assert.doesNotMatch(page.body, /A court forbids disclosure/);
    assert.doesNotMatch(page.body, /Olu Officer/);
    assert.doesNotMatch(page.body, /\/versions\/1\/file/);
    assert.match(page.body, /not available to you/);
    assert.equal((await red.get(`/documents/${c.documents.confidential}/versions/1/file`)).statusCode, 403);
    const exempt = await red.get(`/documents/${c.documents.exemptPublic}`);
    assert.match(exempt.body, /Schedule 12A, paragraph 3/);
    assert.doesNotMatch(exempt.body, /negotiating position/, 'the public interest test is a detail');
  });

  it('answers 404 for an entry, or a file, the reader may not see at all', async () => {
    const blue = await as('blue');
    for (const id of [c.documents.exemptHidden, c.documents.redPaper]) {
      assert.equal((await blue.get(`/documents/${id}`)).statusCode, 404);
      assert.equal((await blue.get(`/documents/${id}/versions/1/file`)).statusCode, 404);
    }
    assert.equal((await blue.get('/documents/999999')).statusCode, 404);
    assert.equal((await blue.get('/documents/abc')).statusCode, 404);
  });

  it('downloads a file as an attachment with its checked type', async () => {
    const response = await (await as('red')).get(`/documents/${c.documents.open}/versions/1/file`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="Budget monitoring report.pdf"/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
    const group = await (await as('redLeader')).get(`/documents/${c.documents.redPaper}/versions/1/file`);
    assert.equal(group.statusCode, 200);
    const custodian = await (await as('po')).get(`/documents/${c.documents.confidential}/versions/1/file`);
    assert.equal(custodian.statusCode, 200);
    assert.ok(custodian.rawPayload.includes(CANARY));
    assert.equal((await (await as('po')).get(`/documents/${c.documents.confidential}/versions/9/file`)).statusCode, 404);
  });

  it('filters by body, classification and words in the title, and says which filter is wrong', async () => {
    const clerk = await as('clerk');
    const exempt = await clerk.get('/documents?classification=exempt');
    assert.match(exempt.body, /2 documents\./);
    assert.match((await clerk.get('/documents?q=BUDGET')).body, /2 documents\./);
    assert.match((await clerk.get(`/documents?body=${c.bodies.planning}`)).body, /No documents you can see match the search/);
    assert.match((await clerk.get('/documents?q=100%25')).body, /No documents you can see match/);
    const bad = await clerk.get('/documents?classification=secret&body=99999&page=0');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#classification">Select a classification from the list/);
    assert.match(bad.body, /href="#body">Select a committee or body from the list/);
    assert.match(bad.body, /href="#page">The page must be 1 or more/);
    const past = await clerk.get('/documents?page=5');
    assert.match(past.body, /past the end of this list/);
  });

  it('lets only custodians add an entry, naming every problem and storing nothing until it is right', async () => {
    assert.equal((await (await as('red')).get('/documents/new')).statusCode, 403);
    assert.equal((await (await as('officer')).post('/documents/new', { title: 'x' })).statusCode, 403);
    const mo = await as('mo');
    assert.equal((await mo.get('/documents/new')).statusCode, 200);
    const count = async () => Number((await t.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const bad = await mo.post('/documents/new', { title: '', summary: '', bodyId: String(c.bodies.planning), meetingId: String(c.meetings.cabinet), classification: 'exempt', 'reviewOn-day': '31', 'reviewOn-month': '2', 'reviewOn-year': '2027' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
    for (const field of ['title', 'summary']) assert.match(bad.body, new RegExp(`href="#${field}"`));
    assert.match(bad.body, /href="#reviewOn-day">The review date must be a real date/);
    assert.equal(await count(), before);
    const joined = await mo.post('/documents/new', { title: 'Appeal hearing papers', summary: 'Papers for an appeal.', bodyId: String(c.bodies.planning), meetingId: String(c.meetings.cabinet), classification: 'exempt' });
    assert.equal(joined.statusCode, 400);
    for (const [field, text] of [['meetingId', 'meeting of the body'], ['authorOfficerId', 'officer who wrote'], ['exemptParagraph', 'paragraph of Schedule 12A'], ['publicInterestTest', 'public interest test'], ['reviewOn-day', 'to be reviewed']]) {
      assert.match(joined.body, new RegExp(`href="#${field}">[^<]*${text}`), field);
    }
    assert.match(joined.body, /value="Appeal hearing papers"/, 'what was typed is kept');
    assert.equal(await count(), before);
    const good = await mo.post('/documents/new', { title: 'Appeal hearing papers', summary: 'Papers for an appeal.', bodyId: String(c.bodies.planning), meetingId: String(c.meetings.planning), authorName: 'Clerk to the panel', classification: 'exempt', exemptParagraph: '1', publicInterestTest: 'Personal information about the appellant.', 'reviewOn-day': '1', 'reviewOn-month': '6', 'reviewOn-year': '2027' });
    assert.equal(good.statusCode, 303);
    const page = await mo.get(String(good.headers.location));
    assert.match(page.body, /The document was added to the register/);
    assert.match(page.body, /1 June 2027/);
    assert.equal(await count(), before + 1);
  });

  it('refuses the second of two edits from the same form, showing the entry as it now is', async () => {
    const clerk = await as('clerk');
    const admin = await as('admin');
    const form = (await clerk.get(`/documents/${c.documents.open}/edit`)).body;
    await admin.get(`/documents/${c.documents.open}/edit`);
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    const fields = { summary: 'Quarter two spending against budget.', bodyId: String(c.bodies.cabinet), meetingId: String(c.meetings.cabinet), authorOfficerId: String(c.officers.author), classification: 'open', version };
    assert.equal((await clerk.post(`/documents/${c.documents.open}/edit`, { ...fields, title: 'Budget monitoring report (Q2)' })).statusCode, 303);
    const second = await admin.post(`/documents/${c.documents.open}/edit`, { ...fields, title: 'Budget monitoring report, quarter two' });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Someone changed/);
    assert.match(second.body, /value="Budget monitoring report \(Q2\)"/);
    assert.equal((await (await as('officer')).get(`/documents/${c.documents.open}/edit`)).statusCode, 403);
  });

  it('refuses a form without its CSRF token', async () => {
    const clerk = await as('clerk');
    await clerk.get('/documents/new');
    assert.equal((await clerk.post('/documents/new', { title: 'x' }, { csrf: null })).statusCode, 403);
  });
});
