// Frozen: the document register — meetings of the council's bodies, the documents belonging to a body (and
// perhaps one of its meetings) with their access classification, and each document's files, one row a version.
import { sql } from 'kysely';
import { boolType, falseDefault, isPostgres, withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  const bool = boolType(db);
  const no = falseDefault(db);
  const bytes = isPostgres(db) ? sql`bytea` : sql`blob`;

  await withId(db, db.schema.createTable('meetings'))
    .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_body_held').on('meetings').columns(['body_id', 'held_on']).execute();
  // A document names its meeting and its body; this key lets the documents table insist they agree.
  await db.schema.createIndex('meetings_id_body').on('meetings').columns(['id', 'body_id']).unique().execute();

  await withId(db, db.schema.createTable('documents'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id'))
    .addColumn('meeting_id', 'integer')
    .addColumn('author_officer_id', 'integer', (c) => c.references('officers.id'))
    .addColumn('author_name', 'text')
    // open | exempt (Schedule 12A) | confidential (s100A) | group-internal (a party group's own paper)
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('exempt_paragraph', 'integer')
    .addColumn('public_interest_test', 'text')
    .addColumn('confidential_ground', 'text')
    .addColumn('group_id', 'integer', (c) => c.references('political_groups.id'))
    .addColumn('review_on', 'text')
    .addColumn('metadata_public', bool, (c) => c.notNull().defaultTo(no))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('documents_meeting_of_body', ['meeting_id', 'body_id'], 'meetings', ['id', 'body_id'])
    .addCheckConstraint('documents_classification', sql`classification in ('open', 'exempt', 'confidential', 'group-internal')`)
    .addCheckConstraint('documents_exempt_paragraph', sql`exempt_paragraph is null or exempt_paragraph between 1 and 7`)
    .execute();
  await db.schema.createIndex('documents_body').on('documents').columns(['body_id', 'created_at']).execute();
  await db.schema.createIndex('documents_meeting').on('documents').column('meeting_id').execute();
  await db.schema.createIndex('documents_classification').on('documents').columns(['classification', 'created_at']).execute();
  await db.schema.createIndex('documents_review').on('documents').column('review_on').execute();
  await db.schema.createIndex('documents_group').on('documents').column('group_id').execute();

  // Files live in the database so that a backup is whole and every instance sees them.
  await withId(db, db.schema.createTable('document_files'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_files_version', ['document_id', 'version'])
    .execute();
}
