// Frozen: the enquiry lists read in queue order (soonest deadline first, no deadline last, then the longest
// waiting) straight from an index, for each status of each reader's scope — an author, an officer, everyone,
// or everyone in a ward — and stop after one page, however many enquiries are stored.
import { sql } from 'kysely';
import type { AnyDb } from './dialect.ts';

const QUEUE_ORDER = sql`status, (case when due_on is null then 1 else 0 end), due_on, received_at, id`;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index enquiries_member_order on enquiries (member_id, ${QUEUE_ORDER})`.execute(db);
  await sql`create index enquiries_officer_order on enquiries (assigned_officer_id, ${QUEUE_ORDER})`.execute(db);
  await sql`create index enquiries_ward_order on enquiries (ward_id, ${QUEUE_ORDER})`.execute(db);
  await sql`create index enquiries_status_order on enquiries (${QUEUE_ORDER})`.execute(db);
}
