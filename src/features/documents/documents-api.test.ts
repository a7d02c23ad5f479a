// The register over the API and on the public page, and a sweep of every register address for each reader
// without the right: the confidential entry's canary (in its summary and its file) never appears, and nothing fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { issueApiToken } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { addDocumentCouncil, CANARY, PASSWORD, type DocumentCouncil } from './document.fixture.ts';

describe('the document register over the API and in public', () => {
  let t: TestApp;
  let c: DocumentCouncil;
  const tokens = new Map<string, string>();
  const bearer = async (who: keyof DocumentCouncil['users']) => {
    if (!tokens.has(who)) tokens.set(who, `Bearer ${(await issueApiToken(t.deps, systemActor, c.users[who].id, 'tests')).token}`);
    return tokens.get(who)!;
  };
  const api = async (who: keyof DocumentCouncil['users'], url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: await bearer(who) } });

  before(async () => {
    t = await createTestApp();
    c = await addDocumentCouncil(t.deps);
  });
  after(async () => t.close());

  it('lists what the caller may see, with classification, paragraph and ground, and details only where allowed', async () => {
    const response = await api('blue', '/api/v1/documents');
    assert.equal(response.statusCode, 200);
    const { total, items } = response.json() as { total: number; items: { id: number; classification: string; exemptParagraph: number | null; confidentialGround: string | null; details: unknown; fileAvailable: boolean }[] };
    assert.equal(total, 4);
    assert.deepEqual(items.map((i) => i.id).sort(), [c.documents.open, c.documents.exemptPublic, c.documents.confidential, c.documents.bluePaper].sort());
    const confidential = items.find((i) => i.id === c.documents.confidential)!;
    assert.equal(confidential.classification, 'confidential');
    assert.equal(confidential.confidentialGround, 'court-order');
    assert.equal(confidential.details, null);
    assert.equal(confidential.fileAvailable, false);
    assert.equal(items.find((i) => i.id === c.documents.exemptPublic)!.exemptParagraph, 3);
    assert.equal(items.find((i) => i.id === c.documents.open)!.fileAvailable, true);
    const all = (await api('admin', '/api/v1/documents?classification=exempt')).json() as { total: number };
    assert.equal(all.total, 2);
  });

  it('names the field of a bad query parameter with 400', async () => {
    for (const [query, field] of [['classification=secret', 'querystring.classification'], ['limit=0', 'querystring.limit'], ['body=abc', 'querystring.body'], ['body=99999', 'body']]) {
      const response = await api('clerk', `/api/v1/documents?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.ok((response.json() as { fields: { field: string }[] }).fields.some((f) => f.field === field), `${query}: ${response.body}`);
    }
  });

  it('answers one entry with its files, 404 where the entry is unseen, 403 for a file without the right', async () => {
    const open = (await api('red', `/api/v1/documents/${c.documents.open}`)).json() as { files: { version: number }[]; details: { summary: string } };
    assert.equal(open.files.length, 1);
    assert.match(open.details.summary, /Quarter two/);
    const metadataOnly = (await api('red', `/api/v1/documents/${c.documents.confidential}`)).json() as { files: unknown[]; details: unknown };
    assert.deepEqual(metadataOnly.files, []);
    assert.equal(metadataOnly.details, null);
    assert.equal((await api('red', `/api/v1/documents/${c.documents.bluePaper}`)).statusCode, 404);
    assert.equal((await api('red', `/api/v1/documents/${c.documents.bluePaper}/file`)).statusCode, 404);
    assert.equal((await api('red', `/api/v1/documents/${c.documents.confidential}/file`)).statusCode, 403);
    const file = await api('red', `/api/v1/documents/${c.documents.redPaper}/file`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/documents' })).statusCode, 401);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const path of ['/api/v1/documents', '/api/v1/documents/{id}', '/api/v1/documents/{id}/file']) assert.ok(spec.paths[path], path);
  });

  it('shows the public open papers with their files, and published exempt or confidential titles without files', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/public/documents' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`href="/public/documents/${c.documents.open}/file">Budget monitoring report`));
    assert.match(page.body, /Sale of the depot site/);
    assert.match(page.body, /Court order on a care placement/);
    assert.doesNotMatch(page.body, new RegExp(`/public/documents/${c.documents.confidential}/file`));
    for (const hidden of ['Staffing restructure', 'Red group', 'Blue group', 'Quarter two spending']) assert.doesNotMatch(page.body, new RegExp(hidden));
    const file = await t.app.inject({ method: 'GET', url: `/public/documents/${c.documents.open}/file` });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.equal((await t.app.inject({ method: 'GET', url: `/public/documents/${c.documents.confidential}/file` })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: `/public/documents/${c.documents.exemptHidden}/file` })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/public/documents/${c.documents.redPaper}/file` })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/public/documents?page=x' })).statusCode, 400);
  });

  it('never shows the confidential canary to anyone without the right, on any register address, and never fails', async () => {
    const ids = Object.values(c.documents);
    // A search for the canary itself would echo it back in the search box: search for the words around it instead.
    const pages = ['/documents', '/documents?q=court', '/documents?q=forbids', '/documents?q=never-shown', '/documents?classification=confidential', ...ids.flatMap((id) => [`/documents/${id}`, `/documents/${id}/versions/1/file`])];
    const apis = ['/api/v1/documents', `/api/v1/documents?q=${CANARY}`, ...ids.flatMap((id) => [`/api/v1/documents/${id}`, `/api/v1/documents/${id}/file`])];
    const publicUrls = ['/public/documents', ...ids.map((id) => `/public/documents/${id}/file`)];
    const check = (who: string, url: string, response: { statusCode: number; rawPayload: Buffer }) => {
      assert.ok(response.statusCode < 500, `${who} ${url}: ${response.statusCode}`);
      assert.ok(!response.rawPayload.includes(CANARY), `${who} ${url} shows the canary`);
    };
    for (const who of ['officer', 'red', 'redLeader', 'blue', 'independent', 'former'] as const) {
      const agent = new Agent(t.app);
      await agent.signIn(c.users[who].email, PASSWORD);
      for (const url of pages) check(who, url, await agent.get(url));
      for (const url of apis) check(who, url, await api(who, url));
    }
    for (const url of [...publicUrls, ...pages, ...apis]) check('the public', url, await t.app.inject({ method: 'GET', url }));
    const search = (await api('blue', `/api/v1/documents?q=${CANARY}`)).json() as { total: number };
    assert.equal(search.total, 0, 'the search reads titles only');
    // The sweep would prove nothing if the canary could not be found where it is allowed.
    const clerk = new Agent(t.app);
    await clerk.signIn(c.users.clerk.email, PASSWORD);
    assert.ok((await clerk.get(`/documents/${c.documents.confidential}`)).body.includes(CANARY));
  });
});
