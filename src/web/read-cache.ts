// Short-lived copies of what nearly every page reads and hardly ever changes: who is behind a session, the
// council's name, the directory's lists for filters, a list's page of enquiries. Each entry lives for at most
// `ttlMs` by the app's clock. A write in this process to a table the copy is made from drops it at once
// (table-writes.ts), and so does the end of every request that may have changed something (after its transaction
// has committed), so a person always sees their own change. A write made elsewhere (another instance, the command
// line) drops it as soon as the database tells of it (change-feed.ts): within milliseconds on PostgreSQL, within
// 20 ms on SQLite. Copies that must never be stale (`exact`) are only kept while the database is telling; the
// others, if it is not, still expire within their ttlMs. READ_COPIES (config.ts) can keep less.
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/create-db.ts';
import type { ReadCopies } from '../config.ts';
import type { Change, ChangeFeed } from '../db/change-feed.ts';
import { onTableWrite } from '../db/table-writes.ts';

const MAX_ENTRIES = 10_000;

export type ReadCacheOptions = {
  /** Kept and served only while `live()` says writes made elsewhere are being heard. */
  exact?: boolean;
  /** Past this many entries, the oldest is dropped. */
  maxEntries?: number;
  live?: () => boolean;
};

export class ReadCache<T> {
  private readonly entries = new Map<string, { value: T; loadedAt: number }>();
  /** Loads under way, shared by everyone asking for the same key meanwhile: fifty readers arriving at once read once. */
  private readonly loading = new Map<string, Promise<T>>();
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly usable: () => boolean;
  /** Bumped by clear(): a value read before a change is not kept after it. */
  private cleared = 0;

  constructor(clock: Clock, ttlMs: number, options: ReadCacheOptions = {}) {
    this.clock = clock;
    this.ttlMs = ttlMs;
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    const live = options.live ?? (() => true);
    this.usable = options.exact ? live : () => true;
  }

  get(key: string): T | undefined {
    if (!this.usable()) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock.now().getTime() - entry.loadedAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Pass the `version` taken before reading the value: if the cache was cleared since, the value is not kept. */
  set(key: string, value: T, version = this.cleared): void {
    if (version !== this.cleared || !this.usable()) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, loadedAt: this.clock.now().getTime() });
  }

  async through(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const under = this.usable() ? this.loading.get(key) : undefined;
    if (under) return under;
    const version = this.cleared;
    const loaded = load().then((value) => {
      this.set(key, value, version);
      return value;
    });
    if (!this.usable()) return loaded;
    const settled = () => {
      if (this.loading.get(key) === loaded) this.loading.delete(key);
    };
    this.loading.set(key, loaded);
    loaded.then(settled, settled);
    return loaded;
  }

  /** Whether `value` itself is kept now, under any key: what is made from it may then be kept beside it. */
  holds(value: T): boolean {
    if (!this.usable()) return false;
    for (const entry of this.entries.values()) if (entry.value === value) return true;
    return false;
  }

  get version(): number {
    return this.cleared;
  }

  clear(): void {
    this.cleared++;
    this.entries.clear();
    this.loading.clear();
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A cache whose entries live for at most `ttlMs`, dropped whenever this process writes to one of `tables`
     * (`"sessions:delete"`: only deletions there) and after every request that may have changed something.
     */
    readCache<T>(ttlMs: number, tables: readonly string[], options?: Omit<ReadCacheOptions, 'live'>): ReadCache<T>;
    /** Every table some read cache is made from. */
    readCacheTables(): string[];
  }
}

/** What the caches go by when nothing listens for writes made elsewhere: exact copies are not kept. */
const notListening: ChangeFeed = { live: false, check: () => {}, started: Promise.resolve(), close: async () => {} };

/**
 * Gives the app its read caches, all dropped together at the end of every request that may have changed
 * something: before its response leaves (so the page it redirects to reads afresh) and again once it has gone.
 * `expiring` keeps no exact copies and does not listen; `none` makes every copy exact, so keeps none.
 */
export function installReadCaches(app: FastifyInstance, clock: Clock, db: Db, copies: ReadCopies = 'kept'): void {
  const caches: { cache: ReadCache<unknown>; tables: readonly string[] }[] = [];
  const dropFor = (change: Change) => {
    for (const { cache, tables } of caches) if (change === null || tables.includes(change.table) || tables.includes(`${change.table}:${change.write}`)) cache.clear();
  };
  const stop = onTableWrite((table, write) => dropFor({ table, write }));
  const feed =
    copies === 'kept'
      ? db.watchChanges({
          change: dropFor,
          state: (live, reason) => {
            if (live) app.log.info('hearing of changes made elsewhere again: read copies are kept');
            else app.log.warn({ reason }, 'not hearing of changes made elsewhere: read copies that must be exact are not kept until this is back');
          },
        })
      : notListening;
  const clear = async (request: { method: string }) => {
    if (!READS.has(request.method)) for (const { cache } of caches) cache.clear();
  };
  // First, so that every copy a request uses has heard of writes committed before it arrived.
  app.addHook('onRequest', (_request, _reply, done) => {
    feed.check();
    done();
  });
  app.addHook('onSend', clear);
  app.addHook('onResponse', clear);
  app.addHook('onReady', async () => feed.started);
  app.addHook('onClose', async () => {
    stop();
    await feed.close();
  });
  app.decorate('readCache', <T>(ttlMs: number, tables: readonly string[], options: Omit<ReadCacheOptions, 'live'> = {}): ReadCache<T> => {
    const cache = new ReadCache<T>(clock, ttlMs, { ...options, exact: options.exact || copies === 'none', live: () => feed.live });
    caches.push({ cache: cache as ReadCache<unknown>, tables });
    return cache;
  });
  app.decorate('readCacheTables', () => [...new Set(caches.flatMap((c) => c.tables.map((t) => t.split(':')[0]!)))].sort());
}
