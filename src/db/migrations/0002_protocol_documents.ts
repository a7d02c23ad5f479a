// Frozen: the council's own protocol document, read into clauses, so that answers can show each clause's words.
import { withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('protocol_documents'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('clause_count', 'integer', (c) => c.notNull())
    .addColumn('versions_json', 'text', (c) => c.notNull())
    .addColumn('warnings_json', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('protocol_clauses')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('protocol_documents.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('clause_id', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('heading', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('protocol_clauses_pk', ['document_id', 'position'])
    .execute();
}
