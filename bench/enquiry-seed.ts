// Bulk enquiries for the benchmark: set-based INSERT … SELECT over a generated series of numbers (generate_series
// on PostgreSQL, a recursive CTE on SQLite), in batches each inside its own transaction. Every value derives from
// the row's number through a small integer hash, so a run is repeatable and the spread realistic: members and
// their wards, services and officers, statuses weighted towards closed, open enquiries recent, a deadline
// twenty-odd working days after receipt, some unassigned, some without a deadline, some copied to a colleague.
//
// Two people are placed on purpose: `member` has MEMBER_OWN enquiries of their own besides the demo's (two in
// three open, enough to fill the dashboard's first page of 50) and MEMBER_COPIES copied to them, however many rows
// there are; `officer` has a long queue, QUEUE_SHARE of everything.
import { sql } from 'kysely';
import type { Db } from '../src/db/create-db.ts';

export const MEMBER_OWN = 80;
export const MEMBER_COPIES = 10;
const QUEUE_SHARE = 0.05;
const BATCH = 250_000;

export type SeedPeople = { member: number; officer: number };

/** Enquiries already stored; the next batch numbers on from there. */
export async function countEnquiries(db: Db): Promise<number> {
  const { n } = await db.kysely.selectFrom('enquiries').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** Adds enquiries until there are `target`; returns how many were added. */
export async function seedEnquiries(db: Db, people: SeedPeople, target: number, today: string): Promise<number> {
  const k = db.kysely;
  const pg = db.dialect === 'postgres';
  const members = await k.selectFrom('members').select(['id', 'ward_id']).where('id', '!=', people.member).orderBy('id').execute();
  const officers = await k.selectFrom('officers').select(['id', 'service_id']).where('id', '!=', people.officer).orderBy('id').execute();
  const officerService = (await k.selectFrom('officers').select('service_id').where('id', '=', people.officer).executeTakeFirstOrThrow()).service_id;
  const memberWard = (await k.selectFrom('members').select('ward_id').where('id', '=', people.member).executeTakeFirstOrThrow()).ward_id;
  if (!members.length || !officers.length) throw new Error('seed the demo council first');
  const before = await countEnquiries(db);
  if (before >= target) return 0;
  const at = `${today}T08:00:00.000Z`;

  // Integer hashes of the row number n, one for each salt and unrelated to each other: spread over 0..999,982.
  const h = (salt: number) => `((((n + ${salt * 7919}) * 2654435761) % 1000003 * 40503 + ${salt}) % 999983)`;
  const dateMinus = (days: string) => (pg ? `to_char(date '${today}' - (${days})::int, 'YYYY-MM-DD')` : `date('${today}', '-' || (${days}) || ' days')`);
  const datePlus = (date: string, days: string) => (pg ? `to_char((${date})::date + (${days})::int, 'YYYY-MM-DD')` : `date(${date}, '+' || (${days}) || ' days')`);
  const concat = (...parts: string[]) => parts.join(' || ');
  const text = (v: string) => (pg ? `(${v})::text` : `cast(${v} as text)`);
  const pickMember = `(${h(1)} % ${members.length})`;
  const pickOfficer = `(${h(2)} % ${officers.length})`;
  const bucket = `(${h(3)} % 100)`;
  // 8% not yet routed (received, no officer); of the rest, QUEUE_SHARE to the benchmark officer.
  const unassigned = `${h(4)} % 100 < 8`;
  const toQueue = `${h(5)} % 1000 < ${Math.round(QUEUE_SHARE * 1000)}`;
  const status = `case when ${unassigned} then 'received' when ${bucket} < 55 then 'closed' when ${bucket} < 70 then 'answered' when ${bucket} < 78 then 'received' when ${bucket} < 85 then 'acknowledged' when ${bucket} < 95 then 'in-progress' else 'awaiting-member' end`;
  // Open enquiries arrived in the last ten weeks; answered and closed ones over three years.
  const age = `case when ${bucket} < 70 and not (${unassigned}) then ${h(6)} % 1095 else ${h(6)} % 70 end`;

  const membersValues = members.map((m, i) => `(${i}, ${m.id}, ${m.ward_id ?? 'null'})`).join(', ');
  const officersValues = officers.map((o, i) => `(${i}, ${o.id}, ${o.service_id ?? 'null'})`).join(', ');
  const select = (from: number, to: number) => `
    with recursive
      ${pg ? '' : `s(n) as (select ${from} union all select n + 1 from s where n < ${to}),`}
      pm(i, id, ward_id) as (values ${membersValues}),
      po(i, id, service_id) as (values ${officersValues}),
      g as (
        select n, (${age}) as age, (${status}) as status, (${unassigned}) as unassigned, (${toQueue}) as to_queue,
               ${pickMember} as mi, ${pickOfficer} as oi, ${h(7)} as h7, ${h(8)} as h8
        from ${pg ? `generate_series(${from}::bigint, ${to}::bigint) as s(n)` : 's'}
      ),
      r as (
        select g.*, ${dateMinus('g.age')} as received_on from g
      )
    select
      ${concat(`'ENQ-B-'`, text('r.n'))} as reference,
      pm.id as member_id,
      null as logged_by_user_id,
      ${concat(`'Enquiry '`, text('r.n'), `' about '`, `case r.h7 % 5 when 0 then 'a pothole' when 1 then 'bin collection' when 2 then 'a planning application' when 3 then 'street lighting' else 'a housing repair' end`)} as subject,
      'A resident has asked for an update.' as details,
      case when r.h8 % 10 = 0 then null else pm.ward_id end as ward_id,
      case when r.unassigned then null when r.to_queue then ${officerService ?? 'null'} else po.service_id end as service_id,
      null as work_type, null as resident_reference, null as service_request_reference,
      ${pg ? 'false' : '0'} as purely_factual, (r.h8 % 50 = 1) as confidential, ${pg ? 'false' : '0'} as for_meeting,
      r.status,
      case when r.unassigned then null when r.to_queue then ${people.officer} else po.id end as assigned_officer_id,
      '{"officerId":null,"basis":"local","clauses":[],"reasons":[]}' as routing_json,
      ${concat('r.received_on', `'T09:'`, text('r.h7 % 50 + 10'), `':00.000Z'`)} as received_at,
      r.received_on,
      case when r.h8 % 33 = 0 then null else ${datePlus('r.received_on', '28')} end as due_on,
      '{"basis":"local","workingDays":20,"clauses":[],"means":["reply"],"warnings":[]}' as deadline_json,
      case when r.status in ('acknowledged', 'in-progress', 'awaiting-member', 'answered', 'closed') then r.received_on || 'T12:00:00.000Z' end as acknowledged_at,
      case when r.status in ('answered', 'closed') then ${datePlus('r.received_on', '10')} || 'T12:00:00.000Z' end as answered_at,
      case when r.status = 'closed' then ${datePlus('r.received_on', '20')} || 'T12:00:00.000Z' end as closed_at,
      '${at}' as created_at, '${at}' as updated_at
    from r
    join pm on pm.i = r.mi
    join po on po.i = r.oi`;
  const columns =
    'reference, member_id, logged_by_user_id, subject, details, ward_id, service_id, work_type, resident_reference, service_request_reference, purely_factual, confidential, for_meeting, status, assigned_officer_id, routing_json, received_at, received_on, due_on, deadline_json, acknowledged_at, answered_at, closed_at, created_at, updated_at';

  // Building an index once over the loaded rows is much faster than keeping it up to date row by row: the
  // secondary indexes are set aside for the load and built again after it, just as they were.
  const indexes = pg
    ? (await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes where tablename = 'enquiries' and indexname not in (select conname from pg_constraint)`.execute(k)).rows
    : (await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and tbl_name = 'enquiries' and sql is not null`.execute(k)).rows;
  const bulk = target - before >= 50_000;
  if (bulk) for (const index of indexes) await sql.raw(`drop index ${index.name}`).execute(k);

  // The benchmark member's own enquiries, spread over the statuses like everyone else's, added once: the council
  // may already hold a few of theirs (the demo's), which do not count towards these.
  const own = await k.selectFrom('enquiries').select((eb) => eb.fn.countAll<number | string>().as('n')).where('member_id', '=', people.member).where('reference', 'like', 'ENQ-M-%').executeTakeFirstOrThrow();
  if (Number(own.n) === 0) {
    await k.transaction().execute(async (trx) => {
      const rows = Array.from({ length: MEMBER_OWN }, (_, i) => {
        const statusOf = ['received', 'acknowledged', 'in-progress', 'awaiting-member', 'answered', 'closed'][i % 6]!;
        const day = new Date(Date.parse(`${today}T00:00:00Z`) - (i * 3 + 1) * 86_400_000).toISOString().slice(0, 10);
        const due = new Date(Date.parse(`${day}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
        return {
          reference: `ENQ-M-${i + 1}`,
          member_id: people.member,
          logged_by_user_id: null,
          subject: `My enquiry ${i + 1} about a blocked drain`,
          details: 'A resident has asked for an update.',
          ward_id: memberWard,
          service_id: officerService,
          work_type: null,
          resident_reference: null,
          service_request_reference: null,
          purely_factual: false,
          confidential: false,
          for_meeting: false,
          status: statusOf,
          assigned_officer_id: i % 4 === 0 ? people.officer : officers[i % officers.length]!.id,
          routing_json: '{"officerId":null,"basis":"local","clauses":[],"reasons":[]}',
          received_at: `${day}T10:00:00.000Z`,
          received_on: day,
          due_on: i % 10 === 9 ? null : due,
          deadline_json: '{"basis":"local","workingDays":20,"clauses":[],"means":["reply"],"warnings":[]}',
          created_at: at,
          updated_at: at,
        };
      });
      await trx.insertInto('enquiries').values(rows).execute();
    });
  }
  const start = await countEnquiries(db);
  for (let from = start + 1; from <= target; from += BATCH) {
    const to = Math.min(target, from + BATCH - 1);
    await k.transaction().execute(async (trx) => {
      await sql.raw(`insert into enquiries (${columns}) ${select(from, to)}`).execute(trx);
      // One in twenty copied to the next member along; a few of them to the benchmark member.
      await sql
        .raw(
          `insert into enquiry_copies (enquiry_id, member_id)
           select e.id, case when e.id % 2000 = 0 and e.id <= ${2000 * MEMBER_COPIES} then ${people.member}
                             else (select min(m.id) from members m where m.id > e.member_id and m.id != ${people.member}) end
           from enquiries e
           where e.id >= ${from} and e.id <= ${to} and e.id % 20 = 0
             and (select min(m.id) from members m where m.id > e.member_id and m.id != ${people.member}) is not null`,
        )
        .execute(trx);
    });
  }
  if (bulk) {
    await k.transaction().execute(async (trx) => {
      if (pg) await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
      for (const index of indexes) await sql.raw(index.definition).execute(trx);
    });
  }
  // What autovacuum would soon do on PostgreSQL (statistics, and the visibility map that lets index-only scans
  // skip the table); SQLite is left as an installation leaves it, without statistics.
  if (pg) await sql`vacuum (analyze) enquiries, enquiry_copies`.execute(k);
  return Math.max(0, target - before);
}
