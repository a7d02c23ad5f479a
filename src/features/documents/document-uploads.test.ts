// Uploading a new version of a register entry's file: checked by its content, 10 MB at most, only by custodians.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { uploadAs } from '../../../test/support/multipart.ts';
import { pdfBomb, wordBomb } from '../protocol-import/document-bombs.ts';
import { wordDocument } from '../protocol-import/test-documents.ts';
import { addDocumentCouncil, PASSWORD, type DocumentCouncil } from './document.fixture.ts';
import { readOldVersion } from './document-old-text.ts';
import { listFileVersions } from './document.repository.ts';
import { minimalPdf } from './minimal-pdf.ts';

describe('uploading a new version of a document', () => {
  let t: TestApp;
  let c: DocumentCouncil;
  let clerk: Agent;
  let url = '';

  before(async () => {
    t = await createTestApp();
    c = await addDocumentCouncil(t.deps);
    clerk = new Agent(t.app);
    await clerk.signIn(c.users.clerk.email, PASSWORD);
    url = `/documents/${c.documents.exemptPublic}`;
  });
  after(async () => t.close());

  const versions = async () => (await t.db.kysely.selectFrom('document_files').select('version').where('document_id', '=', c.documents.exemptPublic).execute()).length;

  it('keeps a PDF as the next version, with the type read from its bytes', async () => {
    await clerk.get(url);
    const response = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'depot-terms-v2.pdf', content: minimalPdf('Depot', ['Revised terms.']), type: 'text/plain' }]);
    assert.equal(response.statusCode, 303);
    const page = await clerk.get(String(response.headers.location));
    assert.match(page.body, /The new version of the file was uploaded/);
    assert.match(page.body, /href="\/documents\/\d+\/versions\/2\/file">depot-terms-v2.pdf/);
    const file = await clerk.get(`${url}/versions/2/file`);
    assert.equal(file.headers['content-type'], 'application/pdf', 'the type the browser claimed is not kept');
  });

  const refused: [string, { fileName: string; content: Buffer | Uint8Array }, RegExp][] = [
    ['a program named as a PDF', { fileName: 'terms.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from('This program cannot be run in DOS mode'), Buffer.from([0x50, 0x45, 0, 0])]) }, /terms.pdf is/],
    ['a photo', { fileName: 'site.png', content: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex') }, /site.png is not a PDF or Office document/],
    ['an empty file', { fileName: 'blank.pdf', content: Buffer.alloc(0) }, /blank.pdf is empty|Select the file/],
    ['a web page', { fileName: 'terms.html', content: Buffer.from('<html><script>alert(1)</script></html>') }, /terms.html is a text file/],
  ];
  for (const [what, file, message] of refused) {
    it(`refuses ${what}, naming the file field, and keeps nothing`, async () => {
      const before = await versions();
      await clerk.get(url);
      const response = await uploadAs(clerk, `${url}/versions`, {}, [file]);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /There is a problem/);
      assert.match(response.body, new RegExp(`href="#file">${message.source}`));
      assert.equal(await versions(), before);
    });
  }

  it('refuses a file over 10 MB with the page and a message on the file field', async () => {
    const before = await versions();
    await clerk.get(url);
    const big = Buffer.concat([Buffer.from(minimalPdf('Big', ['x'])), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const response = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'big.pdf', content: big }]);
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /href="#file">The file must be smaller than 10 MB/);
    assert.equal(await versions(), before);
  });

  it('asks for a file when none was chosen', async () => {
    await clerk.get(url);
    const response = await uploadAs(clerk, `${url}/versions`, {}, []);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#file">Select the file to upload/);
  });

  it('lets no one else upload, and needs the CSRF token', async () => {
    const red = new Agent(t.app);
    await red.signIn(c.users.red.email, PASSWORD);
    await red.get(`/documents/${c.documents.open}`);
    const refused = await uploadAs(red, `/documents/${c.documents.open}/versions`, {}, [{ fileName: 'x.pdf', content: minimalPdf('x', ['x']) }]);
    assert.equal(refused.statusCode, 403);
    await clerk.get(url);
    const noToken = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'x.pdf', content: minimalPdf('x', ['x']) }], { csrf: null });
    assert.equal(noToken.statusCode, 403);
  });

  /** Uploads the file while asking /health every 50 ms: the slowest answer, and the upload's own time. */
  const uploadWatchingHealth = async (file: { fileName: string; content: Uint8Array }) => {
    await clerk.get(url);
    const started = Date.now();
    let done = false;
    let slowest = 0;
    const upload = uploadAs(clerk, `${url}/versions`, {}, [file]).finally(() => {
      done = true;
    });
    while (!done) {
      const asked = Date.now();
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
      slowest = Math.max(slowest, Date.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { response: await upload, took: Date.now() - started, slowest };
  };

  const bombs: [string, () => Uint8Array, string, RegExp][] = [
    ['a Word document whose text unpacks to 300 MB', () => wordBomb(300), 'minutes.docx', /minutes.docx would unpack word\/document.xml to 300 MB: one part of a Word document may unpack to 40 MB at most/],
    ['a Word document whose ZIP directory understates what it unpacks to', () => wordBomb(300, { lying: true }), 'minutes.docx', /minutes.docx unpacks word\/document.xml to more than its ZIP directory declares/],
    ['a PDF whose page inflates to 300 MB', () => pdfBomb(300), 'terms.pdf', /terms.pdf would inflate to more than 150 MB when opened: a PDF&#8217;s contents may inflate to 150 MB at most/],
    ['a Word document whose lying text part is renamed', () => wordBomb(300, { lying: true, mainPart: 'word/document.dat' }), 'minutes.docx', /minutes.docx keeps its text in word\/document.dat: a Word document must keep its text in word\/document.xml/],
    ['a PDF whose page inflates to 200 MB, spelt in hexadecimal', () => pdfBomb(200, { hex: true }), 'terms.pdf', /terms.pdf would inflate to more than 150 MB when opened: a PDF&#8217;s contents may inflate to 150 MB at most/],
    ['a PDF compressed with LZW', () => pdfBomb(1, { lzw: true }), 'terms.pdf', /terms.pdf compresses its contents with LZWDecode, which cannot be measured before opening/],
  ];
  for (const [what, build, fileName, message] of bombs) {
    it(`refuses ${what} within seconds, naming the limit, keeping nothing, and stays healthy`, async () => {
      const content = build();
      assert.ok(content.byteLength < 2 * 1024 * 1024, 'the bomb is under two megabytes');
      const before = await versions();
      const { response, took, slowest } = await uploadWatchingHealth({ fileName, content });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, new RegExp(`href="#file">${message.source}`));
      assert.equal(await versions(), before);
      assert.ok(took < 5000, `refused in ${took} ms`);
      assert.ok(slowest < 1000, `/health answered within ${slowest} ms throughout`);
    });
  }

  it('reads a Word document’s text once, at upload: the viewer shows the stored words, not the file’s', async () => {
    await clerk.get(url);
    const docx = wordDocument(['Revised depot terms.', 'Rent is reviewed every five years.']);
    const response = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'terms.docx', content: docx }]);
    assert.equal(response.statusCode, 303);
    const version = await versions();
    const stored = await t.db.kysely.selectFrom('document_files').select(['text', 'text_read_at']).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).executeTakeFirstOrThrow();
    assert.equal(stored.text, 'Revised depot terms.\n\nRent is reviewed every five years.');
    assert.ok(stored.text_read_at);
    // Were the file opened on the request, this would show nothing: the words come from the store.
    await t.db.kysely.updateTable('document_files').set({ content: new Uint8Array(Buffer.from('not a document')) }).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).execute();
    const view = await clerk.get(`${url}/versions/${version}/view`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /<p class="govuk-body">Revised depot terms.<\/p>\s*<p class="govuk-body">Rent is reviewed every five years.<\/p>/);
  });

  it('reads a file stored before words were kept in the background, saying meanwhile that it is being prepared', async () => {
    const version = (await t.db.kysely.selectFrom('document_files').select((eb) => eb.fn.min<number>('version').as('v')).where('document_id', '=', c.documents.exemptPublic).executeTakeFirstOrThrow()).v;
    const where = (q: ReturnType<typeof t.db.kysely.updateTable<'document_files'>>) => q.where('document_id', '=', c.documents.exemptPublic).where('version', '=', version);
    await where(t.db.kysely.updateTable('document_files').set({ text: null, text_read_at: null })).execute();
    const view = await clerk.get(`${url}/versions/${version}/view`);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /The text of this version is being prepared for viewing/);
    await readOldVersion(t.deps, c.documents.exemptPublic, version);
    const stored = await t.db.kysely.selectFrom('document_files').select(['text', 'text_read_at']).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).executeTakeFirstOrThrow();
    assert.ok(stored.text_read_at, 'read once and kept');
    const again = await clerk.get(`${url}/versions/${version}/view`);
    assert.ok(stored.text && again.body.includes(`<p class="govuk-body">${stored.text.split('\n\n')[0]}</p>`));
  });

  it('shows nothing of a bomb stored before words were kept, and the server survives its reading', async () => {
    const version = (await t.db.kysely.selectFrom('document_files').select((eb) => eb.fn.min<number>('version').as('v')).where('document_id', '=', c.documents.exemptPublic).executeTakeFirstOrThrow()).v;
    await t.db.kysely.updateTable('document_files').set({ content: pdfBomb(300), text: null, text_read_at: null }).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).execute();
    const started = Date.now();
    assert.equal((await clerk.get(`${url}/versions/${version}/view`)).statusCode, 200);
    await readOldVersion(t.deps, c.documents.exemptPublic, version);
    const view = await clerk.get(`${url}/versions/${version}/view`);
    assert.match(view.body, /Nolan cannot show this kind of file on screen/);
    assert.ok(Date.now() - started < 5000);
    assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    const stored = await t.db.kysely.selectFrom('document_files').select(['text', 'text_read_at']).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).executeTakeFirstOrThrow();
    assert.deepEqual([stored.text, Boolean(stored.text_read_at)], [null, true], 'not read again on the next viewing');
  });

  it('never holds an upload up behind views of an old version not yet read', async () => {
    const version = (await t.db.kysely.selectFrom('document_files').select((eb) => eb.fn.min<number>('version').as('v')).where('document_id', '=', c.documents.exemptPublic).executeTakeFirstOrThrow()).v;
    await t.db.kysely.updateTable('document_files').set({ content: pdfBomb(300, { twice: true }), text: null, text_read_at: null }).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).execute();
    const views = Array.from({ length: 6 }, () => clerk.get(`${url}/versions/${version}/view`));
    await clerk.get(url);
    const started = Date.now();
    const upload = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'terms.docx', content: wordDocument(['Revised terms.']) }]);
    const took = Date.now() - started;
    assert.equal(upload.statusCode, 303);
    for (const view of await Promise.all(views)) assert.equal(view.statusCode, 200);
    assert.ok(took < 3000, `the upload took ${took} ms`);
    await readOldVersion(t.deps, c.documents.exemptPublic, version);
  });

  it('keeps a PDF that is also a web page, sent as report.html, as report.pdf, and serves it under that name', async () => {
    await clerk.get(url);
    const polyglot = Buffer.concat([Buffer.from(minimalPdf('Report', ['Figures.'])), Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n')]);
    const response = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'report.html', content: polyglot, type: 'text/html' }]);
    assert.equal(response.statusCode, 303);
    const version = await versions();
    const stored = await t.db.kysely.selectFrom('document_files').select(['file_name', 'content_type']).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { file_name: 'report.pdf', content_type: 'application/pdf' });
    const download = await clerk.get(`${url}/versions/${version}/file`);
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="report.pdf"; filename\*=UTF-8''report.pdf$/);
    // A file kept under a misleading name before names followed content is served under the right one.
    await t.db.kysely.updateTable('document_files').set({ file_name: 'old report.html' }).where('document_id', '=', c.documents.exemptPublic).where('version', '=', version).execute();
    const old = await clerk.get(`${url}/versions/${version}/file`);
    assert.match(String(old.headers['content-disposition']), /filename="old report.pdf"/);
    const listed = await clerk.get(url);
    assert.doesNotMatch(listed.body, /old report\.html/);
    assert.match(listed.body, new RegExp(`href="/documents/\\d+/versions/${version}/file">old report.pdf`));
    assert.equal((await listFileVersions(t.db.kysely, c.documents.exemptPublic)).find((f) => f.version === version)?.fileName, 'old report.pdf', 'as the API lists it');
  });

  it('refuses a web page with a PDF after it, sent as report.html', async () => {
    const before = await versions();
    await clerk.get(url);
    const polyglot = Buffer.concat([Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n'), Buffer.from(minimalPdf('Report', ['Figures.']))]);
    const response = await uploadAs(clerk, `${url}/versions`, {}, [{ fileName: 'report.html', content: polyglot }]);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#file">report.html is a text file/);
    assert.equal(await versions(), before);
  });
});
