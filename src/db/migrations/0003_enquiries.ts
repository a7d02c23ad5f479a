// Frozen: member enquiries — the enquiry, its visible copies, its history, its attachments, the routing table
// democratic services keep, and the counter behind each year's references (ENQ-26-0001).
import { sql } from 'kysely';
import { boolType, falseDefault, isPostgres, withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  const bool = boolType(db);
  const no = falseDefault(db);
  const bytes = isPostgres(db) ? sql`bytea` : sql`blob`;

  await withId(db, db.schema.createTable('enquiries'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('logged_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('ward_id', 'integer', (c) => c.references('wards.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('work_type', 'text')
    .addColumn('resident_reference', 'text')
    .addColumn('service_request_reference', 'text')
    .addColumn('purely_factual', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('confidential', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('for_meeting', bool, (c) => c.notNull().defaultTo(no))
    // The Cabinet Member or Committee Chair told, where the information may be raised at a meeting (county 1.7.8).
    .addColumn('meeting_contact_member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_officer_id', 'integer', (c) => c.references('officers.id'))
    .addColumn('routing_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('deadline_json', 'text', (c) => c.notNull())
    .addColumn('paused_on', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiries_member').on('enquiries').column('member_id').execute();
  await db.schema.createIndex('enquiries_officer_queue').on('enquiries').columns(['assigned_officer_id', 'status', 'due_on', 'received_at']).execute();
  await db.schema.createIndex('enquiries_status_due').on('enquiries').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('enquiries_ward').on('enquiries').column('ward_id').execute();

  // Copies are always shown to everyone who can see the enquiry: there are no blind copies (model 126).
  await db.schema
    .createTable('enquiry_copies')
    .addColumn('enquiry_id', 'integer', (c) => c.notNull().references('enquiries.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('enquiry_copies_pk', ['enquiry_id', 'member_id'])
    .execute();
  await db.schema.createIndex('enquiry_copies_member').on('enquiry_copies').column('member_id').execute();

  await withId(db, db.schema.createTable('enquiry_events'))
    .addColumn('enquiry_id', 'integer', (c) => c.notNull().references('enquiries.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('text', 'text')
    .addColumn('officer_id', 'integer', (c) => c.references('officers.id'))
    .addColumn('new_due_on', 'text')
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiry_events_enquiry').on('enquiry_events').column('enquiry_id').execute();

  // Files live in the database so that a backup is whole and every instance sees them.
  await withId(db, db.schema.createTable('enquiry_attachments'))
    .addColumn('enquiry_id', 'integer', (c) => c.notNull().references('enquiries.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiry_attachments_enquiry').on('enquiry_attachments').column('enquiry_id').execute();

  // Service × ward × type of work → the responsible officer; a blank ward or type matches any.
  await withId(db, db.schema.createTable('enquiry_routes'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('ward_id', 'integer', (c) => c.references('wards.id'))
    .addColumn('work_type', 'text')
    .addColumn('officer_id', 'integer', (c) => c.notNull().references('officers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('enquiry_counters')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
}
