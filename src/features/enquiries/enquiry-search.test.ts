// Searching enquiries by their words, with the list's filters, on whichever engine this run uses: the same
// answers from SQLite's FTS5 index and PostgreSQL's full-text search, and never an enquiry the searcher may not see.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { CurrentUser } from '../../web/access.ts';
import { logEnquiry } from './enquiry.service.ts';
import type { ListFilter } from './enquiry-query.repository.ts';
import { listEnquiries } from './enquiry-list.repository.ts';
import { listScopeFor } from './enquiry-access.ts';
import { readSearch } from './enquiry-search-words.ts';
import { actorFor, addEnquiryCouncil, type EnquiryCouncil } from './enquiry.fixture.ts';

const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused' });

describe('reading what is typed into the search box', () => {
  const cases: [string, ReturnType<typeof readSearch>][] = [
    ['Potholes Mill', [{ phrases: [['potholes'], ['mill']], excluded: [] }]],
    ['"Mill Lane" pothole', [{ phrases: [['mill', 'lane'], ['pothole']], excluded: [] }]],
    ['pothole -brook', [{ phrases: [['pothole']], excluded: [['brook']] }]],
    ['lamp or hedge', [{ phrases: [['lamp']], excluded: [] }, { phrases: [['hedge']], excluded: [] }]],
    ['the', []],
    ['or lamp or', [{ phrases: [['lamp']], excluded: [] }]],
    ['"unclosed quote', [{ phrases: [['unclosed', 'quote']], excluded: [] }]],
    ['Ann’s "road" AND', [{ phrases: [['ann'], ['road']], excluded: [] }]],
  ];
  for (const [typed, expected] of cases) it(`reads ${JSON.stringify(typed)}`, () => assert.deepEqual(readSearch(typed), expected));
});

