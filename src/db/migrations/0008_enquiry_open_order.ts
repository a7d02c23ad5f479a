// Frozen: the default list, every open enquiry in queue order, read as one range of one index for each reader's
// scope. 0007's indexes lead with the status, so "open" took four ranges merged; here an expression that is 1
// for the open statuses comes first instead. Queries must write the expression exactly as below to use it
// (OPEN_FLAG in enquiry-list.repository.ts).
import { sql } from 'kysely';
import type { AnyDb } from './dialect.ts';

const OPEN = sql`(case when status in ('received', 'acknowledged', 'in-progress', 'awaiting-member') then 1 else 0 end)`;
const QUEUE_ORDER = sql`(case when due_on is null then 1 else 0 end), due_on, received_at, id`;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index enquiries_member_open on enquiries (member_id, ${OPEN}, ${QUEUE_ORDER})`.execute(db);
  await sql`create index enquiries_officer_open on enquiries (assigned_officer_id, ${OPEN}, ${QUEUE_ORDER})`.execute(db);
  await sql`create index enquiries_ward_open on enquiries (ward_id, ${OPEN}, ${QUEUE_ORDER})`.execute(db);
  await sql`create index enquiries_open_order on enquiries (${OPEN}, ${QUEUE_ORDER})`.execute(db);
}
