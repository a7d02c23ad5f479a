// For the access-request tests: the register's council (document.fixture.ts) with seats that give the members
// roles — the Red member sits on the Cabinet, the Blue member on the scrutiny committee — and e-mail addresses for
// the members and the officers who decide, so that every step's mail can be checked.
import type { Db } from '../../db/create-db.ts';
import type { Clock } from '../../clock.ts';
import type { CurrentUser } from '../../web/access.ts';
import type { Actor } from '../../actor.ts';
import { addDocumentCouncil, type DocumentCouncil } from '../documents/document.fixture.ts';

export type AccessCouncil = DocumentCouncil & { bodies: DocumentCouncil['bodies'] & { scrutiny: number }; actorOf(user: CurrentUser): Actor };

export async function addAccessCouncil(deps: { db: Db; clock: Clock }): Promise<AccessCouncil> {
  const c = await addDocumentCouncil(deps);
  const k = deps.db.kysely;
  const at = deps.clock.now().toISOString();
  const scrutiny = (await k.insertInto('bodies').values({ external_id: null, name: 'Overview and Scrutiny Committee', kind: 'scrutiny', remit: 'Scrutiny of the Cabinet', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  await k.insertInto('body_seats').values([
    { body_id: c.bodies.cabinet, member_id: c.users.red.memberId! },
    { body_id: scrutiny, member_id: c.users.blue.memberId! },
  ]).execute();
  for (const who of ['red', 'blue', 'independent', 'redLeader'] as const) {
    await k.updateTable('members').set({ email: c.users[who].email }).where('id', '=', c.users[who].memberId!).execute();
  }
  await k.updateTable('officers').set({ email: 'mo@millford.gov.uk' }).where('id', '=', c.officers.mo).execute();
  await k.updateTable('officers').set({ email: 'po@millford.gov.uk' }).where('id', '=', c.officers.po).execute();
  return { ...c, bodies: { ...c.bodies, scrutiny }, actorOf: (user) => ({ userId: user.id, label: user.email }) };
}
