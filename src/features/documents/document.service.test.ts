// Keeping the register over a real database: each validation rule naming its field, reclassification,
// versions of a file, two people editing at once, the audit trail, and each fixture person's sight of each entry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { resolveCurrentUser } from '../accounts/current-user.ts';
import { findUserByEmail } from '../accounts/users.repository.ts';
import { documentSight, documentViewerOf } from './document-access.ts';
import { addDocumentCouncil, type DocumentCouncil } from './document.fixture.ts';
import { findDocument, findFile, listFileVersions } from './document.repository.ts';
import { addDocumentFile, changeDocument, createDocument } from './document.service.ts';
import { minimalPdf } from './minimal-pdf.ts';

describe('keeping the document register', () => {
  let db: TestDb;
  let c: DocumentCouncil;
  const clock = fixedClock('2026-11-23T10:00:00Z');
  const deps = () => ({ db, clock });
  const actor = () => ({ userId: c.users.clerk.id, label: c.users.clerk.email });
  const valid = () => ({ title: 'Leisure centre contract', summary: 'Award of the operating contract.', bodyId: c.bodies.cabinet, meetingId: c.meetings.cabinet, authorOfficerId: c.officers.author, classification: 'open' });

  before(async () => {
    db = await createTestDb();
    c = await addDocumentCouncil(deps());
  });
  after(async () => db.drop());

  async function problemsOf(input: Record<string, unknown>): Promise<Record<string, string>> {
    try {
      await createDocument(deps(), actor(), input);
    } catch (error) {
      if (error instanceof ValidationError) return Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
      throw error;
    }
    assert.fail('expected the entry to be refused');
  }

  const rules: [string, Record<string, unknown>, string, RegExp][] = [
    ['a title', { title: ' ' }, 'title', /Enter a title/],
    ['a summary', { summary: '' }, 'summary', /Enter a summary/],
    ['a body', { bodyId: '' }, 'bodyId', /Select the committee or body/],
    ['a body that exists', { bodyId: 99999, meetingId: undefined }, 'bodyId', /from the list/],
    ['a meeting of the same body', { bodyId: 'planning', meetingId: 'cabinet' }, 'meetingId', /meeting of the body the document belongs to/],
    ['an author', { authorOfficerId: '', authorName: '' }, 'authorOfficerId', /officer who wrote the document, or enter the author/],
    ['a classification from the list', { classification: 'secret' }, 'classification', /Select how the document is classified/],
    ['an exempt paragraph', { classification: 'exempt', publicInterestTest: 'Outweighs.', reviewOn: '2027-01-01' }, 'exemptParagraph', /paragraph of Schedule 12A/],
    ['an exempt paragraph from 1 to 7', { classification: 'exempt', exemptParagraph: 8, publicInterestTest: 'Outweighs.', reviewOn: '2027-01-01' }, 'exemptParagraph', /from 1 to 7/],
    ['a public interest test for exempt', { classification: 'exempt', exemptParagraph: 1, reviewOn: '2027-01-01' }, 'publicInterestTest', /Record the public interest test/],
    ['a review date for exempt', { classification: 'exempt', exemptParagraph: 1, publicInterestTest: 'Outweighs.' }, 'reviewOn', /date by which the classification is to be reviewed/],
    ['a ground for confidential', { classification: 'confidential', reviewOn: '2027-01-01' }, 'confidentialGround', /ground on which the information is confidential/],
    ['a ground from the list', { classification: 'confidential', confidentialGround: 'because', reviewOn: '2027-01-01' }, 'confidentialGround', /Select a ground from the list/],
    ['a review date for confidential', { classification: 'confidential', confidentialGround: 'court-order' }, 'reviewOn', /to be reviewed/],
    ['a real review date', { classification: 'confidential', confidentialGround: 'court-order', reviewOn: '2027-02-30' }, 'reviewOn', /real date/],
    ['a group for a group paper', { classification: 'group-internal' }, 'groupId', /Select the party group/],
    ['a group that exists', { classification: 'group-internal', groupId: 99999 }, 'groupId', /from the list/],
    ['no publication of a group paper', { classification: 'group-internal', groupId: 'red', metadataPublic: 'yes' }, 'metadataPublic', /never published/],
  ];
  for (const [what, change, field, message] of rules) {
    it(`needs ${what}, naming ${field}`, async () => {
      // Ids exist only once the fixture is stored: the table names them.
      const ids: Record<string, number> = { cabinet: c.meetings.cabinet, planning: c.bodies.planning, red: c.groups.red };
      const resolved = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === 'string' && v in ids ? ids[v] : v]));
      const problems = await problemsOf({ ...valid(), ...resolved });
      assert.match(problems[field] ?? '', message, JSON.stringify(problems));
    });
  }

  it('lists every problem at once and stores nothing', async () => {
    const before = await db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const problems = await problemsOf({ classification: 'exempt' });
    assert.deepEqual(Object.keys(problems).sort(), ['authorOfficerId', 'bodyId', 'exemptParagraph', 'publicInterestTest', 'reviewOn', 'summary', 'title']);
    const after = await db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it('adds an entry, reclassifies it without keeping stale fields, and audits each change', async () => {
    const entry = await createDocument(deps(), actor(), { ...valid(), exemptParagraph: 3, confidentialGround: 'court-order' });
    assert.equal(entry.classification, 'open');
    assert.equal(entry.exemptParagraph, null, 'a paragraph means nothing for an open paper');
    assert.equal(entry.confidentialGround, null);
    const exempt = await changeDocument(deps(), actor(), entry.id, entry.version, { ...valid(), classification: 'exempt', exemptParagraph: '3', publicInterestTest: 'Commercial terms still under negotiation.', reviewOn: '2027-03-01', metadataPublic: 'yes' });
    assert.equal(exempt.version, entry.version + 1);
    assert.equal(exempt.exemptParagraph, 3);
    assert.equal(exempt.metadataPublic, true);
    const retitled = await changeDocument(deps(), actor(), entry.id, exempt.version, { ...valid(), title: 'Leisure centre contract award', classification: 'exempt', exemptParagraph: '3', publicInterestTest: 'Commercial terms still under negotiation.', reviewOn: '2027-03-01', metadataPublic: 'yes' });
    const events = await db.kysely.selectFrom('audit_events').select(['action', 'before_json', 'after_json']).where('entity', '=', 'document').where('entity_id', '=', String(entry.id)).orderBy('seq').execute();
    assert.deepEqual(events.map((e) => e.action), ['document.created', 'document.reclassified', 'document.updated']);
    assert.match(events[1]!.before_json!, /"classification":"open"/);
    assert.match(events[1]!.after_json!, /"exemptParagraph":3/);
    assert.equal(retitled.title, 'Leisure centre contract award');
  });

  it('refuses the second of two edits made from the same reading, keeping the first', async () => {
    const entry = await createDocument(deps(), actor(), valid());
    await changeDocument(deps(), actor(), entry.id, entry.version, { ...valid(), title: 'First editor’s title' });
    await assert.rejects(changeDocument(deps(), actor(), entry.id, entry.version, { ...valid(), title: 'Second editor’s title' }), (error: Error) => error instanceof ConflictError && /Someone changed/.test(error.message));
    assert.equal((await findDocument(db.kysely, entry.id))!.title, 'First editor’s title');
  });

  it('keeps each uploaded file as the next version, with its hash, and audits it', async () => {
    const entry = await createDocument(deps(), actor(), valid());
    const first = minimalPdf('Draft', ['First draft.']);
    assert.equal(await addDocumentFile(deps(), actor(), entry.id, { fileName: 'draft.pdf', contentType: 'application/pdf', content: first }), 1);
    assert.equal(await addDocumentFile(deps(), actor(), entry.id, { fileName: 'final.pdf', contentType: 'application/pdf', content: minimalPdf('Final', ['Final.']) }), 2);
    const versions = await listFileVersions(db.kysely, entry.id);
    assert.deepEqual(versions.map((v) => [v.version, v.fileName]), [[2, 'final.pdf'], [1, 'draft.pdf']]);
    const stored = await findFile(db.kysely, entry.id, 1);
    assert.deepEqual(Buffer.from(stored!.content), Buffer.from(first));
    assert.match(stored!.sha256, /^[0-9a-f]{64}$/);
    assert.equal((await findDocument(db.kysely, entry.id))!.latestFileVersion, 2);
    const audited = await db.kysely.selectFrom('audit_events').select('action').where('entity_id', '=', String(entry.id)).where('action', '=', 'document.file-added').execute();
    assert.equal(audited.length, 2);
  });

  it('gives each person the sight the access table says, from their roles, powers and group', async () => {
    const day = '2026-11-23';
    const sightOf = async (email: string, documentId: number) => {
      const record = await findUserByEmail(db.kysely, email);
      const user = await resolveCurrentUser(db.kysely, record!, day, 'session');
      const entry = await findDocument(db.kysely, documentId);
      const s = documentSight(await documentViewerOf(db.kysely, user, day), entry!);
      return s.file ? 'F' : s.entry ? 'M' : '-';
    };
    const d = c.documents;
    const table: [keyof DocumentCouncil['users'], string][] = [
      // open, exempt (metadata public), exempt (hidden), confidential (metadata public), Red paper, Blue paper
      ['clerk', 'FFFFFF'],
      ['admin', 'FFFFFF'],
      ['mo', 'FFFFFF'],
      ['po', 'FFFFFF'],
      ['officer', 'FM-M--'],
      ['red', 'FM-MF-'],
      ['redLeader', 'FM-MF-'],
      ['blue', 'FM-M-F'],
      ['independent', 'FM-M--'],
      ['former', 'FM-M--'],
    ];
    for (const [who, want] of table) {
      const got = [d.open, d.exemptPublic, d.exemptHidden, d.confidential, d.redPaper, d.bluePaper];
      const sights = (await Promise.all(got.map((id) => sightOf(c.users[who].email, id)))).join('');
      assert.equal(sights, want, who);
    }
  });
});
