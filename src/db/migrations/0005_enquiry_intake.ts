// Frozen: enquiries made from an uploaded email. The email waits here, with whoever uploaded it, while they
// check the enquiry made from it; logging the enquiry moves it to the enquiry's attachments. Drafts left
// unconfirmed expire.
import { sql } from 'kysely';
import { isPostgres, withId, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  const bytes = isPostgres(db) ? sql`bytea` : sql`blob`;
  await withId(db, db.schema.createTable('enquiry_email_drafts'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enquiry_email_drafts_expiry').on('enquiry_email_drafts').column('expires_at').execute();
}
