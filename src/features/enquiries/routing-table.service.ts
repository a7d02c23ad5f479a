// Keeping the routing table: each entry names the officer who takes a service's enquiries, optionally for one
// ward or one type of work. The protocol's seniority rule still applies when an enquiry is routed.
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { findOfficer, listServices } from '../directory/officers.repository.ts';
import { findWard } from '../directory/wards.repository.ts';
import { deleteRoute, insertRoute, listRoutes } from './routing-table.repository.ts';

export type RouteInput = { serviceId: string; wardId: string; workType: string; officerId: string };

const idOf = (value: string) => (/^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null);

export async function addRoute(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: RouteInput): Promise<number> {
  const q = deps.db.kysely;
  const today = ukDate(deps.clock.now());
  const problems: FieldError[] = [];
  const serviceId = idOf(input.serviceId);
  const wardId = input.wardId.trim() ? idOf(input.wardId) : null;
  const officerId = idOf(input.officerId);
  const workType = input.workType.trim().toLowerCase() || null;
  if (serviceId === null || !(await listServices(q)).some((s) => s.id === serviceId)) problems.push({ field: 'serviceId', message: 'Select a service' });
  if (input.wardId.trim() && (wardId === null || !(await findWard(q, wardId)))) problems.push({ field: 'wardId', message: 'Select a ward from the list, or any ward' });
  if (workType && workType.length > 100) problems.push({ field: 'workType', message: 'The type of work must be 100 characters or fewer' });
  const officer = officerId === null ? undefined : await findOfficer(q, officerId);
  if (!officer || (officer.leftOn !== null && officer.leftOn <= today)) problems.push({ field: 'officerId', message: 'Select an officer who works for the council' });
  if (!problems.length) {
    const clash = (await listRoutes(q)).find((r) => r.serviceId === serviceId && r.wardId === wardId && r.workType === workType);
    if (clash) problems.push({ field: 'serviceId', message: `${clash.officerName} already takes these enquiries: remove that entry first` });
  }
  if (problems.length) throw new ValidationError(problems);
  const now = deps.clock.now();
  return q.transaction().execute(async (trx) => {
    const id = await insertRoute(trx, { serviceId: serviceId!, wardId, workType, officerId: officerId! }, now.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, { action: 'enquiry-route.added', entity: 'enquiry_route', entityId: id, after: { serviceId, wardId, workType, officerId } }, now);
    return id;
  });
}

export async function removeRoute(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<void> {
  const now = deps.clock.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const before = (await listRoutes(trx)).find((r) => r.id === id);
    if (!before || !(await deleteRoute(trx, id))) throw new NotFoundError('Routing entry');
    await appendAudit(trx, deps.db.dialect, actor, { action: 'enquiry-route.removed', entity: 'enquiry_route', entityId: id, before: { serviceId: before.serviceId, wardId: before.wardId, workType: before.workType, officerId: before.officerId } }, now);
  });
}
