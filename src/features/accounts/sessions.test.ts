import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount, LOCKOUT_MS, MAX_FAILED_SIGN_INS } from './accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sha256 } from '../../web/session.ts';

const PASSWORD = 'a long enough passphrase';

describe('sessions', () => {
  let t: TestApp;
  let n = 0;
  let email = '';
  before(async () => {
    t = await createTestApp({ now: '2026-11-23T09:00:00Z' });
  });
  after(async () => t.close());
  beforeEach(async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    email = `officer${++n}@council.gov.uk`;
    await createAccount(t.deps, systemActor, { email, fullName: `Officer ${n}`, roles: [], password: PASSWORD });
  });

  const sessionRows = () => t.db.kysely.selectFrom('sessions').selectAll().execute();

  it('stores only a hash of the session token, in an HttpOnly SameSite=Lax cookie', async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const response = await agent.post('/sign-in', { email, password: PASSWORD });
    const cookie = response.cookies.find((c) => c.name === 'nolan-session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const token = t.app.unsignCookie(cookie.value);
    assert.ok(token.valid && token.value);
    const rows = await sessionRows();
    assert.ok(rows.some((r) => r.id_hash === sha256(token.value!)), 'the hash is stored');
    assert.ok(rows.every((r) => r.id_hash !== token.value), 'the token itself is not');
  });

  it('ends a session after 30 minutes idle', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    t.clock.advance(IDLE_LIMIT_MS - 60_000);
    assert.equal((await agent.get('/account')).statusCode, 200);
    t.clock.advance(IDLE_LIMIT_MS + 1000);
    assert.equal((await agent.get('/account')).statusCode, 303);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    for (let elapsed = 0; elapsed < ABSOLUTE_LIMIT_MS - 20 * 60_000; elapsed += 20 * 60_000) {
      t.clock.advance(20 * 60_000);
      assert.equal((await agent.get('/account')).statusCode, 200);
    }
    t.clock.advance(40 * 60_000);
    assert.equal((await agent.get('/account')).statusCode, 303);
  });

  it('writes last-seen at most once a minute', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const lastSeen = async () =>
      (await t.db.kysely.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow()).last_seen_at;
    const first = await lastSeen();
    t.clock.advance(30_000);
    await agent.get('/account');
    assert.equal(await lastSeen(), first, 'not written within the minute');
    t.clock.advance(31_000);
    await agent.get('/account');
    const second = await lastSeen();
    assert.notEqual(second, first, 'written once the minute has passed');

    // A write to the accounts, as another instance's would be heard, drops the copy of the session, so the next
    // request reads it again 30 seconds after its touch; the touch after that is still due a minute after the last.
    t.clock.advance(30_000);
    await t.db.kysely.updateTable('users').set({ full_name: 'Sam Sessions' }).where('id', '=', user.id).execute();
    await agent.get('/account');
    assert.equal(await lastSeen(), second, 'not written within the minute, though read again');
    t.clock.advance(31_000);
    await agent.get('/account');
    assert.notEqual(await lastSeen(), second, 'written once the minute since the last touch has passed');
  });

  it('signing out ends the session; signing out everywhere ends them all', async () => {
    const a = new Agent(t.app);
    const b = new Agent(t.app);
    await a.signIn(email, PASSWORD);
    await b.signIn(email, PASSWORD);
    await a.get('/sign-out');
    const signedOut = await a.post('/sign-out', {});
    assert.equal(signedOut.headers.location, '/sign-in?notice=signed-out');
    const notice = await a.get(signedOut.headers.location);
    assert.equal(notice.statusCode, 200, 'the sign-in page says so');
    assert.match(notice.body, /govuk-notification-banner--success[\s\S]*You have signed out/);
    assert.equal((await a.get('/account')).statusCode, 303);
    assert.equal((await b.get('/account')).statusCode, 200);
    const c = new Agent(t.app);
    await c.signIn(email, PASSWORD);
    await c.get('/sign-out');
    await c.post('/sign-out', { everywhere: 'yes' });
    assert.equal((await b.get('/account')).statusCode, 303);
  });

  it('changing the password ends every session', async () => {
    const a = new Agent(t.app);
    const b = new Agent(t.app);
    await a.signIn(email, PASSWORD);
    await b.signIn(email, PASSWORD);
    await a.get('/account');
    const response = await a.post('/account/password', { currentPassword: PASSWORD, newPassword: 'another fine passphrase', confirmPassword: 'another fine passphrase' });
    assert.equal(response.statusCode, 303);
    const notice = await a.get(String(response.headers.location));
    assert.equal(notice.statusCode, 200, 'the sign-in page says so');
    assert.match(notice.body, /Your password has been changed/);
    assert.equal((await a.get('/account')).statusCode, 303);
    assert.equal((await b.get('/account')).statusCode, 303);
    await new Agent(t.app).signIn(email, 'another fine passphrase');
  });

  it('refuses a short or common new password, naming the field', async () => {
    const a = new Agent(t.app);
    await a.signIn(email, PASSWORD);
    await a.get('/account');
    const short = await a.post('/account/password', { currentPassword: PASSWORD, newPassword: 'short', confirmPassword: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /href="#newPassword"[^>]*>Password must be at least 12 characters/);
    const common = await a.post('/account/password', { currentPassword: PASSWORD, newPassword: 'password1234', confirmPassword: 'password1234' });
    assert.equal(common.statusCode, 400);
    assert.match(common.body, /too common/);
    assert.equal((await a.get('/account')).statusCode, 200, 'still signed in: nothing changed');
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures, even with the right password, until the lock ends`, async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await agent.post('/sign-in', { email, password: 'not the password at all' });
    const locked = await agent.post('/sign-in', { email, password: PASSWORD });
    assert.equal(locked.statusCode, 400);
    assert.match(locked.body, /locked until/);
    const events = await t.db.kysely.selectFrom('audit_events').select('action').where('action', '=', 'account.locked').execute();
    assert.ok(events.length >= 1);
    t.clock.advance(LOCKOUT_MS + 1000);
    const ok = await agent.post('/sign-in', { email, password: PASSWORD });
    assert.equal(ok.statusCode, 303);
  });

  it('a disabled account cannot sign in and its sessions end', async () => {
    const agent = new Agent(t.app);
    await agent.signIn(email, PASSWORD);
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const { setAccountDisabled } = await import('./accounts.service.ts');
    await setAccountDisabled(t.deps, systemActor, user.id, true);
    assert.equal((await agent.get('/account')).statusCode, 303);
    await agent.get('/sign-in');
    assert.equal((await agent.post('/sign-in', { email, password: PASSWORD })).statusCode, 400);
  });
});
