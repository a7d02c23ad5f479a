// The sign-in lockout holds under concurrent guessing, says nothing about whether an address has an account,
// and tells the account holder by mail when it locks their account.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createAccount, FAILURE_WINDOW_MS, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn } from './accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { sha256 } from '../../web/session.ts';

const PASSWORD = 'a lantern by the orchard gate';
const GUESSES = 20;

describe('the sign-in lockout', () => {
  let t: TestApp;
  const ids = new Map<string, number>();

  before(async () => {
    t = await createTestApp();
    for (const email of ['race@council.gov.uk', 'route@council.gov.uk', 'known@council.gov.uk', 'mail@council.gov.uk', 'slow@council.gov.uk']) {
      ids.set(email, (await createAccount(t.deps, systemActor, { email, fullName: `Pat ${email.split('@')[0]}`, roles: ['democratic-services'], password: PASSWORD })).id);
    }
  });
  after(async () => t.close());

  /** Each wrong password that was checked leaves one audit event: a failure, or the failure that locked. */
  async function passwordsChecked(email: string): Promise<number> {
    const rows = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(ids.get(email)))
      .where('action', 'in', ['account.sign-in-failed', 'account.locked'])
      .execute();
    return rows.length;
  }

  async function lockedUntil(email: string): Promise<string | null> {
    return (await t.db.kysely.selectFrom('users').select('locked_until').where('email', '=', email).executeTakeFirstOrThrow()).locked_until;
  }

  it(`checks no more than ${MAX_FAILED_SIGN_INS} of ${GUESSES} concurrent wrong passwords, and locks the account`, async () => {
    const email = 'race@council.gov.uk';
    const results = await Promise.all(Array.from({ length: GUESSES }, (_, i) => signIn(t.deps, email, `wrong guess number ${i}`, { ip: '192.0.2.1', requestId: `race-${i}` })));
    assert.ok(results.every((r) => !r.ok));
    assert.ok((await lockedUntil(email))! > t.clock.now().toISOString(), 'the account is locked');
    assert.equal(await passwordsChecked(email), MAX_FAILED_SIGN_INS);
    assert.equal(results.filter((r) => !r.ok && r.reason === 'locked').length, GUESSES - MAX_FAILED_SIGN_INS + 1);
    const right = await signIn(t.deps, email, PASSWORD, { ip: '192.0.2.1', requestId: 'race-right' });
    assert.equal(right.ok, false, 'even the right password is refused while locked');
  });

  it(`starts a fresh count of ${MAX_FAILED_SIGN_INS} when a lock ends, and a right password clears the count`, async () => {
    const email = 'race@council.gov.uk';
    t.clock.advance(LOCKOUT_MS + 1000);
    const guess = (i: number) => signIn(t.deps, email, `another wrong guess ${i}`, { ip: '192.0.2.1', requestId: `after-${i}` });
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) assert.deepEqual(await guess(i), { ok: false, reason: 'invalid' }, `guess ${i} after the lock`);
    assert.equal((await signIn(t.deps, email, PASSWORD, { ip: '192.0.2.1' })).ok, true, 'the right password, one short of the limit');
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) assert.deepEqual(await guess(i), { ok: false, reason: 'invalid' }, `guess ${i} after signing in`);
    assert.equal((await guess(MAX_FAILED_SIGN_INS)).ok, false);
    assert.ok((await lockedUntil(email))! > t.clock.now().toISOString(), `locked again at the ${MAX_FAILED_SIGN_INS}th`);
    assert.equal(await passwordsChecked(email), 3 * MAX_FAILED_SIGN_INS - 1);
  });

  it(`does the same through the sign-in page, from ${GUESSES} addresses at once so the rate limit is not what stops them`, async () => {
    const email = 'route@council.gov.uk';
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const responses = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/sign-in',
          remoteAddress: `198.51.100.${i + 1}`,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: agent.csrf, email, password: `wrong guess number ${i}` }).toString(),
        }),
      ),
    );
    assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([400]), 'every guess was answered, none rate-limited');
    assert.ok((await lockedUntil(email))! > t.clock.now().toISOString(), 'the account is locked');
    assert.equal(await passwordsChecked(email), MAX_FAILED_SIGN_INS);
    assert.equal(responses.filter((r) => /locked until/.test(r.body)).length, GUESSES - MAX_FAILED_SIGN_INS + 1);
  });

  it('answers an address without an account exactly as it answers one with, at every step through the lockout', async () => {
    const known = new Agent(t.app);
    const unknown = new Agent(t.app);
    await known.get('/sign-in');
    await unknown.get('/sign-in');
    // The CSRF token and the script nonce differ on every page; the address typed is echoed back.
    const same = (body: string, email: string) =>
      body.replaceAll(email, 'ADDRESS').replace(/name="_csrf" value="[^"]+"/g, '_csrf').replace(/nonce="[^"]+"/g, 'nonce');
    const steps = [...Array.from({ length: MAX_FAILED_SIGN_INS + 1 }, (_, i) => `wrong guess number ${i}`), PASSWORD];
    for (const [step, password] of steps.entries()) {
      const a = await known.post('/sign-in', { email: 'known@council.gov.uk', password });
      const b = await unknown.post('/sign-in', { email: 'nobody@council.gov.uk', password });
      assert.equal(a.statusCode, 400, `step ${step + 1}`);
      assert.equal(b.statusCode, a.statusCode, `step ${step + 1}`);
      assert.equal(same(b.body, 'nobody@council.gov.uk'), same(a.body, 'known@council.gov.uk'), `step ${step + 1}`);
      assert.equal(/locked until/.test(a.body), step + 1 >= MAX_FAILED_SIGN_INS, `step ${step + 1}: locked from the ${MAX_FAILED_SIGN_INS}th failure`);
    }
  });

  it('tells the account holder by mail when their account is locked, once', async () => {
    const email = 'mail@council.gov.uk';
    for (let i = 0; i < MAX_FAILED_SIGN_INS + 2; i++) await signIn(t.deps, email, `wrong guess number ${i}`, { ip: '203.0.113.9', requestId: `mail-${i}` });
    const mail = await t.db.kysely.selectFrom('outbox').selectAll().where('kind', '=', 'account.locked').where('recipient', '=', email).execute();
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject, /locked/i);
    assert.match(mail[0]!.body_text, /203\.0\.113\.9/);
    assert.equal(mail[0]!.recipient_name, 'Pat mail');
    const others = await t.db.kysely.selectFrom('outbox').select('recipient').where('kind', '=', 'account.locked').execute();
    assert.ok(!others.some((m) => m.recipient === 'nobody@council.gov.uk'), 'no mail goes to an address without an account');
  });

  it('forgets a count a day after its last failure, for an address with an account and one without alike', async () => {
    const guess = (email: string, i: number) => signIn(t.deps, email, `a slow guess ${i}`, { ip: '192.0.2.5' });
    for (const email of ['slow@council.gov.uk', 'nobody-slow@council.gov.uk']) {
      for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) assert.deepEqual(await guess(email, i), { ok: false, reason: 'invalid' }, `${email}: guess ${i}`);
    }
    t.clock.advance(FAILURE_WINDOW_MS + 1000);
    for (const email of ['slow@council.gov.uk', 'nobody-slow@council.gov.uk']) {
      for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) assert.deepEqual(await guess(email, i), { ok: false, reason: 'invalid' }, `${email}: guess ${i} a day later`);
      const last = await guess(email, MAX_FAILED_SIGN_INS);
      assert.ok(!last.ok && last.reason === 'locked', `${email}: locked at the ${MAX_FAILED_SIGN_INS}th of the new count`);
    }
  });

  it('keeps an address without an account only as a keyed hash, never as the address or its plain hash', async () => {
    const typed = 'Perhaps-A-Password@council.gov.uk';
    const keys = async (sessionSecret: string) => {
      await signIn({ ...t.deps, sessionSecret }, typed, 'whatever', { ip: '192.0.2.6' });
      return (await t.db.kysely.selectFrom('sign_in_failures').select('address_hash').execute()).map((r) => r.address_hash);
    };
    const before = new Set(await keys(t.deps.sessionSecret));
    const withAnotherSecret = (await keys('another-session-secret-another-session-secret')).filter((k) => !before.has(k));
    assert.equal(withAnotherSecret.length, 1, 'another secret keys the same address differently');
    for (const key of [...before, ...withAnotherSecret]) {
      assert.ok(!key.toLowerCase().includes('perhaps-a-password'));
      assert.notEqual(key, sha256(typed.toLowerCase()));
      assert.notEqual(key, sha256(typed));
    }
  });
});
