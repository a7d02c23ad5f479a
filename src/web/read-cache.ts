// Short-lived copies of what nearly every page reads and hardly ever changes: who is behind a session, the
// council's name, the directory's lists for filters. Each entry lives for at most `ttlMs` by the app's clock. A
// write in this process to a table the copy is made from drops it at once (table-writes.ts), and so does the end
// of every request that may have changed something (after its transaction has committed), so a person always
// sees their own change. A change made through another instance, or by the command line, shows within ttlMs.
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import { onTableWrite } from '../db/table-writes.ts';

const MAX_ENTRIES = 10_000;

export class ReadCache<T> {
  private readonly entries = new Map<string, { value: T; loadedAt: number }>();
  private readonly clock: Clock;
  private readonly ttlMs: number;
  /** Bumped by clear(): a value read before a change is not kept after it. */
  private cleared = 0;

  constructor(clock: Clock, ttlMs: number) {
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  get(key: string): T | undefined {
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
    if (version !== this.cleared) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, loadedAt: this.clock.now().getTime() });
  }

  async through(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const version = this.cleared;
    const value = await load();
    this.set(key, value, version);
    return value;
  }

  get version(): number {
    return this.cleared;
  }

  clear(): void {
    this.cleared++;
    this.entries.clear();
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A cache whose entries live for at most `ttlMs`, dropped whenever this process writes to one of `tables`
     * (`"sessions:delete"`: only deletions there) and after every request that may have changed something.
     */
    readCache<T>(ttlMs: number, tables: readonly string[]): ReadCache<T>;
  }
}

/**
 * Gives the app its read caches, all dropped together at the end of every request that may have changed
 * something: before its response leaves (so the page it redirects to reads afresh) and again once it has gone.
 */
export function installReadCaches(app: FastifyInstance, clock: Clock): void {
  const caches: { cache: ReadCache<unknown>; tables: readonly string[] }[] = [];
  const stop = onTableWrite((table, write) => {
    for (const { cache, tables } of caches) if (tables.includes(table) || tables.includes(`${table}:${write}`)) cache.clear();
  });
  const clear = async (request: { method: string }) => {
    if (!READS.has(request.method)) for (const { cache } of caches) cache.clear();
  };
  app.addHook('onSend', clear);
  app.addHook('onResponse', clear);
  app.addHook('onClose', async () => stop());
  app.decorate('readCache', <T>(ttlMs: number, tables: readonly string[]): ReadCache<T> => {
    const cache = new ReadCache<T>(clock, ttlMs);
    caches.push({ cache: cache as ReadCache<unknown>, tables });
    return cache;
  });
}
