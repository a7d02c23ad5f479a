// Frozen: the overview's counts of open and overdue enquiries by service and officer, and by ward, read from an
// index alone. Each index holds every column those counts read (the open flag, the grouping, the status and the
// deadline), so counting a council's open enquiries never visits the table. The open flag is 0008's expression
// (OPEN_FLAG in enquiry-query.repository.ts); queries must write it exactly so.
import { sql } from 'kysely';
import type { AnyDb } from './dialect.ts';

const OPEN = sql`(case when status in ('received', 'acknowledged', 'in-progress', 'awaiting-member') then 1 else 0 end)`;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index enquiries_open_by_service on enquiries (${OPEN}, service_id, assigned_officer_id, status, due_on)`.execute(db);
  await sql`create index enquiries_open_by_ward on enquiries (${OPEN}, ward_id, status, due_on)`.execute(db);
}
