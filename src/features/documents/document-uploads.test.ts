// Uploading a new version of a register entry's file: checked by its content, 10 MB at most, only by custodians.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { uploadAs } from '../../../test/support/multipart.ts';
import { addDocumentCouncil, PASSWORD, type DocumentCouncil } from './document.fixture.ts';
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
});
