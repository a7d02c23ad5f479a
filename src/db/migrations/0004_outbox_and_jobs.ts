// Frozen: the mail outbox and the job table. Never edit; add a new migration.
// Mail is written in the transaction of the change that causes it and delivered afterwards, at least once;
// a job is scheduled under a unique key, so that deciding the same thing twice schedules it once.
import { sql } from 'kysely';
import { withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('outbox'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('failed_permanently_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .execute();
  // Delivery reads only what is still to send, in the order it fell due.
  await sql`create index outbox_due on outbox (next_attempt_at, id) where sent_at is null and failed_permanently_at is null`.execute(db);
  await db.schema.createIndex('outbox_entity').on('outbox').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('outbox_sent').on('outbox').column('sent_at').execute();

  await withId(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index jobs_due on jobs (run_at, id) where done_at is null and failed_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0004_outbox_and_jobs cannot be undone: restore a backup instead');
}
