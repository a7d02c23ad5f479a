// Frozen: searching member enquiries by the words of their subject and details, and the indexes behind the
// list's filters. SQLite keeps an FTS5 index over the enquiries table (external content: it stores the words,
// not a second copy of the text), kept in step by triggers; PostgreSQL indexes the tsvector expression that
// the search query repeats word for word, so the planner uses it. Both use English stemming.
import { sql } from 'kysely';
import { isPostgres, type AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('enquiries_service').on('enquiries').columns(['service_id', 'received_on']).execute();
  await db.schema.createIndex('enquiries_received').on('enquiries').column('received_on').execute();
  if (isPostgres(db)) {
    await sql`create index enquiries_words on enquiries using gin (to_tsvector('english', subject || ' ' || details))`.execute(db);
    return;
  }
  await sql`create virtual table enquiry_search using fts5(subject, details, content = 'enquiries', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger enquiry_search_insert after insert on enquiries begin
      insert into enquiry_search (rowid, subject, details) values (new.id, new.subject, new.details);
    end`.execute(db);
  await sql`create trigger enquiry_search_delete after delete on enquiries begin
      insert into enquiry_search (enquiry_search, rowid, subject, details) values ('delete', old.id, old.subject, old.details);
    end`.execute(db);
  await sql`create trigger enquiry_search_update after update of subject, details on enquiries begin
      insert into enquiry_search (enquiry_search, rowid, subject, details) values ('delete', old.id, old.subject, old.details);
      insert into enquiry_search (rowid, subject, details) values (new.id, new.subject, new.details);
    end`.execute(db);
  // Enquiries logged before this migration.
  await sql`insert into enquiry_search (enquiry_search) values ('rebuild')`.execute(db);
}
