// Versions stored before a file's words were kept at upload (text_read_at null) are read in the background, by a
// job scheduled at start that works through them a few at a time, in the worker's background lane: a reader who
// opens one meanwhile is told its text is being prepared, and an upload never waits behind these readings.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { scheduleJob, type JobHandler, type JobHandlers } from '../../jobs/scheduler.ts';
import { fileText } from './document-text.ts';
import { findFile, storeFileText, unreadFileVersions } from './document.repository.ts';
import type { DocumentDeps } from './document.service.ts';

export const OLD_TEXT_JOB = 'document.old-text';
/** Versions read by one run of the job: each is read within the reading limits, ten seconds at most. */
const BATCH = 10;

const reading = new Map<string, Promise<boolean>>();

async function readOnce(deps: DocumentDeps, documentId: number, version: number): Promise<boolean> {
  // Looked at again just before reading: a view or another instance may have read it since it was listed.
  const file = await findFile(deps.db.kysely, documentId, version);
  if (!file || file.textReadAt !== null) return false;
  let text: string | null;
  try {
    text = await fileText(file, 'background');
  } catch {
    // Past a limit, or beyond reading at all: kept as having no words, so that it is never read again.
    text = null;
  }
  await storeFileText(deps.db.kysely, documentId, version, text, deps.clock.now().toISOString());
  return true;
}

/**
 * Reads one old version's words and keeps them, unless they are kept already. Asked again while the reading is
 * under way (by a view, or the job), it joins that reading: true only for the call that read the file.
 */
export function readOldVersion(deps: DocumentDeps, documentId: number, version: number): Promise<boolean> {
  const key = `${documentId}:${version}`;
  const running = reading.get(key);
  if (running) return running.then(() => false);
  const run = readOnce(deps, documentId, version).finally(() => reading.delete(key));
  reading.set(key, run);
  return run;
}

/** Schedules the reading of the next batch, if any version is unread; the same first version twice is one job. */
export async function scheduleOldTextReading(trx: Transaction<Tables>, at: Date): Promise<void> {
  const [next] = await unreadFileVersions(trx, 1);
  if (next) await scheduleJob(trx, { kind: OLD_TEXT_JOB, key: `${OLD_TEXT_JOB}:${next.documentId}:${next.version}`, runAt: at }, at);
}

const readBatch: JobHandler = Object.assign(async ({ trx, now }: Parameters<JobHandler>[0]) => scheduleOldTextReading(trx, now), {
  async beforeTransaction(deps: Deps) {
    for (const { documentId, version } of await unreadFileVersions(deps.db.kysely, BATCH)) await readOldVersion(deps, documentId, version);
  },
});

export const documentJobHandlers: JobHandlers = { [OLD_TEXT_JOB]: readBatch };
