// Versions stored before a file's words were kept at upload are read in the background: once each, a batch at a
// time, by one job however many times (or instances) the start schedules it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { runDueJobs } from '../../jobs/scheduler.ts';
import { pdfBomb } from '../protocol-import/document-bombs.ts';
import { addDocumentCouncil, type DocumentCouncil } from './document.fixture.ts';
import { documentJobHandlers, OLD_TEXT_JOB, readOldVersion, scheduleOldTextReading } from './document-old-text.ts';

describe('reading the text of versions stored before it was kept', () => {
  let t: TestApp;
  let c: DocumentCouncil;
  before(async () => {
    t = await createTestApp();
    c = await addDocumentCouncil(t.deps);
  });
  after(async () => t.close());

  const files = () => t.db.kysely.selectFrom('document_files').select(['document_id', 'version', 'text', 'text_read_at']).orderBy('document_id').orderBy('version').execute();
  const scheduleAtStart = () => t.db.kysely.transaction().execute((trx) => scheduleOldTextReading(trx, t.clock.now()));
  const forget = () => t.db.kysely.updateTable('document_files').set({ text: null, text_read_at: null }).execute();

  it('reads each old version once, bombs included, by one job scheduled however often the start asks', async () => {
    const kept = await files();
    await forget();
    // More versions than one batch reads, so the job goes on to the next batch by itself.
    for (let i = 0; i < 11; i++) {
      await t.db.kysely.insertInto('document_files').values({ document_id: c.documents.open, version: 100 + i, file_name: `bomb-${i}.pdf`, content_type: 'application/pdf', size: 1, sha256: 'x', content: pdfBomb(160), uploaded_by: 'Clerk', uploaded_at: '2024-01-01T00:00:00Z', redacted: false }).execute();
    }
    await scheduleAtStart();
    await scheduleAtStart();
    assert.equal((await t.db.kysely.selectFrom('jobs').select('id').where('kind', '=', OLD_TEXT_JOB).execute()).length, 1);
    let runs = 0;
    while ((await runDueJobs(t.deps, documentJobHandlers, { instanceId: 'a' })).claimed) runs++;
    assert.ok(runs >= 2, `${runs} runs`);
    const read = await files();
    assert.ok(read.every((f) => f.text_read_at !== null), 'every version read');
    assert.deepEqual(read.filter((f) => f.version >= 100).map((f) => f.text), Array(11).fill(null), 'a bomb is kept as having no words');
    for (const before of kept) assert.equal(read.find((f) => f.document_id === before.document_id && f.version === before.version)?.text, before.text);
    // Nothing is read twice: a later start schedules nothing, and asking again reads nothing.
    await scheduleAtStart();
    assert.equal((await runDueJobs(t.deps, documentJobHandlers, { instanceId: 'a' })).claimed, 0);
    assert.equal(await readOldVersion(t.deps, c.documents.open, 100), false);
  });

  it('joins a reading under way, so that six asking at once read a version once', async () => {
    await forget();
    const answers = await Promise.all(Array.from({ length: 6 }, () => readOldVersion(t.deps, c.documents.confidential, 1)));
    assert.equal(answers.filter(Boolean).length, 1);
  });
});
