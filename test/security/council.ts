// The council the security sweeps attack: the demo council, with a person signed in for each role, an officer who
// left yesterday (who was assigned enquiries and manages others) and a member whose term has ended, both with their
// accounts still enabled. Each person has a browser session and an API token.
import { ukDate } from '../../src/clock.ts';
import type { CurrentUser, Role } from '../../src/web/access.ts';
import { systemActor } from '../../src/actor.ts';
import { createAccount, issueApiToken } from '../../src/features/accounts/accounts.service.ts';
import { findUserById } from '../../src/features/accounts/users.repository.ts';
import { resolveCurrentUser } from '../../src/features/accounts/current-user.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/features/demo/demo.service.ts';
import { Agent, type TestApp } from '../support/app.ts';

export type Person = {
  label: string;
  userId: number;
  email: string;
  agent: Agent;
  token: string;
  /** Whom the access rules should see: as the person stands today, and without a post they have left. */
  entitled: CurrentUser;
};

export type SweepCouncil = { people: Person[]; today: string; formerOfficerId: number; formerMemberId: number };

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export async function seedSweepCouncil(t: TestApp): Promise<SweepCouncil> {
  const k = t.db.kysely;
  const today = ukDate(t.clock.now());
  const seed = await seedDemo(t.deps, 'model');
  const at = t.clock.now().toISOString();
  const accounts: { label: string; email: string }[] = seed.signIns.map((s) => ({ label: s.role, email: s.email }));
  const demoOfficerIds = (await k.selectFrom('users').select('officer_id').where('officer_id', 'is not', null).execute()).map((u) => u.officer_id!);

  // The officer who leaves: the one, besides the demo sign-ins, with the most enquiries assigned and someone to
  // manage, so that both of the ways an officer reaches an enquiry are in play.
  const handling = await k
    .selectFrom('enquiries as e')
    .innerJoin('officers as o', 'o.id', 'e.assigned_officer_id')
    .select(['o.id', 'o.email', 'o.full_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.id', 'not in', demoOfficerIds)
    .where((eb) => eb.exists(eb.selectFrom('officers as r').select('r.id').whereRef('r.line_manager_id', '=', 'o.id')))
    .groupBy(['o.id', 'o.email', 'o.full_name'])
    .orderBy('n', 'desc')
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
  await k.updateTable('officers').set({ left_on: dayBefore(today), updated_at: at }).where('id', '=', handling.id).execute();
  const formerOfficer = await createAccount(t.deps, systemActor, { email: 'former.officer@sweep.example', fullName: handling.full_name, roles: ['officer'], password: DEMO_PASSWORD, memberId: null, officerId: handling.id });
  accounts.push({ label: 'former-officer', email: 'former.officer@sweep.example' });

  // The member whose term has ended wrote one enquiry while in office: their own past record.
  const former = await k.selectFrom('members').select(['id', 'full_name']).where('term_end', '<=', today).orderBy('id').executeTakeFirstOrThrow();
  const own = await k.selectFrom('enquiries').select('id').where('assigned_officer_id', '=', handling.id).orderBy('id').executeTakeFirstOrThrow();
  await k.updateTable('enquiries').set({ member_id: former.id }).where('id', '=', own.id).execute();
  await k.deleteFrom('enquiry_copies').where('enquiry_id', '=', own.id).execute();
  await createAccount(t.deps, systemActor, { email: 'former.member@sweep.example', fullName: former.full_name, roles: ['member'], password: DEMO_PASSWORD, memberId: former.id, officerId: null });
  accounts.push({ label: 'former-member', email: 'former.member@sweep.example' });

  // The officer the demo's briefings were with, and a councillor of a group other than the demo sign-ins' groups.
  const briefed = await k.selectFrom('briefings as b').innerJoin('officers as o', 'o.id', 'b.officer_id').select(['o.id', 'o.full_name']).orderBy('b.id').executeTakeFirstOrThrow();
  await createAccount(t.deps, systemActor, { email: 'briefed.officer@sweep.example', fullName: briefed.full_name, roles: ['officer'], password: DEMO_PASSWORD, memberId: null, officerId: briefed.id });
  accounts.push({ label: 'briefed-officer', email: 'briefed.officer@sweep.example' });
  const signedInGroups = await k.selectFrom('users as u').innerJoin('members as m', 'm.id', 'u.member_id').select('m.group_id').where('m.group_id', 'is not', null).execute();
  const outsider = await k
    .selectFrom('members')
    .select(['id', 'full_name', 'group_id'])
    .where('group_role', '=', 'leader')
    .where('group_id', 'not in', signedInGroups.map((g) => g.group_id!))
    .where('term_start', '<=', today)
    .where('term_end', '>', today)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  await createAccount(t.deps, systemActor, { email: 'other.group@sweep.example', fullName: outsider.full_name, roles: ['member'], password: DEMO_PASSWORD, memberId: outsider.id, officerId: null });
  accounts.push({ label: 'other-group-member', email: 'other.group@sweep.example' });
  // Their group is offered the identical session of two other groups' briefings: one still open, one declined.
  const others = await k.selectFrom('briefings').select('id').where('group_id', '!=', outsider.group_id).orderBy('id').limit(2).execute();
  const offer = { group_id: outsider.group_id, member_id: null, offered_at: at, lapses_on: '2026-12-31', accepted_briefing_id: null };
  await k.insertInto('briefing_offers').values([
    { ...offer, briefing_id: others[0]!.id, status: 'offered', answered_at: null, answered_by: null, decline_reason: null },
    { ...offer, briefing_id: others[1]!.id, status: 'declined', answered_at: at, answered_by: outsider.full_name, decline_reason: 'The group has no questions for the officer.' },
  ]).execute();

  const people: Person[] = [];
  for (const { label, email } of accounts) {
    const row = await k.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const agent = new Agent(t.app);
    await agent.signIn(email, DEMO_PASSWORD);
    const token = (await issueApiToken(t.deps, systemActor, row.id, 'security sweep')).token;
    const current = await resolveCurrentUser(k, (await findUserById(k, row.id))!, today, 'session');
    // Access ends on the day an officer leaves: whatever their record still says, they hold no post.
    const entitled = row.id === formerOfficer.id ? { ...current, officerId: null, roles: current.roles.filter((r: Role) => r !== 'officer') } : current;
    people.push({ label, userId: row.id, email, agent, token, entitled });
  }
  return { people, today, formerOfficerId: handling.id, formerMemberId: former.id };
}

/** The person's request: pages through their session, the API with their token. */
export async function requestAs(t: TestApp, person: Person | null, method: string, url: string) {
  if (!person) return t.app.inject({ method: method as 'GET', url });
  if (url.startsWith('/api/')) return t.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${person.token}` } });
  return person.agent.get(url);
}
