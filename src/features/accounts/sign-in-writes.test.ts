// A wrong password makes the same writes to the database whether or not the address has an account: its count,
// then an audit event in a transaction of the same shape. Time is not asserted (it would flake); the writes that
// make up the time are. The one difference allowed is the holder's mail when their account locks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { onTableWrite } from '../../db/table-writes.ts';
import { createAccount, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn } from './accounts.service.ts';
import { systemActor } from '../../actor.ts';

const PASSWORD = 'a lantern by the orchard gate';
const KNOWN = 'writes@council.gov.uk';
const UNKNOWN = 'nobody-writes@council.gov.uk';

describe('the writes of a wrong password', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await createAccount(t.deps, systemActor, { email: KNOWN, fullName: 'Wren Writes', roles: ['democratic-services'], password: PASSWORD });
  });
  after(async () => t.close());

  /** Every INSERT, UPDATE and DELETE one sign-in sends, in order, as "insert audit_events". */
  async function writesOf(email: string, password: string): Promise<string[]> {
    const writes: string[] = [];
    const stop = onTableWrite((table, write) => writes.push(`${write} ${table}`));
    try {
      await signIn(t.deps, email, password, { ip: '192.0.2.44', requestId: 'writes' });
    } finally {
      stop();
    }
    return writes;
  }

  it(`are the same with or without an account at every guess up to the lock and beyond, twice over`, async () => {
    for (const round of [1, 2]) {
      for (let guess = 1; guess <= MAX_FAILED_SIGN_INS + 1; guess++) {
        const at = `round ${round}, guess ${guess}`;
        const known = await writesOf(KNOWN, `wrong guess ${guess}`);
        const unknown = await writesOf(UNKNOWN, `wrong guess ${guess}`);
        assert.equal(known[0], 'update users', `${at}: an account counts on its row`);
        assert.equal(unknown[0], 'insert sign_in_failures', `${at}: an address counts in its own row`);
        if (guess > MAX_FAILED_SIGN_INS) {
          assert.deepEqual([known.length, unknown.length], [1, 1], `${at}: while locked the count refuses the guess, and nothing more is written`);
          continue;
        }
        assert.ok(unknown.includes('insert audit_events'), `${at}: the failure without an account is recorded: ${unknown.join(', ')}`);
        const holderMail = guess === MAX_FAILED_SIGN_INS ? ['insert outbox'] : [];
        assert.deepEqual(known.slice(1), [...unknown.slice(1), ...holderMail], `${at}: the same writes after the count`);
      }
      t.clock.advance(LOCKOUT_MS + 1000);
    }
  });

  it('records a failure without an account without the address typed, which may be a password', async () => {
    const typed = 'my-secret-passphrase-typed-in-the-wrong-box';
    await signIn(t.deps, typed, 'whatever', { ip: '192.0.2.45' });
    const events = await t.db.kysely.selectFrom('audit_events').selectAll().where('entity', '=', 'user').where('entity_id', 'is', null).execute();
    assert.ok(events.length > 0);
    for (const event of events) {
      assert.equal(event.actor_user_id, null);
      assert.ok(!JSON.stringify(event).includes(typed), 'nothing typed is kept in the trail');
      assert.ok(!JSON.stringify(event).includes(UNKNOWN), 'nothing typed is kept in the trail');
    }
  });
});
