import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, type TestDb } from '../../test/support/db.ts';
import { nolan } from '../../test/support/cli.ts';
import { findUserByEmail } from '../features/accounts/users.repository.ts';
import { verifyPassword } from '../features/accounts/passwords.ts';

describe('nolan users', () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
  });
  after(async () => db.drop());

  it('creates an invited account and prints its link', async () => {
    const result = nolan(db, ['users', 'create', '--email', 'New.Admin@Council.gov.uk', '--name', 'Nia Admin', '--role', 'admin']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Invitation link \(valid 7 days\): http:\/\/127\.0\.0\.1:3000\/invitation\/\S+/);
    const user = await findUserByEmail(db.kysely, 'new.admin@council.gov.uk');
    assert.deepEqual(user?.roles, ['admin']);
    assert.equal(user?.passwordHash, null);
  });

  it('creates an account with a password read from standard input', async () => {
    const result = nolan(db, ['users', 'create', '--email', 'ops@council.gov.uk', '--name', 'Olu Ops', '--role', 'admin', '--password-stdin'], 'seven rivers of bread\n');
    assert.equal(result.status, 0, result.stderr);
    const user = await findUserByEmail(db.kysely, 'ops@council.gov.uk');
    assert.ok(await verifyPassword('seven rivers of bread', user!.passwordHash));
  });

  it('lists accounts as JSON, disables and enables them, and issues tokens', async () => {
    const list = JSON.parse(nolan(db, ['users', 'list', '--json']).stdout) as { email: string; disabled: boolean; invited: boolean }[];
    assert.deepEqual(list.map((u) => [u.email, u.invited]).sort(), [['new.admin@council.gov.uk', true], ['ops@council.gov.uk', false]]);
    assert.equal(nolan(db, ['users', 'disable', 'ops@council.gov.uk']).status, 0);
    assert.ok((await findUserByEmail(db.kysely, 'ops@council.gov.uk'))?.disabledAt);
    assert.equal(nolan(db, ['users', 'token', 'ops@council.gov.uk']).status, 2, 'no token for a disabled account');
    assert.equal(nolan(db, ['users', 'enable', 'ops@council.gov.uk']).status, 0);
    const token = nolan(db, ['users', 'token', 'ops@council.gov.uk', '--name', 'reporting']);
    assert.equal(token.status, 0);
    assert.match(token.stdout.trim(), /^nolan_[\w-]{40}$/);
  });

  it('issues a token that expires after 90 days, or after --days', async () => {
    const expiryOf = async (name: string) => Date.parse((await db.kysely.selectFrom('api_tokens').select('expires_at').where('name', '=', name).executeTakeFirstOrThrow()).expires_at ?? '');
    const DAY = 86_400_000;
    for (const [args, days] of [[[], 90], [['--days', '30'], 30], [['--days', '365'], 365]] as const) {
      const name = `expiry ${days}`;
      const issued = Date.now();
      const result = nolan(db, ['users', 'token', 'ops@council.gov.uk', '--name', name, ...args]);
      assert.equal(result.status, 0, result.stderr);
      const early = (await expiryOf(name)) - (issued + days * DAY);
      assert.ok(early > -60_000 && early < 60_000, `${name}: expires ${days} days after it was issued`);
    }
    for (const days of ['0', '366', 'soon', '-5']) {
      const result = nolan(db, ['users', 'token', 'ops@council.gov.uk', '--name', `bad ${days}`, '--days', days]);
      assert.equal(result.status, 2, `--days ${days}: ${result.stderr}`);
      assert.match(result.stderr, /--days/);
    }
  });

  it('exits 2 with one line naming what is wrong, and stores nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['users', 'create', '--email', 'x@council.gov.uk'], /--name is required/],
      [['users', 'create', '--email', 'x@council.gov.uk', '--name', 'X', '--role', 'mayor'], /--role "mayor" is not a role/],
      [['users', 'create', '--email', 'not-an-email', '--name', 'X', '--role', 'admin'], /email: Enter an email address/],
      [['users', 'create', '--email', 'x@council.gov.uk', '--name', 'X', '--role', 'member'], /memberId: A member account must be linked/],
      [['users', 'create', '--email', 'ops@council.gov.uk', '--name', 'X', '--role', 'admin'], /already exists/],
      [['users', 'create', '--email', 'x@council.gov.uk', '--name', 'X', '--colour', 'red'], /colour/],
      [['users', 'disable', 'nobody@council.gov.uk'], /no account with email nobody@council.gov.uk/],
      [['users', 'fly'], /unknown action "fly"/],
      [['flights'], /unknown command "flights"/],
    ];
    for (const [args, message] of cases) {
      const result = nolan(db, args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
    assert.equal(await findUserByEmail(db.kysely, 'x@council.gov.uk'), undefined);
  });

  it('refuses a control character in an option, naming it, as the forms do, and stores nothing', async () => {
    const escape = nolan(db, ['users', 'create', '--email', 'esc@council.gov.uk', '--name', 'Esc \u001b[31mRed', '--role', 'admin']);
    assert.equal(escape.status, 2);
    assert.equal(escape.stderr.trim().split('\n').length, 1);
    assert.match(escape.stderr, /--name must not contain control characters/);
    assert.equal(await findUserByEmail(db.kysely, 'esc@council.gov.uk'), undefined);
    const token = nolan(db, ['users', 'token', 'ops@council.gov.uk', '--name', 'report\u0007ing']);
    assert.equal(token.status, 2);
    assert.match(token.stderr, /--name must not contain control characters/);
  });
});
