// All SQL about statutory roles (Head of Paid Service, Monitoring Officer, s151, Proper Officer, RFO), who
// holds each or deputises, and the dates a deputy acts. Sign-in powers are read from these rows alone.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { CAPACITIES, isOneOf, STATUTORY_ROLES, type ActingPeriod, type Capacity, type StatutoryRole, type StatutoryRoleName } from './directory.types.ts';
import { idsInInputOrder } from './batch-insert.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type NewStatutoryRoleRow = { officerId: number; role: StatutoryRoleName; capacity: Capacity; startsOn: string; endsOn: string | null };
export type NewActingRow = { statutoryRoleId: number; fromDate: string; toDate: string; reason: string };

const ROLE_ORDER = new Map<string, number>(STATUTORY_ROLES.map((r, i) => [r, i]));

/** Every statutory role row (or one officer's), with its acting periods: role order, holders before deputies. */
export async function listStatutoryRoles(q: Q, filter: { officerId?: number } = {}): Promise<StatutoryRole[]> {
  let query = q
    .selectFrom('statutory_roles as r')
    .innerJoin('officers as o', 'o.id', 'r.officer_id')
    .select(['r.id', 'r.officer_id', 'o.full_name', 'o.job_title', 'r.role', 'r.capacity', 'r.starts_on', 'r.ends_on']);
  if (filter.officerId !== undefined) query = query.where('r.officer_id', '=', filter.officerId);
  const rows = await query.execute();
  const roles = rows.flatMap((r): StatutoryRole[] =>
    isOneOf(STATUTORY_ROLES, r.role)
      ? [
          {
            id: r.id,
            officerId: r.officer_id,
            officerName: r.full_name,
            officerJobTitle: r.job_title,
            role: r.role,
            capacity: isOneOf(CAPACITIES, r.capacity) ? r.capacity : 'deputy',
            startsOn: r.starts_on,
            endsOn: r.ends_on,
            acting: [],
          },
        ]
      : [],
  );
  if (roles.length) {
    const acting = await q
      .selectFrom('statutory_acting')
      .select(['id', 'statutory_role_id', 'from_date', 'to_date', 'reason'])
      .where('statutory_role_id', 'in', roles.map((r) => r.id))
      .orderBy('from_date')
      .execute();
    for (const a of acting) {
      const period: ActingPeriod = { id: a.id, statutoryRoleId: a.statutory_role_id, fromDate: a.from_date, toDate: a.to_date, reason: a.reason };
      roles.find((r) => r.id === a.statutory_role_id)?.acting.push(period);
    }
  }
  return roles.sort(
    (a, b) =>
      (ROLE_ORDER.get(a.role) ?? 9) - (ROLE_ORDER.get(b.role) ?? 9) ||
      (a.capacity === b.capacity ? 0 : a.capacity === 'holder' ? -1 : 1) ||
      b.startsOn.localeCompare(a.startsOn) ||
      a.officerName.localeCompare(b.officerName),
  );
}

export async function insertStatutoryRoles(q: Q, roles: NewStatutoryRoleRow[], at: string): Promise<number[]> {
  if (!roles.length) return [];
  const rows = await q
    .insertInto('statutory_roles')
    .values(roles.map((r) => ({ officer_id: r.officerId, role: r.role, capacity: r.capacity, starts_on: r.startsOn, ends_on: r.endsOn, created_at: at })))
    .returning(['id', 'officer_id', 'role', 'capacity', 'starts_on'])
    .execute();
  const key = (r: { officerId: number; role: string; capacity: string; startsOn: string }) => `${r.officerId}|${r.role}|${r.capacity}|${r.startsOn}`;
  return idsInInputOrder(rows, roles.map(key), (r) => key({ officerId: r.officer_id, role: r.role, capacity: r.capacity, startsOn: r.starts_on }));
}

export async function endStatutoryRole(q: Q, id: number, endsOn: string): Promise<void> {
  await q.updateTable('statutory_roles').set({ ends_on: endsOn }).where('id', '=', id).execute();
}

export async function insertActingPeriods(q: Q, periods: NewActingRow[], at: string): Promise<void> {
  if (!periods.length) return;
  await q
    .insertInto('statutory_acting')
    .values(periods.map((p) => ({ statutory_role_id: p.statutoryRoleId, from_date: p.fromDate, to_date: p.toDate, reason: p.reason, created_at: at })))
    .execute();
}
