// The check page at Admin › Audit trail takes the checkpoint as the Monitoring Officer's daily mail gives it
// (event:hash), and then tells events deleted from the end from events rewritten.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { addPeople, PASSWORD } from '../admin/people.fixture.ts';
import { appendAudit, readChainHead } from './audit.repository.ts';
import { systemActor } from '../../actor.ts';

let t: TestApp;
let admin: Agent;

before(async () => {
  t = await createTestApp();
  const people = await addPeople(t.deps);
  for (let i = 1; i <= 5; i++) {
    await t.db.kysely.transaction().execute((trx) => appendAudit(trx, t.db.dialect, systemActor, { action: 'test.changed', entity: 'test', entityId: i }, new Date()));
  }
  admin = new Agent(t.app);
  await admin.signIn(people.admin.email, PASSWORD);
});
after(async () => t.close());

it('checks the chain against event:hash, and names a deletion as one', async () => {
  const mailed = await readChainHead(t.db.kysely);
  const intact = await admin.get(`/admin/audit/verify?checkpoint=${mailed.seq}:${mailed.hash}`);
  assert.equal(intact.statusCode, 200);
  assert.match(intact.body, new RegExp(`the checkpoint was found at event ${mailed.seq}`));
  if (t.db.dialect === 'postgres') await sql`drop trigger audit_events_no_update on audit_events`.execute(t.db.kysely);
  else await sql`drop trigger audit_events_no_delete`.execute(t.db.kysely);
  await t.db.kysely.deleteFrom('audit_events').where('seq', '>', mailed.seq - 2).execute();
  const kept = await t.db.kysely.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  await t.db.kysely.updateTable('audit_head').set({ seq: kept.seq, hash: kept.hash }).where('id', '=', 1).execute();
  const deleted = await admin.get(`/admin/audit/verify?checkpoint=${mailed.seq}:${mailed.hash}`);
  assert.match(deleted.body, new RegExp(`the chain ends at ${kept.seq}, before the checkpoint(’|&#8217;)s ${mailed.seq}: events were deleted`));
});
