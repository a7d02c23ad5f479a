// Where mail to a person goes on a given day. Nolan writes to an officer only while they hold their post and to a
// member only while their term of office runs: from the day an officer leaves or a member's term ends, nothing
// more reaches them about the enquiries, briefings or requests they once dealt with.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type MailAddress = { to: string; toName: string };

/** How far up the line an escalation looks: deeper than any council's management, short of a loop in the data. */
const MAX_LEVELS = 20;

const inPost = (leftOn: string | null, day: string) => leftOn === null || leftOn > day;

export async function officerMailAddress(q: Q, officerId: number | null, day: string): Promise<MailAddress | undefined> {
  if (officerId === null) return undefined;
  const o = await q.selectFrom('officers').select(['email', 'full_name', 'left_on']).where('id', '=', officerId).executeTakeFirst();
  return o?.email && inPost(o.left_on, day) ? { to: o.email, toName: o.full_name } : undefined;
}

export async function memberMailAddress(q: Q, memberId: number | null, day: string): Promise<MailAddress | undefined> {
  if (memberId === null) return undefined;
  const m = await q.selectFrom('members').select(['email', 'full_name', 'term_start', 'term_end']).where('id', '=', memberId).executeTakeFirst();
  return m?.email && m.term_start <= day && day < m.term_end ? { to: m.email, toName: m.full_name } : undefined;
}

/**
 * The nearest manager above an officer who is in post on the day and can be written to: their line manager, or,
 * where that post-holder has left (and nobody was put in their place), the next one up — as a council covers a
 * vacant post from the level above it. `direct` says whether it is the officer's own line manager.
 */
export async function managerInPostAbove(q: Q, officerId: number, day: string): Promise<(MailAddress & { direct: boolean }) | undefined> {
  const seen = new Set<number>([officerId]);
  let next = (await q.selectFrom('officers').select('line_manager_id').where('id', '=', officerId).executeTakeFirst())?.line_manager_id ?? null;
  for (let level = 0; next !== null && !seen.has(next) && level < MAX_LEVELS; level += 1) {
    seen.add(next);
    const manager = await q.selectFrom('officers').select(['email', 'full_name', 'left_on', 'line_manager_id']).where('id', '=', next).executeTakeFirst();
    if (!manager) return undefined;
    if (manager.email && inPost(manager.left_on, day)) return { to: manager.email, toName: manager.full_name, direct: level === 0 };
    next = manager.line_manager_id;
  }
  return undefined;
}

/**
 * Democratic services on the day: the enabled accounts with the role, each in post if it belongs to an officer
 * (an account's staff roles end with its officer's post).
 */
export async function democraticServicesAddresses(q: Q, day: string): Promise<MailAddress[]> {
  const rows = await q
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .leftJoin('officers as o', 'o.id', 'u.officer_id')
    .select(['u.email', 'u.full_name', 'u.officer_id', 'o.left_on'])
    .where('r.role', '=', 'democratic-services')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.id')
    .execute();
  return rows.filter((r) => r.officer_id === null || inPost(r.left_on, day)).map((r) => ({ to: r.email, toName: r.full_name }));
}
