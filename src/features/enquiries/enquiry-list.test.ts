// The list read from its indexes (enquiry-list.repository.ts) against the plain query that sorts everything a
// reader may see: the same enquiries in the same order, page by page, for every kind of reader and filter, and
// the same count up to the point where pages stop counting.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import { Agent, createTestApp } from '../../../test/support/app.ts';
import { fixedClock } from '../../clock.ts';
import type { CurrentUser } from '../../web/access.ts';
import { seedDemo } from '../demo/demo.service.ts';
import { findUserByEmail } from '../accounts/users.repository.ts';
import { resolveCurrentUser } from '../accounts/current-user.ts';
import { seedEnquiries } from '../../../bench/enquiry-seed.ts';
import { listScopeFor } from './enquiry-access.ts';
import { COUNT_LIMIT, listEnquiries, readListNames } from './enquiry-list.repository.ts';
import { filteredEnquiries, statisticsRows, type ListFilter } from './enquiry-query.repository.ts';
import { STATUSES } from './enquiry.types.ts';

const TODAY = '2026-11-23';
const clock = fixedClock(`${TODAY}T10:00:00Z`);

describe('the enquiry list read from its indexes', () => {
  let db: TestDb;
  const readers: Record<string, CurrentUser> = {};
  let some: { ward: number; service: number; officer: number };
  let signIn: { email: string; password: string };

  before(async () => {
    db = await createTestDb();
    const seeded = await seedDemo({ db, clock }, 'model');
    const user = async (email: string) => resolveCurrentUser(db.kysely, (await findUserByEmail(db.kysely, email))!, TODAY, 'session');
    signIn = { email: seeded.signIns.find((s) => s.role === 'democratic-services')!.email, password: seeded.password };
    for (const role of ['member', 'officer', 'democratic-services']) readers[role] = await user(seeded.signIns.find((s) => s.role === role)!.email);
    // A manager: an officer with a team, so that their queue is several officers' queues at once.
    const manager = await db.kysely
      .selectFrom('users as u')
      .innerJoin('officers as o', 'o.line_manager_id', 'u.officer_id')
      .select('u.email')
      .groupBy('u.email')
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow();
    readers.manager = await user(manager.email);
    await seedEnquiries(db, { member: readers.member!.memberId!, officer: readers.officer!.officerId! }, 2_600, TODAY);
    // Enquiries the member reaches two ways, as their own and copied to them (one passed to them by a ward
    // colleague who had copied them in): each must appear once, in its place.
    const own = await db.kysely.selectFrom('enquiries').select('id').where('member_id', '=', readers.member!.memberId!).orderBy('id').limit(3).execute();
    await db.kysely.insertInto('enquiry_copies').values(own.map((e) => ({ enquiry_id: e.id, member_id: readers.member!.memberId! }))).execute();
    const pick = await db.kysely.selectFrom('enquiries').select(['ward_id', 'service_id', 'assigned_officer_id']).where('ward_id', 'is not', null).where('assigned_officer_id', 'is not', null).where('service_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    some = { ward: pick.ward_id!, service: pick.service_id!, officer: pick.assigned_officer_id! };
  });
  after(async () => db.drop());

  async function everything(user: CurrentUser, filter: Omit<ListFilter, 'limit' | 'offset'>): Promise<number[]> {
    const rows = await filteredEnquiries(db.kysely, await listScopeFor(db.kysely, user), filter)
      .select('e.id')
      .orderBy(sql`case when e.due_on is null then 1 else 0 end`)
      .orderBy('e.due_on')
      .orderBy('e.received_at')
      .orderBy('e.id')
      .execute();
    return rows.map((r) => r.id);
  }

  const filters = (): Record<string, Omit<ListFilter, 'limit' | 'offset'>> => ({
    open: { status: 'open' },
    overdue: { overdueOn: TODAY },
    all: {},
    ...Object.fromEntries(STATUSES.map((s) => [s, { status: s }])),
    'open in a ward': { status: 'open', wardId: some.ward },
    'all for a service': { serviceId: some.service },
    'open for an officer': { status: 'open', officerId: some.officer },
    'not yet assigned': { status: 'open', officerId: null },
    'received in October': { receivedFrom: '2026-10-01', receivedTo: '2026-10-31' },
    'overdue in a ward': { overdueOn: TODAY, wardId: some.ward },
  });

  for (const reader of ['member', 'officer', 'manager', 'democratic-services']) {
    it(`gives ${reader} the same pages and counts as sorting everything they may see`, async () => {
      const user = readers[reader]!;
      const scope = await listScopeFor(db.kysely, user);
      let compared = 0;
      for (const [name, filter] of Object.entries(filters())) {
        const expected = await everything(user, filter);
        for (const offset of [0, 50, 1_000]) {
          const page = await listEnquiries(db.kysely, scope, { ...filter, limit: 50, offset });
          assert.deepEqual(page.items.map((i) => i.id), expected.slice(offset, offset + 50), `${reader}, ${name}, from ${offset}`);
          assert.equal(page.totalAtLeast, expected.length > COUNT_LIMIT, `${reader}, ${name}: whether there are more than the limit`);
          assert.equal(page.total, Math.min(expected.length, COUNT_LIMIT), `${reader}, ${name}: the count`);
          compared += page.items.length;
        }
        const exact = await listEnquiries(db.kysely, scope, { ...filter, limit: 10, offset: 0 }, { exactTotal: true });
        assert.equal(exact.total, expected.length, `${reader}, ${name}: the exact count`);
        assert.equal(exact.totalAtLeast, false);
      }
      assert.ok(compared > 0, `${reader} saw some enquiries`);
    });
  }

  it('reads fresh rows and counts each time the same list is asked for again', async () => {
    const user = readers.officer!;
    const scope = await listScopeFor(db.kysely, user);
    const filter: ListFilter = { status: 'open', limit: 50, offset: 0 };
    const before = await listEnquiries(db.kysely, scope, filter, { exactTotal: true });
    const first = before.items[0]!;
    await db.kysely.updateTable('enquiries').set({ subject: 'Changed since the last look' }).where('id', '=', first.id).execute();
    const closed = before.items[1]!;
    await db.kysely.updateTable('enquiries').set({ status: 'closed' }).where('id', '=', closed.id).execute();
    try {
      const again = await listEnquiries(db.kysely, scope, filter, { exactTotal: true });
      assert.equal(again.total, before.total - 1, 'the closed enquiry is no longer counted');
      assert.equal(again.items[0]!.subject, 'Changed since the last look');
      assert.ok(!again.items.some((i) => i.id === closed.id), 'a closed enquiry leaves the open list');
      assert.deepEqual(again.items.map((i) => i.id), (await everything(user, { status: 'open' })).slice(0, 50));
    } finally {
      await db.kysely.updateTable('enquiries').set({ subject: first.subject }).where('id', '=', first.id).execute();
      await db.kysely.updateTable('enquiries').set({ status: closed.status }).where('id', '=', closed.id).execute();
    }
  });

  it('names each row as the directory does, and reads the names again when those kept lack one', async () => {
    const scope = await listScopeFor(db.kysely, readers['democratic-services']!);
    const filter: ListFilter = { limit: 50, offset: 0 };
    const joined = async (ids: number[]) => {
      const rows = await db.kysely
        .selectFrom('enquiries as e')
        .innerJoin('members as m', 'm.id', 'e.member_id')
        .leftJoin('wards as w', 'w.id', 'e.ward_id')
        .leftJoin('services as s', 's.id', 'e.service_id')
        .leftJoin('officers as o', 'o.id', 'e.assigned_officer_id')
        .select(['e.id', 'm.full_name as memberName', 'w.name as wardName', 's.name as serviceName', 'o.full_name as assignedOfficerName'])
        .where('e.id', 'in', ids)
        .execute();
      return new Map(rows.map(({ id, ...names }) => [id, names]));
    };
    const page = await listEnquiries(db.kysely, scope, filter);
    const expected = await joined(page.items.map((i) => i.id));
    for (const item of page.items) assert.deepEqual({ memberName: item.memberName, wardName: item.wardName, serviceName: item.serviceName, assignedOfficerName: item.assignedOfficerName }, expected.get(item.id), `enquiry ${item.id}`);

    // Names kept from before a member joined the council: asked fresh once, and only then.
    const kept = await readListNames(db.kysely);
    const newcomer = await db.kysely.insertInto('members').values({ full_name: 'Cllr Newly Elected', term_start: '2026-11-01', term_end: '2030-05-01', created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    const first = await db.kysely.selectFrom('enquiries').select(['id', 'member_id']).where('id', '=', page.items[0]!.id).executeTakeFirstOrThrow();
    await db.kysely.updateTable('enquiries').set({ member_id: newcomer.id }).where('id', '=', first.id).execute();
    try {
      const asked: boolean[] = [];
      const names = async (fresh: boolean) => (asked.push(fresh), fresh ? readListNames(db.kysely) : kept);
      const again = await listEnquiries(db.kysely, scope, filter, { names });
      assert.equal(again.items.find((i) => i.id === first.id)!.memberName, 'Cllr Newly Elected');
      assert.deepEqual(asked, [false, true]);
      asked.length = 0;
      await listEnquiries(db.kysely, scope, { ...filter, offset: 50 }, { names: async (fresh) => (asked.push(fresh), readListNames(db.kysely)) });
      assert.deepEqual(asked, [false], 'names that are all there are not read again');
    } finally {
      await db.kysely.updateTable('enquiries').set({ member_id: first.member_id }).where('id', '=', first.id).execute();
      await db.kysely.deleteFrom('members').where('id', '=', newcomer.id).execute();
    }
  });

  it('reads the statistics rows in batches, each row once, the same as in one piece', async () => {
    const read = async (scope: Parameters<typeof statisticsRows>[1], batch: number) => {
      const rows = [];
      let batches = 0;
      for await (const piece of statisticsRows(db.kysely, scope, '2025-12-01', batch)) {
        assert.ok(piece.length <= batch);
        rows.push(...piece);
        batches++;
      }
      return { rows, batches };
    };
    for (const reader of ['officer', 'democratic-services']) {
      const scope = await listScopeFor(db.kysely, readers[reader]!);
      const whole = await read(scope, 1_000_000);
      const pieces = await read(scope, 7);
      assert.ok(whole.rows.length > 7, `${reader}: ${whole.rows.length} rows`);
      assert.equal(whole.batches, 1);
      assert.equal(pieces.batches, Math.ceil(whole.rows.length / 7) + (whole.rows.length % 7 === 0 ? 1 : 0));
      assert.deepEqual(pieces.rows, whole.rows, reader);
    }
  });

  it('counts past the limit for democratic services and says so', async () => {
    const page = await listEnquiries(db.kysely, { all: true }, { limit: 50, offset: 0 });
    assert.equal(page.totalAtLeast, true);
    assert.equal(page.items.length, 50);
    const exact = await listEnquiries(db.kysely, { all: true }, { limit: 50, offset: 0 }, { exactTotal: true });
    assert.ok(exact.total >= 2_600, `${exact.total} enquiries counted`);
  });

  it('pages past the counting limit on the list page, with a next page while the page is full', async () => {
    const t = await createTestApp({ db, now: `${TODAY}T10:00:00Z` });
    try {
      const agent = new Agent(t.app);
      await agent.signIn(signIn.email, signIn.password);
      const first = await agent.get('/enquiries?view=all');
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /More than 1,000 enquiries, page 1\./);
      assert.match(first.body, /href="\/enquiries\?view=all&amp;page=2"/);
      const deep = await agent.get('/enquiries?view=all&page=30');
      assert.match(deep.body, /More than 1,000 enquiries, page 30\./);
      assert.equal((deep.body.match(/govuk-table__row/g) ?? []).length, 51, 'a heading row and 50 enquiries');
      const open = await agent.get('/enquiries?view=answered&ward=' + some.ward);
      assert.match(open.body, /<p class="govuk-body">\d+ enquir(y|ies)/);
    } finally {
      await t.app.close();
    }
  });
});
