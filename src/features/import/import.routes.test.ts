// The import page: upload a file (multipart, CSRF still enforced), see every problem or the counts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { multipartBody, uploadAs, type Upload } from '../../../test/support/multipart.ts';

const PASSWORD = 'correct horse battery staple';
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

const upload = (agent: Agent, fields: Record<string, string>, files: Upload[], options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> =>
  uploadAs(agent, '/admin/import', fields, files.map((f) => ({ type: 'text/csv', ...f })), options);

describe('the import page', () => {
  let t: TestApp;
  let admin: Agent;
  before(async () => {
    t = await createTestApp();
    await createAccount(t.deps, systemActor, { email: 'admin@wyvernvale.gov.uk', fullName: 'Ada Admin', roles: ['admin'], password: PASSWORD });
    await createAccount(t.deps, systemActor, { email: 'ds@wyvernvale.gov.uk', fullName: 'Dev Services', roles: ['democratic-services'], password: PASSWORD });
    await createAccount(t.deps, systemActor, { email: 'nobody@wyvernvale.gov.uk', fullName: 'No Roles', roles: [], password: PASSWORD });
    admin = new Agent(t.app);
    await admin.signIn('admin@wyvernvale.gov.uk', PASSWORD);
  });
  after(async () => t.close());

  const members = async () => (await t.db.kysely.selectFrom('members').selectAll().orderBy('id').execute());

  it('is for administrators and democratic services only', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/import' });
    assert.equal(anonymous.statusCode, 303);
    const nobody = new Agent(t.app);
    await nobody.signIn('nobody@wyvernvale.gov.uk', PASSWORD);
    assert.equal((await nobody.get('/admin/import')).statusCode, 403);
    assert.equal((await upload(nobody, { kind: 'members' }, [{ fileName: 'members.csv', content: fixture('members.csv') }])).statusCode, 403);
    const ds = new Agent(t.app);
    await ds.signIn('ds@wyvernvale.gov.uk', PASSWORD);
    const page = await ds.get('/admin/import');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Import the directory<\/h1>/);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /Nothing has been imported yet/);
    assert.equal(t.app.routeTable.filter((r) => r.url === '/admin/import').every((r) => r.access()?.kind === 'any-of'), true);
  });

  it('refuses an upload without its CSRF token, and stores nothing', async () => {
    await admin.get('/admin/import');
    const response = await upload(admin, { kind: 'members' }, [{ fileName: 'members.csv', content: fixture('members.csv') }], { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /This form has expired/);
    const forged = await upload(admin, { kind: 'members' }, [{ fileName: 'members.csv', content: fixture('members.csv') }], { csrf: 'not-the-token' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await members(), []);
  });

  it('lists every bad row in the error summary and stores nothing', async () => {
    await admin.get('/admin/import');
    const response = await upload(admin, { kind: 'members' }, [{ fileName: 'members-errors.csv', content: fixture('members-errors.csv') }]);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Import the directory/);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /<a href="#file">line 6, term_end: expected a date like 2027-05-06, got &quot;31\/13\/2027&quot;<\/a>/);
    assert.equal([...response.body.matchAll(/<a href="#file">line \d+/g)].length, 10);
    assert.match(response.body, /members-errors.csv was not imported: fix the 10 problems listed above/);
    assert.match(response.body, /value="members" checked/, 'the choice is kept');
    assert.deepEqual(await members(), []);
  });

  it('shows at most 50 problems, and says how many more', async () => {
    await admin.get('/admin/import');
    const rows = Array.from({ length: 60 }, (_, i) => `M${i},Member ${i},2023-05-04,someday`).join('\n');
    const response = await upload(admin, { kind: 'members' }, [{ fileName: 'many.csv', content: `external_id,full_name,term_start,term_end\n${rows}\n` }]);
    assert.equal(response.statusCode, 400);
    assert.equal([...response.body.matchAll(/<a href="#file">line \d+, term_end/g)].length, 50);
    assert.match(response.body, /and 10 more problems/);
  });

  it('imports a valid file, then shows the counts and the import in the list', async () => {
    await admin.get('/admin/import');
    const response = await upload(admin, { kind: 'members' }, [{ fileName: 'members.csv', content: fixture('members.csv') }]);
    assert.equal(response.statusCode, 303, response.body);
    assert.match(String(response.headers.location), /^\/admin\/import\?imported=\d+&wards=6&groups=3$/);
    const page = await admin.get(String(response.headers.location));
    assert.match(page.body, /govuk-notification-banner--success/);
    assert.match(page.body, /members\.csv imported: 10 created, 0 updated, 0 unchanged \(10 rows\); 6 wards and 3 political groups added\./);
    assert.match(page.body, /members\.csv<br><span class="govuk-!-font-size-16">Members, CSV, 10 rows<\/span>/);
    assert.match(page.body, /admin@wyvernvale\.gov\.uk/);
    assert.equal((await members()).length, 10);
    const again = await upload(admin, { kind: 'members' }, [{ fileName: 'members.csv', content: fixture('members.csv') }]);
    assert.match((await admin.get(String(again.headers.location))).body, /0 created, 0 updated, 10 unchanged/);
  });

  it('imports modern.gov XML with the day terms end, whatever the file is called', async () => {
    await admin.get('/admin/import');
    const fields = { kind: 'members', 'termEndsOn-day': '6', 'termEndsOn-month': '5', 'termEndsOn-year': '2027' };
    const response = await upload(admin, fields, [{ fileName: 'export.txt', content: fixture('councillors-unspecified.xml'), type: 'text/plain' }]);
    assert.equal(response.statusCode, 303, response.body);
    const nadia = await t.db.kysely.selectFrom('members').select('term_end').where('external_id', '=', '3101').executeTakeFirstOrThrow();
    assert.equal(nadia.term_end, '2027-05-06');
  });

  it('asks for what is missing: the kind, the file, a real date', async () => {
    await admin.get('/admin/import');
    const response = await upload(admin, { 'termEndsOn-day': '31', 'termEndsOn-month': '2', 'termEndsOn-year': '2027' }, [{ fileName: '', content: '', type: 'application/octet-stream' }]);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<a href="#kind">Select what the file lists: members or committees<\/a>/);
    assert.match(response.body, /<a href="#file">Select a CSV or XML file<\/a>/);
    assert.match(response.body, /<a href="#termEndsOn-day">The day terms end on must be a real date/);
  });

  it('refuses a file that is too large, or not CSV or XML, with a clear message and never a 500', async () => {
    await admin.get('/admin/import');
    const large = await upload(admin, { kind: 'members' }, [{ fileName: 'huge.csv', content: Buffer.alloc(6 * 1024 * 1024, 'a') }]);
    assert.equal(large.statusCode, 413);
    assert.match(large.body, /<a href="#file">The file must be smaller than 5 MB<\/a>/);
    const workbook = await upload(admin, { kind: 'committees' }, [{ fileName: 'committees.xlsx', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]) }]);
    assert.equal(workbook.statusCode, 400);
    assert.match(workbook.body, /file: this is a spreadsheet workbook/);
    const two = await upload(admin, { kind: 'members' }, [{ fileName: 'a.csv', content: 'a' }, { fileName: 'b.csv', content: 'b' }]);
    assert.equal(two.statusCode, 413);
    assert.match(two.body, /Upload one file at a time/);
    const cut = await admin.app.inject({
      method: 'POST',
      url: '/admin/import',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmem',
    });
    assert.equal(cut.statusCode, 400);
    assert.match(cut.body, /did not arrive whole/);
  });

  it('leaves other forms’ body parsing alone', async () => {
    const other = new Agent(t.app);
    await other.get('/sign-in');
    const response = await other.post('/sign-in', { email: 'admin@wyvernvale.gov.uk', password: 'wrong password here' });
    assert.equal(response.statusCode, 400, 'url-encoded forms still parse outside the import page');
    const multipartElsewhere = await t.app.inject({ method: 'POST', url: '/sign-in', ...(() => { const b = multipartBody({ email: 'x' }, []); return { payload: b.payload, headers: { 'content-type': b.contentType } }; })() });
    assert.equal(multipartElsewhere.statusCode, 415, 'multipart is not accepted outside the import page');
  });
});
