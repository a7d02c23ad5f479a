// Frozen: on PostgreSQL, every statement that writes to a table Nolan keeps read copies of announces it, when it
// commits, on the channel change-feed.ts listens to, as "table:write" (a TRUNCATE as a delete). Another instance's
// copies are then dropped at once rather than when they expire. Statement-level triggers: a bulk write is one
// notice, and PostgreSQL sends one notice per distinct payload per transaction. SQLite needs none (data_version).
import { sql } from 'kysely';
import { isPostgres, type AnyDb } from './dialect.ts';

export const ANNOUNCED_TABLES = ['council', 'users', 'user_roles', 'sessions', 'members', 'officers', 'statutory_roles', 'statutory_acting', 'wards', 'services', 'enquiries', 'enquiry_copies'] as const;

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create function nolan_announce_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('nolan_changes', tg_table_name || ':' || case tg_op when 'TRUNCATE' then 'delete' else lower(tg_op) end);
      return null;
    end
    $$`.execute(db);
  for (const table of ANNOUNCED_TABLES) {
    await sql`create trigger ${sql.raw(`${table}_announce_change`)} after insert or update or delete or truncate on ${sql.table(table)} for each statement execute function nolan_announce_change()`.execute(db);
  }
}
