// A real app over a real test database, driven with app.inject(); CSRF stays on, as in production.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Deps } from '../../src/deps.ts';
import { createTestDb, type TestDb } from './db.ts';

export type TestApp = {
  app: FastifyInstance;
  db: TestDb;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

export async function createTestApp(options: { now?: string; env?: Record<string, string>; db?: TestDb } = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDb());
  const clock = fixedClock(options.now ?? '2026-11-23T10:00:00Z');
  const config = loadConfig({ DATA_DIR: '/tmp/nolan-test-unused', LOG_LEVEL: 'silent', ...options.env });
  const deps: Deps = { config, db, clock, sessionSecret: 'test-secret-test-secret-test-secret-0123456789', logger: pino({ level: process.env.NOLAN_TEST_LOG ?? 'silent' }) };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    db,
    deps,
    clock,
    async close() {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}

/** A browser-like agent: keeps cookies, reads the CSRF token from the last page, and posts forms. */
export class Agent {
  readonly cookies = new Map<string, string>();
  csrf = '';
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires !== undefined && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const body = response.body;
    const match = /name="_csrf" value="([^"]+)"/.exec(body);
    if (match?.[1]) this.csrf = match[1];
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(response);
    return response;
  }

  /** Posts a form as a browser would, with the CSRF token of the last page fetched (unless one is given). */
  async post(url: string, fields: Record<string, string | string[]>, options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token) form.append('_csrf', token);
    for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    const response = await this.post('/sign-in', { email, password });
    if (response.statusCode !== 303) throw new Error(`sign-in as ${email} failed with ${response.statusCode}`);
    await this.get('/');
    return response;
  }
}
