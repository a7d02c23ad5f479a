// `npm run serve` starts the scheduler once it listens: mail already in the outbox goes out on its first tick,
// the daily jobs are scheduled, and SIGTERM still ends the process cleanly.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectAgain, createTestDb } from './support/db.ts';
import { cliEnv } from './support/cli.ts';
import { freePort, startNolan, waitForOutput } from './support/process.ts';
import { startTestSmtp } from './support/smtp.ts';
import { queueMail } from '../src/features/mail/outbox.service.ts';
import { CHAIN_HEAD_MAIL } from '../src/features/audit/audit-checkpoint-mail.ts';
import { SIGN_IN_SWEEP } from '../src/features/accounts/sign-in-sweep.ts';

it('delivers the outbox from the running server, and stops cleanly', async () => {
  const db = await createTestDb();
  const smtp = await startTestSmtp();
  try {
    await db.kysely.transaction().execute((trx) => queueMail(trx, { to: 'ann.abbott@council.example', subject: 'Waiting since before the start', text: 'Hello.', kind: 'test.start' }, new Date()));
    await db.destroy();
    const started = startNolan({ ...cliEnv(db), PORT: String(freePort()), SMTP_URL: smtp.url, BASE_URL: 'https://nolan.example.gov.uk' });
    try {
      await waitForOutput(started, /Nolan is running/);
      for (let waited = 0; smtp.received.length === 0 && waited < 20_000; waited += 50) await sleep(50);
      assert.deepEqual(smtp.received.map((m) => m.subject), ['Waiting since before the start']);
      assert.match(smtp.received[0]!.messageId, /^<outbox-1\.[0-9a-f]+@nolan\.example\.gov\.uk>$/);
    } finally {
      started.child.kill('SIGTERM');
      assert.equal(await started.exited, 0);
    }
    const again = connectAgain(db);
    try {
      const pending = await again.kysely.selectFrom('jobs').select('kind').where('done_at', 'is', null).where('kind', 'in', [CHAIN_HEAD_MAIL, SIGN_IN_SWEEP]).orderBy('kind').execute();
      assert.deepEqual(pending.map((j) => j.kind), [CHAIN_HEAD_MAIL, SIGN_IN_SWEEP].sort(), 'each daily job is waiting for its first run');
    } finally {
      await again.destroy();
    }
  } finally {
    await smtp.close();
    await db.drop();
  }
});
