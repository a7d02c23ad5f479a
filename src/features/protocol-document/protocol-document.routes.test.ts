// Uploading the council's protocol document, reading it, and seeing its clauses beside the answers that cite them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { uploadAs, type Upload } from '../../../test/support/multipart.ts';
import { addPeople, PASSWORD, type People } from '../admin/people.fixture.ts';
import { MAX_DOCUMENT_BYTES } from './protocol-document.routes.ts';
import { readable } from '../../../test/support/html.ts';
import { pdfBomb, wordBomb } from '../protocol-import/document-bombs.ts';
import { pdfDocument } from '../protocol-import/test-documents.ts';

const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'borough-protocol.txt'));
const ASK_113 = '/protocol/ask/document-access/answer?memberOfBody=no&classification=open&needToKnowShown=no&otherGroupInternal=no&purpose=council-duties&personalData=no&personalInterest=no';

describe('the protocol document pages', () => {
  let t: TestApp;
  let people: People;
  let admin: Agent;
  const signedIn = async (email: string) => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    return agent;
  };
  const upload = async (agent: Agent, files: Upload[], options: { csrf?: string | null } = {}) => {
    await agent.get('/admin/protocol');
    return uploadAs(agent, '/admin/protocol', {}, files, options);
  };
  const documents = async () => t.db.kysely.selectFrom('protocol_documents').select('file_name').execute();

  before(async () => {
    t = await createTestApp();
    people = await addPeople(t.deps);
    admin = await signedIn(people.admin.email);
  });
  after(async () => t.close());

  it('is for administrators, democratic services and the Monitoring Officer', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/admin/protocol' })).statusCode, 303);
    const councillor = await signedIn(people.councillor.email);
    assert.equal((await councillor.get('/admin/protocol')).statusCode, 403);
    assert.equal((await uploadAs(councillor, '/admin/protocol', {}, [{ fileName: 'p.txt', content: fixture }])).statusCode, 403);
    for (const email of [people.admin.email, people.clerk.email, people.monitoringOfficer.email]) {
      const page = await (await signedIn(email)).get('/admin/protocol');
      assert.equal(page.statusCode, 200, email);
      assert.match(page.body, /No document has been uploaded yet/);
      assert.match(page.body, /<a class="govuk-service-navigation__link" href="\/admin"/, `${email} sees Admin in the navigation`);
    }
    assert.doesNotMatch((await councillor.get('/')).body, /href="\/admin"/);
    assert.match((await admin.get('/admin')).body, /href="\/admin\/protocol"/);
    assert.doesNotMatch((await councillor.get('/protocol/profiles/model')).body, /href="\/admin\/protocol"/);
    assert.deepEqual(await documents(), []);
  });

  it('before an upload, answers cite clause numbers only and the document page says so', async () => {
    const answer = await admin.get(`${ASK_113}&profile=model`);
    assert.equal(answer.statusCode, 200);
    assert.match(answer.body, /Clause 113:/);
    assert.doesNotMatch(readable(answer.body), /What the council’s protocol says/);
    assert.match((await admin.get('/protocol/document')).body, /has not uploaded its protocol document yet/);
    assert.match(readable((await admin.get('/protocol/profiles/model')).body), /href="\/admin\/protocol">upload the council’s protocol document/);
  });

  it('refuses a missing, unreadable, oversized or unsigned upload with the reason on the file field', async () => {
    const none = await upload(admin, []);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /There is a problem[\s\S]*href="#file">Select the protocol document/);
    const doc = await upload(admin, [{ fileName: 'protocol.doc', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }]);
    assert.equal(doc.statusCode, 400);
    assert.match(doc.body, /protocol\.doc is an old Word document \(\.doc\): save it as \.docx or PDF/);
    const empty = await upload(admin, [{ fileName: 'notes.txt', content: 'Notes without a single numbered clause.' }]);
    assert.match(empty.body, /notes\.txt holds no numbered clauses/);
    const huge = await upload(admin, [{ fileName: 'huge.txt', content: Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 'a') }]);
    assert.equal(huge.statusCode, 413);
    assert.match(huge.body, /The file must be smaller than 10 MB/);
    const unsigned = await upload(admin, [{ fileName: 'borough-protocol.txt', content: fixture }], { csrf: null });
    assert.equal(unsigned.statusCode, 403);
    assert.deepEqual(await documents(), []);
  });

  const bombs: [string, () => Uint8Array, string, RegExp][] = [
    ['a Word document whose text unpacks to 300 MB', () => wordBomb(300), 'protocol.docx', /protocol\.docx would unpack word\/document\.xml to 300 MB: one part of a Word document may unpack to 40 MB at most/],
    ['a PDF whose page inflates to 300 MB', () => pdfBomb(300), 'protocol.pdf', /protocol\.pdf would inflate to more than 150 MB when opened: a PDF&#8217;s contents may inflate to 150 MB at most/],
  ];
  for (const [what, build, fileName, message] of bombs) {
    it(`refuses ${what} within seconds, naming the limit, keeps nothing, and the server stays up`, async () => {
      await admin.get('/admin/protocol');
      const started = Date.now();
      const response = uploadAs(admin, '/admin/protocol', {}, [{ fileName, content: build() }]);
      // Asked while the file is being read: the server's own thread is free.
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
      const refused = await response;
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, new RegExp(`href="#file">${message.source}`));
      assert.ok(Date.now() - started < 5000, `refused in ${Date.now() - started} ms`);
      assert.deepEqual(await documents(), []);
      assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    });
  }

  it('reads an upload into clauses, reports coverage, and shows the clause text beside the answer', async () => {
    const done = await upload(admin, [{ fileName: 'borough-protocol.txt', content: fixture, type: 'text/plain' }]);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/admin/protocol?imported=yes');
    const page = await admin.get('/admin/protocol?imported=yes');
    assert.match(page.body, /The document was read and is now the one answers quote/);
    assert.match(page.body, /<strong>borough-protocol\.txt<\/strong>: 7 clauses, uploaded/);
    assert.match(page.body, /the numbering jumps from 113 to 115/);
    assert.match(page.body, /Cited by a rule<\/dt>\s*<dd class="govuk-summary-list__value">5 clauses: 110, 111, 112, 113, 115/);
    assert.match(page.body, /no rule cites them yet<\/dt>\s*<dd class="govuk-summary-list__value">2: 200, 201/);

    const answer = await admin.get(`${ASK_113}&profile=model`);
    assert.match(readable(answer.body), /What the council’s protocol says/);
    assert.match(answer.body, /Clause <a class="govuk-link" href="\/protocol\/document#clause-113">113<\/a>, Access to information/);
    assert.match(answer.body, /settled by the Monitoring Officer, whose decision is final/);
    // Another council’s protocol has its own clause 113: the council’s words are not put beside it.
    const bristol = await admin.get(`${ASK_113}&profile=bristol-2019`);
    assert.equal(bristol.statusCode, 200);
    assert.doesNotMatch(readable(bristol.body), /What the council’s protocol says/);
    const compare = await admin.get(ASK_113.replace('/protocol/ask/', '/protocol/compare/'));
    assert.equal((readable(compare.body).match(/What the council’s protocol says/g) ?? []).length, 1);

    const councillor = await signedIn(people.councillor.email);
    const document = await councillor.get('/protocol/document');
    assert.equal(document.statusCode, 200);
    assert.match(document.body, /id="clause-113"/);
    assert.match(document.body, /<h2 class="govuk-heading-m">Other matters<\/h2>/);
    assert.match(document.body, /113 <strong class="govuk-tag govuk-tag--green">Cited<\/strong>/);
    assert.doesNotMatch(document.body, /200 <strong class="govuk-tag/);
    const profile = await councillor.get('/protocol/profiles/model');
    assert.match(readable(profile.body), /Read against the council’s own document/);
    assert.match(profile.body, /Cited by a rule but not in this document/);
    assert.doesNotMatch(readable((await councillor.get('/protocol/profiles/county')).body), /Read against the council’s own document/);
  });

  it('keeps every upload and records each in the audit trail', async () => {
    await upload(admin, [{ fileName: 'borough-protocol-v2.txt', content: fixture.toString('utf8').replace('every year', 'every two years') }]);
    const page = await admin.get('/admin/protocol');
    assert.match(page.body, /<strong>borough-protocol-v2\.txt<\/strong>/);
    assert.ok(page.body.indexOf('borough-protocol-v2.txt<br>') < page.body.indexOf('borough-protocol.txt<br>'), 'newest first');
    assert.deepEqual((await documents()).map((d) => d.file_name).sort(), ['borough-protocol-v2.txt', 'borough-protocol.txt']);
    const events = await t.db.kysely.selectFrom('audit_events').select(['actor', 'ip']).where('action', '=', 'protocol-document.imported').execute();
    assert.equal(events.length, 2);
    assert.ok(events.every((e) => e.actor === people.admin.email));
  });

  it('names a stored document after what it was read as', async () => {
    const pdf = pdfDocument([{ text: '1. Councillors and officers treat one another with respect.' }, { text: '2. Officers give impartial advice.', drop: 28 }]);
    const done = await upload(admin, [{ fileName: 'protocol.html', content: pdf }]);
    assert.equal(done.statusCode, 303);
    const newest = await t.db.kysely.selectFrom('protocol_documents').select(['file_name', 'kind']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(newest, { file_name: 'protocol.pdf', kind: 'pdf' });
  });
});
