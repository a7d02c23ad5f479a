// Statutory roles as the pages and home panels show them: who holds each today, who deputises, who is acting,
// and which roles the council must fill but has no holder for.
import type { CouncilKind } from '../../protocol/profiles/catalogue.ts';
import { actingOn, capacityLabels, expectedStatutoryRoles, roleCurrent, statutoryRoleLabels, type StatutoryRole } from './directory.types.ts';

/** A statutory role as a line on a page: its labels, whether it is current, and any acting period today. */
export function statutoryRoleView(role: StatutoryRole, day: string) {
  const acting = actingOn(role, day);
  return {
    ...role,
    roleLabel: statutoryRoleLabels[role.role],
    capacityLabel: capacityLabels[role.capacity],
    current: roleCurrent(role, day),
    actingNow: acting ?? null,
  };
}

export type StatutoryRoleView = ReturnType<typeof statutoryRoleView>;

/** Each statutory role the council must fill (and any other it records): current holders and deputies. */
export function statutoryOfficers(roles: StatutoryRole[], kind: CouncilKind, day: string) {
  const current = roles.filter((r) => roleCurrent(r, day));
  const names = [...new Set([...expectedStatutoryRoles(kind), ...current.map((r) => r.role)])];
  return names.map((name) => ({
    role: name,
    label: statutoryRoleLabels[name],
    holders: current.filter((r) => r.role === name && r.capacity === 'holder').map((r) => statutoryRoleView(r, day)),
    deputies: current.filter((r) => r.role === name && r.capacity === 'deputy').map((r) => statutoryRoleView(r, day)),
  }));
}