describe('searching and filtering enquiries', () => {
  let db: TestDb;
  let c: EnquiryCouncil;
  const ids: Record<string, number> = {};
  const refs = new Map<number, string>();
  const find = async (user: CurrentUser, filter: Partial<ListFilter>) => {
    const { items, total } = await listEnquiries(db.kysely, await listScopeFor(db.kysely, user), { limit: 50, offset: 0, ...filter });
    assert.equal(total, items.length);
    return items.map((i) => refs.get(i.id)).sort();
  };

  before(async () => {
    db = await createTestDb();
    const deps = { db, clock: fixedClock('2026-11-23T10:00:00Z'), config };
    c = await addEnquiryCouncil(deps);
    const log = async (name: string, user: CurrentUser, input: Record<string, unknown>) => {
      const enquiry = await logEnquiry(deps, actorFor(user), user, input);
      ids[name] = enquiry.id;
      refs.set(enquiry.id, name);
    };
    await log('mill', c.users.ann, { subject: 'Pothole on Mill Lane', details: 'Deep potholes outside number 12, a cyclist fell.', serviceId: c.services.highways });
    await log('hedge', c.users.ann, { subject: 'Overgrown hedges in Abbey Park', details: 'The path is blocked.', serviceId: c.services.parks });
    await log('lamp', c.users.bo, { subject: 'Street lighting', details: 'The lamp on Brook Road has been out for a week.', serviceId: c.services.highways });
    await log('brook', c.users.bo, { subject: 'Potholes on Brook Road', details: 'Two holes near the school gates.', serviceId: c.services.highways, copyTo: [c.members.cy] });
    await db.kysely.updateTable('enquiries').set({ received_on: '2026-10-01' }).where('id', '=', ids.lamp!).execute();
  });
  after(async () => db.drop());

  it('finds words in the subject or the details, stemmed, in phrases, with or and without', async () => {
    const clerk = c.users.clerk;
    assert.deepEqual(await find(clerk, { words: 'pothole' }), ['brook', 'mill']);
    assert.deepEqual(await find(clerk, { words: 'cyclists' }), ['mill'], 'details, and a plural finds the singular');
    assert.deepEqual(await find(clerk, { words: '"Mill Lane"' }), ['mill']);
    assert.deepEqual(await find(clerk, { words: '"lane mill"' }), [], 'a phrase keeps its order');
    assert.deepEqual(await find(clerk, { words: 'pothole -brook' }), ['mill']);
    assert.deepEqual(await find(clerk, { words: 'lamp or hedges' }), ['hedge', 'lamp']);
    assert.deepEqual(await find(clerk, { words: 'BROOK road' }), ['brook', 'lamp']);
    assert.deepEqual(await find(clerk, { words: 'the' }), [], 'stop words alone find nothing');
    assert.deepEqual(await find(clerk, { words: 'gritting' }), []);
    assert.deepEqual(await find(clerk, { words: `"'); drop table enquiries; --` }), [], 'typed syntax is only ever words');
  });

  it('finds only what the searcher may see: author, copied members, the officer and their managers, democratic services', async () => {
    assert.deepEqual(await find(c.users.ann, { words: 'pothole' }), ['mill']);
    assert.deepEqual(await find(c.users.bo, { words: 'pothole' }), ['brook']);
    assert.deepEqual(await find(c.users.cy, { words: 'pothole' }), ['brook'], 'copied');
    assert.deepEqual(await find(c.users.head, { words: 'pothole or lamp' }), ['brook', 'lamp', 'mill'], 'assigned to him');
    assert.deepEqual(await find(c.users.engineer, { words: 'pothole or lamp' }), [], 'his report does not see his manager’s enquiries');
    assert.deepEqual(await find(c.users.parks, { words: 'pothole' }), []);
    await db.kysely.updateTable('enquiries').set({ assigned_officer_id: c.officers.assistant }).where('id', '=', ids.brook!).execute();
    assert.deepEqual(await find(c.users.assistant, { words: 'pothole' }), ['brook']);
    assert.deepEqual(await find(c.users.engineer, { words: 'pothole' }), ['brook'], 'his report’s enquiry');
    assert.deepEqual(await find(c.users.head, { words: 'pothole' }), ['brook', 'mill'], 'two levels down');
    await db.kysely.updateTable('enquiries').set({ assigned_officer_id: c.officers.head }).where('id', '=', ids.brook!).execute();
  });

  it('filters by status, ward, service, officer and the dates received, and pages', async () => {
    const clerk = c.users.clerk;
    assert.deepEqual(await find(clerk, { serviceId: c.services.parks }), ['hedge']);
    assert.deepEqual(await find(clerk, { wardId: c.wards.brook }), ['brook', 'lamp']);
    assert.deepEqual(await find(clerk, { officerId: c.officers.head, words: 'road' }), ['brook', 'lamp']);
    assert.deepEqual(await find(clerk, { officerId: c.officers.head }), ['brook', 'lamp', 'mill']);
    assert.deepEqual(await find(clerk, { receivedFrom: '2026-11-01' }), ['brook', 'hedge', 'mill']);
    assert.deepEqual(await find(clerk, { receivedTo: '2026-10-31' }), ['lamp']);
    assert.deepEqual(await find(clerk, { receivedFrom: '2026-10-01', receivedTo: '2026-10-01', words: 'lamp' }), ['lamp']);
    assert.deepEqual(await find(clerk, { status: 'open', words: 'pothole' }), ['brook', 'mill']);
    assert.deepEqual(await find(clerk, { status: 'answered', words: 'pothole' }), []);
    assert.deepEqual(await find(clerk, { overdueOn: '2026-12-31' }), ['brook', 'hedge', 'lamp', 'mill']);
    const scope = await listScopeFor(db.kysely, clerk);
    const pages = [0, 1].map((offset) => listEnquiries(db.kysely, scope, { words: 'pothole', limit: 1, offset }));
    const [first, second] = await Promise.all(pages);
    assert.equal(first!.total, 2);
    assert.equal(second!.total, 2);
    assert.notEqual(first!.items[0]!.id, second!.items[0]!.id);
  });

  it('keeps the index in step when an enquiry’s words change or it is deleted', async () => {
    await db.kysely.updateTable('enquiries').set({ subject: 'Fly-tipping behind the library' }).where('id', '=', ids.hedge!).execute();
    assert.deepEqual(await find(c.users.clerk, { words: 'library' }), ['hedge']);
    assert.deepEqual(await find(c.users.clerk, { words: 'hedges' }), []);
    await db.kysely.deleteFrom('enquiries').where('id', '=', ids.hedge!).execute();
    assert.deepEqual(await find(c.users.clerk, { words: 'library' }), []);
    assert.deepEqual(await find(c.users.clerk, { words: 'pothole' }), ['brook', 'mill']);
  });
});
