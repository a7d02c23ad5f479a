// Keeping the council's protocol document: read, stored whole with an audit event, or not stored at all.
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { requireShared } from '../../../test/support/shared.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { ValidationError } from '../../errors.ts';
import { verifyChain } from '../audit/audit.verify.ts';
import { councilClauseTexts, councilDocument, importCouncilProtocol } from './protocol-document.service.ts';
import { listDocuments } from './protocol-document.repository.ts';

const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'borough-protocol.txt'));
const actor = { userId: null, label: 'ada@council.example' };

describe('the council’s protocol document', () => {
  let db: TestDb;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deps = () => ({ db, clock, config: loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' }) });
  const count = async (table: 'protocol_documents' | 'protocol_clauses' | 'audit_events') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('holds nothing until one is uploaded', async () => {
    assert.equal(await councilDocument({ db }), undefined);
    assert.deepEqual(await councilClauseTexts({ db }, 'model', ['113']), []);
  });

  it('stores every clause in order, audits the upload and reports coverage against the council’s profile', async () => {
    const imported = await importCouncilProtocol(deps(), actor, { fileName: 'borough-protocol.txt', content: fixture });
    assert.equal(imported.profile.id, 'model');
    assert.equal(imported.document.kind, 'text');
    assert.match(imported.document.sha256, /^[0-9a-f]{64}$/);

    const current = await councilDocument({ db });
    assert.ok(current);
    assert.deepEqual(current.clauses.map((c) => c.id), ['110', '111', '112', '113', '115', '200', '201']);
    assert.equal(current.clauses[3]!.heading, 'Access to information');
    assert.match(current.clauses[3]!.text, /settled by the Monitoring Officer/);
    assert.deepEqual(current.coverage.cited, ['110', '111', '112', '113', '115']);
    assert.deepEqual(current.coverage.uncited, ['200', '201']);
    assert.ok(current.coverage.missing.includes('116') && current.coverage.missing.includes('48'));
    assert.deepEqual(current.document.warnings, ['the numbering jumps from 113 to 115', 'the numbering jumps from 115 to 200']);

    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'protocol-document.imported').executeTakeFirstOrThrow();
    assert.equal(event.entity_id, String(imported.document.id));
    assert.equal(event.actor, 'ada@council.example');
    assert.deepEqual(JSON.parse(event.after_json!), { fileName: 'borough-protocol.txt', sha256: imported.document.sha256, profileId: 'model', clauses: 7, versions: 0 });
    assert.equal((await verifyChain(db.kysely)).intact, true);
  });

  it('quotes a cited clause only for the profile the document was read against', async () => {
    const quoted = await councilClauseTexts({ db }, 'model', ['113', '999']);
    assert.deepEqual(quoted.map((q) => [q.cited, q.clause?.id]), [['113', '113'], ['999', undefined]]);
    assert.deepEqual(await councilClauseTexts({ db }, 'bristol-2019', ['113']), []);
  });

  it('makes a newer upload current and keeps the earlier one', async () => {
    const newer = Buffer.from(fixture.toString('utf8').replace('every year', 'every two years'));
    await importCouncilProtocol(deps(), actor, { fileName: 'borough-protocol-2027.txt', content: newer });
    const history = await listDocuments(db.kysely, 10);
    assert.deepEqual(history.map((d) => d.fileName), ['borough-protocol-2027.txt', 'borough-protocol.txt']);
    assert.match((await councilDocument({ db }))!.clauses.at(-1)!.text, /every two years/);
    assert.equal(await count('protocol_clauses'), 14);
  });

  it('refuses a file it cannot read, or one with no numbered clauses, and stores nothing', async () => {
    const before = await Promise.all([count('protocol_documents'), count('protocol_clauses'), count('audit_events')]);
    const oldWord = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await assert.rejects(importCouncilProtocol(deps(), actor, { fileName: 'protocol.doc', content: oldWord }), (e: ValidationError) => e.fields[0]!.field === 'file' && /old Word document \(\.doc\)/.test(e.fields[0]!.message));
    await assert.rejects(importCouncilProtocol(deps(), actor, { fileName: 'notes.txt', content: Buffer.from('Some notes about the protocol, with no numbers at all.\n') }), (e: ValidationError) => e.fields[0]!.field === 'file' && /notes\.txt holds no numbered clauses/.test(e.fields[0]!.message));
    await assert.rejects(importCouncilProtocol(deps(), actor, { fileName: 'broken.pdf', content: Buffer.from('%PDF-1.7\nnot really a pdf') }), (e: ValidationError) => e.fields[0]!.field === 'file' && /broken\.pdf could not be read as a PDF/.test(e.fields[0]!.message));
    assert.deepEqual(await Promise.all([count('protocol_documents'), count('protocol_clauses'), count('audit_events')]), before);
  });

  it('reads a council’s own profile: the document is laid beside the profile the directory names', async () => {
    const other = await createTestDb();
    try {
      await other.kysely.insertInto('council').values({ id: 1, name: 'Test County Council', profile_id: 'county', nation: 'england-and-wales', kind: 'principal', area_term: 'division', updated_at: clock.now().toISOString() }).execute();
      const imported = await importCouncilProtocol({ db: other, clock, config: loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' }) }, actor, { fileName: 'borough-protocol.txt', content: fixture });
      assert.equal(imported.document.profileId, 'county');
      assert.deepEqual(await councilClauseTexts({ db: other }, 'model', ['113']), []);
    } finally {
      await other.drop();
    }
  });

  it('reads the model protocol whole: every clause its rules cite is there', async (t: TestContext) => {
    const shared = requireShared(t);
    if (!shared) return;
    const seeds = path.join(shared, 'seeds');
    const seed = fs.readdirSync(seeds).find((name) => name.startsWith('000_'))!;
    const other = await createTestDb();
    try {
      const imported = await importCouncilProtocol({ db: other, clock, config: loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' }) }, actor, { fileName: seed, content: fs.readFileSync(path.join(seeds, seed)) });
      assert.ok(imported.clauses.length > 100, `${imported.clauses.length} clauses`);
      assert.deepEqual(imported.coverage.missing, []);
      assert.equal(Number((await other.kysely.selectFrom('protocol_clauses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), imported.clauses.length);
    } finally {
      await other.drop();
    }
  });
});
