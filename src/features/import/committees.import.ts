// Writing a file's committees into the directory: bodies matched by external id (or, once, by name for a body
// set up by hand), their seats made exactly what the file lists, and an audit event for each body added or changed.
import { appendAudit } from '../audit/audit.repository.ts';
import type { CommitteeRecord, FieldNames, ImportProblem } from './import.records.ts';
import { insertBody, listBodies, listMembers, listSeats, replaceSeats, updateBody, type BodyValues, type StoredBody, type StoredSeat } from './import.repository.ts';
import type { ApplyContext } from './members.import.ts';

export type AppliedCommittees = { created: number; updated: number; unchanged: number; problems: ImportProblem[] };

const key = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
const seatOrder = (a: { memberId: number }, b: { memberId: number }) => a.memberId - b.memberId;

export async function applyCommittees(ctx: ApplyContext, records: CommitteeRecord[], fields: FieldNames): Promise<AppliedCommittees> {
  const { trx, dialect, actor, now } = ctx;
  const at = now.toISOString();
  const applied: AppliedCommittees = { created: 0, updated: 0, unchanged: 0, problems: [] };
  const bodies = await listBodies(trx);
  const byExternalId = new Map(bodies.filter((b) => b.externalId).map((b) => [b.externalId!, b]));
  const byName = new Map(bodies.map((b) => [key(b.name), b]));
  const members = await listMembers(trx);
  const memberIds = new Map(members.filter((m) => m.external_id).map((m) => [m.external_id!, m.id]));
  const memberLabel = new Map(members.map((m) => [m.id, m.external_id ?? m.full_name]));
  const seatsOf = Map.groupBy(await listSeats(trx), (s) => s.bodyId);

  const plans = records.map((record) => {
    const named = byName.get(key(record.name));
    const existing: StoredBody | undefined = byExternalId.get(record.externalId) ?? (named && !named.externalId ? named : undefined);
    return { record, existing };
  });
  const targets = new Set(plans.flatMap((p) => (p.existing ? [p.existing.id] : [])));

  for (const { record, existing } of plans) {
    // A name held by a body this file does not list (or lists under another name) cannot be taken.
    const holder = byName.get(key(record.name));
    if (holder && holder.id !== existing?.id && !targets.has(holder.id)) {
      applied.problems.push({ where: record.where, field: fields.name, message: `"${record.name}" is already the name of another body in Nolan${holder.externalId ? ` (id ${holder.externalId})` : ''}; each body needs its own name` });
    }
    for (const seat of record.seats ?? []) {
      if (!memberIds.has(seat.memberExternalId)) {
        applied.problems.push({ where: record.where, field: fields.seats, message: `no member in Nolan has the id "${seat.memberExternalId}"; import the members first` });
      }
    }
  }
  if (applied.problems.length) return applied;

  // Renames go through a placeholder name first, so that two bodies may swap names in one file.
  for (const { record, existing } of plans) {
    if (existing && existing.name !== record.name) await updateBody(trx, existing.id, { name: `\u0000renaming ${existing.id}` });
  }

  const snapshot = (body: BodyValues | StoredBody, seats: { memberId: number; seatRole: string }[]) => ({
    externalId: 'external_id' in body ? body.external_id : body.externalId,
    name: body.name,
    kind: body.kind,
    remit: body.remit,
    seats: [...seats].sort(seatOrder).map((s) => ({ member: memberLabel.get(s.memberId) ?? String(s.memberId), role: s.seatRole })),
  });

  for (const { record, existing } of plans) {
    const next: BodyValues = {
      external_id: record.externalId,
      name: record.name,
      kind: record.kind,
      remit: record.remit === undefined ? (existing?.remit ?? null) : record.remit,
    };
    const seatsBefore: StoredSeat[] = existing ? (seatsOf.get(existing.id) ?? []) : [];
    const seatsAfter = record.seats === undefined ? seatsBefore : record.seats.map((s) => ({ memberId: memberIds.get(s.memberExternalId)!, seatRole: s.role }));
    if (!existing) {
      const id = await insertBody(trx, next, at);
      await replaceSeats(trx, id, [], seatsAfter);
      applied.created += 1;
      await appendAudit(trx, dialect, actor, { action: 'directory.body.imported', entity: 'body', entityId: id, after: snapshot(next, seatsAfter) }, now);
      continue;
    }
    const before = snapshot(existing, seatsBefore);
    const after = snapshot(next, seatsAfter);
    if (JSON.stringify(before) === JSON.stringify(after)) {
      applied.unchanged += 1;
      continue;
    }
    await updateBody(trx, existing.id, next);
    await replaceSeats(trx, existing.id, seatsBefore, seatsAfter);
    applied.updated += 1;
    await appendAudit(trx, dialect, actor, { action: 'directory.body.imported', entity: 'body', entityId: existing.id, before, after }, now);
  }
  return applied;
}
