import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Agent, createTestApp, type TestApp } from '../../test/support/app.ts';
import { createTestDb } from '../../test/support/db.ts';
import { buildApp, redactedLogPaths } from '../app.ts';
import { loadConfig } from '../config.ts';
import { fixedClock } from '../clock.ts';
import { access } from './access.ts';
import { createAccount, issueApiToken, withdrawApiToken } from '../features/accounts/accounts.service.ts';
import { systemActor } from '../actor.ts';

describe('security headers, error pages and the API', () => {
  let t: TestApp;
  let userId: number;
  before(async () => {
    t = await createTestApp();
    userId = (await createAccount(t.deps, systemActor, { email: 'clerk@council.gov.uk', fullName: 'Chris Clerk', roles: ['democratic-services'], password: 'minutes and agendas' })).id;
  });
  after(async () => t.close());

  it('sends a strict CSP with a script nonce and no inline allowance', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self' 'nonce-[^']+'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const scripts = [...response.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
    assert.ok(scripts.length > 0);
    for (const attributes of scripts) assert.ok(attributes.includes(`nonce="${nonce}"`), `every script carries the nonce: ${attributes}`);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(response.headers['referrer-policy'], 'same-origin');
    // Helmet's other defaults, on every response, error pages too.
    const expected = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin', 'origin-agent-cluster': '?1', 'x-dns-prefetch-control': 'off', 'x-download-options': 'noopen', 'x-permitted-cross-domain-policies': 'none', 'x-xss-protection': '0' };
    for (const page of [response, await t.app.inject({ method: 'GET', url: '/no-such-page' })]) {
      for (const [name, value] of Object.entries(expected)) assert.equal(page.headers[name], value, `${page.statusCode}: ${name}`);
      assert.equal(page.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    }
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'plain HTTP is not upgraded');
  });

  it('makes a new nonce for every response', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
      const nonce = /'nonce-([0-9a-f]{32})'/.exec(String(response.headers['content-security-policy']))?.[1];
      assert.ok(nonce, 'a 128-bit nonce');
      assert.ok(response.body.includes(`nonce="${nonce}"`));
      nonces.add(nonce);
    }
    assert.equal(nonces.size, 300);
  });

  it('uses __Host- cookies with Secure when served over HTTPS', async () => {
    const https = await createTestApp({ env: { BASE_URL: 'https://nolan.council.gov.uk' } });
    try {
      const response = await https.app.inject({ method: 'GET', url: '/sign-in' });
      const cookies = response.cookies as { name: string; secure?: boolean }[];
      assert.ok(cookies.length > 0);
      for (const c of cookies) {
        assert.match(c.name, /^__Host-/);
        assert.equal(c.secure, true);
      }
      assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/);
      assert.match(String(response.headers['content-security-policy']), /upgrade-insecure-requests/);
    } finally {
      await https.close();
    }
  });

  it('shows a GOV.UK 404 page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /Page not found/);
    assert.match(response.body, /govuk-template/);
  });

  it('shows a 500 page without the cause, and a JSON 500 under /api without it either', async () => {
    const db = await createTestDb();
    const config = loadConfig({ DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, db, clock: fixedClock('2026-11-23T10:00:00Z'), sessionSecret: 'x'.repeat(40), logger: pino({ level: 'silent' }) });
    app.get('/boom', { config: { access: access.public } }, async () => {
      throw new Error('secret detail at /srv/nolan/src/thing.ts:12');
    });
    app.get('/api/v1/boom', { config: { access: access.public } }, async () => {
      throw new Error('secret detail at /srv/nolan/src/thing.ts:12');
    });
    try {
      const page = await app.inject({ method: 'GET', url: '/boom' });
      assert.equal(page.statusCode, 500);
      assert.match(page.body, /Sorry, there is a problem with the service/);
      assert.doesNotMatch(page.body, /secret detail|thing\.ts/);
      const api = await app.inject({ method: 'GET', url: '/api/v1/boom' });
      assert.equal(api.statusCode, 500);
      assert.doesNotMatch(api.body, /secret detail|thing\.ts/);
      assert.ok(api.json().requestId);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await agent.post('/sign-in', { email: `nobody${i}@x.gov.uk`, password: 'whatever it is' })).statusCode);
    assert.ok(statuses.includes(429), `got ${statuses.join(',')}`);
  });

  it('answers /api/v1/me with a bearer token, and 401 without or after revocation', async () => {
    const { id, token } = await issueApiToken(t.deps, systemActor, userId, 'case system');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), { id: userId, email: 'clerk@council.gov.uk', fullName: 'Chris Clerk', roles: ['democratic-services'], powers: [], memberId: null, officerId: null });
    const stored = await t.db.kysely.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'only the hash is stored');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nolan_wrong' } })).statusCode, 401);
    await withdrawApiToken(t.deps, systemActor, userId, id);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
  });

  it('describes the API in OpenAPI generated from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/api/v1/me'].get.responses['200']);
  });

  it('logs each request with its id, and never a password, cookie or token', async () => {
    const lines: string[] = [];
    const db = await createTestDb();
    const logger = pino({ level: 'info', redact: redactedLogPaths }, { write: (line: string) => lines.push(line) });
    const config = loadConfig({ DATA_DIR: '/tmp/unused' });
    const app = await buildApp({ config, db, clock: fixedClock('2026-11-23T10:00:00Z'), sessionSecret: 'x'.repeat(40), logger });
    try {
      await createAccount({ db, clock: fixedClock('2026-11-23T10:00:00Z') }, systemActor, { email: 'logs@council.gov.uk', fullName: 'Lou Logs', roles: [], password: 'a quiet logging phrase' });
      const agent = new Agent(app);
      await agent.signIn('logs@council.gov.uk', 'a quiet logging phrase');
      await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nolan_secret_token_value', 'x-request-id': 'req-0123456789' } });
      const all = lines.join('');
      assert.match(all, /"reqId":"req-0123456789"/);
      assert.doesNotMatch(all, /a quiet logging phrase|nolan_secret_token_value|nolan-session=/);
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it('reports health with the database engine', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: t.db.dialect });
  });
});
