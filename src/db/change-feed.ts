// Hearing about writes made outside this process: by another instance on the same PostgreSQL database, or by the
// command line on the same SQLite file. Read caches (src/web/read-cache.ts) drop what such a write may have changed.
//
// PostgreSQL: migration 0013's triggers send a notice on CHANNEL naming the table and the kind of write
// ("enquiries:insert") when a statement commits; one connection of its own LISTENs. While that connection is down
// the feed is not live, and caches that must be exact read through until it is back.
// SQLite: PRAGMA data_version moves when another connection commits to the file. It names no table, so any such
// commit drops everything; it is asked before a request when it has not been for SQLITE_CHECK_MS.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import pg from 'pg';

export const CHANNEL = 'nolan_changes';

/** A table and the kind of write ("sessions:delete"), or null: anything may have changed. */
export type Change = { table: string; write: string } | null;

export type ChangeFeed = {
  /** Whether writes made elsewhere are being heard now. */
  readonly live: boolean;
  /** Looks for writes made elsewhere that are not announced (SQLite); reports them before returning. */
  check(): void;
  /** Resolves once the feed has first tried to start, whether or not it could. */
  readonly started: Promise<void>;
  close(): Promise<void>;
};

export type ChangeListener = { change(change: Change): void; state?(live: boolean, reason?: string): void };

export function parseChange(payload: string | undefined): Change {
  const [table, write] = (payload ?? '').split(':');
  return table && write ? { table, write } : null;
}

/**
 * How long a write made through another connection to the SQLite file may go unnoticed. Asking for the data version
 * reads the WAL index (5-10 µs, and more under load): asked before every request it cost a tenth of a cached page.
 */
export const SQLITE_CHECK_MS = 20;

/** SQLite: compares the file's data version with the last one seen on this connection, at most every SQLITE_CHECK_MS. */
export function sqliteChangeFeed(database: DatabaseSync, listener: ChangeListener): ChangeFeed {
  let statement: StatementSync | null = database.prepare('PRAGMA data_version');
  statement.setReturnArrays(true);
  const read = () => Number((statement?.get() as unknown as [number] | undefined)?.[0] ?? 0);
  let seen = read();
  let askedAt = performance.now();
  return {
    live: true,
    started: Promise.resolve(),
    check() {
      if (!statement) return;
      const at = performance.now();
      if (at - askedAt < SQLITE_CHECK_MS) return;
      askedAt = at;
      const now = read();
      if (now !== seen) {
        seen = now;
        listener.change(null);
      }
    },
    async close() {
      statement = null;
    },
  };
}

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 30_000;

/** PostgreSQL: one connection of its own, listening, and opened again (waiting longer each time) when it drops. */
export function postgresChangeFeed(url: string, listener: ChangeListener): ChangeFeed {
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let wait = FIRST_RETRY_MS;

  const setLive = (now: boolean, reason?: string) => {
    if (live === now) return;
    live = now;
    // Writes made while not listening were missed: whatever was read before may be stale, either way.
    listener.change(null);
    listener.state?.(now, reason);
  };
  const again = (reason: string) => {
    setLive(false, reason);
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, wait);
    retry.unref();
    wait = Math.min(wait * 2, LAST_RETRY_MS);
  };
  const connect = async (): Promise<void> => {
    const candidate = new pg.Client({ connectionString: url, application_name: 'nolan change feed' });
    // Every failure also ends the connection; 'end' is where it is handled, once.
    candidate.on('error', () => undefined);
    candidate.on('notification', (notice) => {
      if (notice.channel === CHANNEL && client === candidate) listener.change(parseChange(notice.payload));
    });
    candidate.on('end', () => {
      if (client !== candidate) return;
      client = null;
      again('the connection closed');
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await candidate.end().catch(() => undefined);
      again(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed) {
      await candidate.end().catch(() => undefined);
      return;
    }
    client = candidate;
    wait = FIRST_RETRY_MS;
    setLive(true);
  };

  const started = connect();
  return {
    get live() {
      return live;
    },
    started,
    check() {},
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      await started;
      const open = client;
      client = null;
      live = false;
      await open?.end().catch(() => undefined);
    },
  };
}
