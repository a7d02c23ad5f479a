// Frozen: each version of a register document's file keeps its text, read once when it is uploaded, so the
// viewer never opens the file on a reader's request. text_read_at is null for a version stored before this, whose
// text is read the first time someone views it; text is null where the file has none Nolan can show.
import type { AnyDb } from './dialect.ts';

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('document_files').addColumn('text', 'text').execute();
  await db.schema.alterTable('document_files').addColumn('text_read_at', 'text').execute();
}
