// Writing a file's members into the directory: wards and political groups found by name (and added when new),
// members matched by external id, and an audit event with before and after for each member added or changed.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Dialect } from '../../db/create-db.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import type { FieldNames, ImportProblem, MemberRecord } from './import.records.ts';
import { clearGroupRoles, insertGroup, insertMember, insertWard, listGroups, listMembers, listWards, updateMember, type MemberValues, type StoredMember } from './import.repository.ts';

export type ApplyContext = { trx: Transaction<Tables>; dialect: Dialect; actor: Actor; now: Date };
export type Applied = { created: number; updated: number; unchanged: number; wardsAdded: number; groupsAdded: number; problems: ImportProblem[] };

const key = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
/** "Labour", "Labour Group" and "The Labour Party" are one group: modern.gov names the party, councils the group. */
const groupKey = (name: string) => key(name).replace(/^the /, '').replace(/ (party|group)$/, '');

/** "Labour Group" → "Labour", "Liberal Democrats" → "LD": what a list of members shows beside a name. */
export function shortNameFor(group: string): string {
  const words = group.split(/\s+/).filter((w) => w && !/^(party|group|the|and|&|of)$/i.test(w));
  if (words.length <= 1) return words[0] ?? group;
  return words.map((w) => w[0]!.toUpperCase()).join('');
}

const ROLE_WORDS: Record<string, string> = { leader: 'leader', 'deputy-leader': 'deputy leader' };

export async function applyMembers(ctx: ApplyContext, records: MemberRecord[], fields: FieldNames): Promise<Applied> {
  const { trx, dialect, actor, now } = ctx;
  const at = now.toISOString();
  const applied: Applied = { created: 0, updated: 0, unchanged: 0, wardsAdded: 0, groupsAdded: 0, problems: [] };

  const wardIds = new Map<string, number>();
  const wardNames = new Map<number, string>();
  for (const w of await listWards(trx)) {
    wardIds.set(key(w.name), w.id);
    wardNames.set(w.id, w.name);
  }
  const groupIds = new Map<string, number>();
  const groupNames = new Map<number, string>();
  for (const g of await listGroups(trx)) {
    if (!groupIds.has(groupKey(g.shortName))) groupIds.set(groupKey(g.shortName), g.id);
    groupIds.set(groupKey(g.name), g.id);
    groupNames.set(g.id, g.name);
  }

  // Members set up by hand (no external id) are taken over by a row with the same name, when the name is unambiguous.
  const stored = await listMembers(trx);
  const byExternalId = new Map(stored.filter((m) => m.external_id).map((m) => [m.external_id!, m]));
  const unclaimed = Map.groupBy(stored.filter((m) => !m.external_id), (m) => key(m.full_name));
  const namesInFile = Map.groupBy(records, (r) => key(r.fullName));
  const matchOf = (r: MemberRecord): StoredMember | undefined => {
    const byId = byExternalId.get(r.externalId);
    if (byId) return byId;
    const sameName = unclaimed.get(key(r.fullName));
    return sameName?.length === 1 && namesInFile.get(key(r.fullName))?.length === 1 ? sameName[0] : undefined;
  };

  const plans = records.map((record) => {
    const existing = matchOf(record);
    const groupName = record.group === undefined ? (existing?.group_id ? (groupNames.get(existing.group_id) ?? null) : null) : record.group;
    const groupSlot = groupName === null ? null : groupKey(groupName);
    const sameGroup = existing !== undefined && existing.group_id !== null && groupSlot !== null && groupIds.get(groupSlot) === existing.group_id;
    const groupRole = record.groupRole !== undefined ? record.groupRole : sameGroup ? existing.group_role : null;
    return { record, existing, groupName, groupSlot, groupRole };
  });

  // A group has one leader and one deputy: among this file's rows, and against members the file does not list.
  const inFile = new Set(plans.flatMap((p) => (p.existing ? [p.existing.id] : [])));
  const heldOutside = new Map(stored.filter((m) => !inFile.has(m.id) && m.group_id && m.group_role).map((m) => [`${groupKey(groupNames.get(m.group_id!) ?? '')}/${m.group_role}`, m]));
  const heldInFile = new Map<string, MemberRecord>();
  for (const { record, groupSlot, groupRole, groupName } of plans) {
    if (!groupRole || groupSlot === null) continue;
    const canonical = groupIds.has(groupSlot) ? groupKey(groupNames.get(groupIds.get(groupSlot)!)!) : groupSlot;
    const slot = `${canonical}/${groupRole}`;
    const outside = heldOutside.get(slot);
    const inside = heldInFile.get(slot);
    const role = ROLE_WORDS[groupRole] ?? groupRole;
    if (outside) {
      applied.problems.push({ where: record.where, field: fields.groupRole, message: `${groupName} already has a ${role} in Nolan, ${outside.full_name}${outside.external_id ? ` (id ${outside.external_id})` : ''}, who is not in this file; add their row with the role changed, or leave this one blank` });
    } else if (inside && key(inside.group ?? '') !== key(record.group ?? '')) {
      applied.problems.push({ where: record.where, field: fields.groupRole, message: `${groupName} already has a ${role} in this file, at ${inside.where}; a group has one ${role}` });
    } else if (!inside) heldInFile.set(slot, record);
  }
  if (applied.problems.length) return applied;

  for (const { record } of plans) {
    if (record.ward && !wardIds.has(key(record.ward))) {
      const id = await insertWard(trx, record.ward, at);
      wardIds.set(key(record.ward), id);
      wardNames.set(id, record.ward);
      applied.wardsAdded += 1;
      await appendAudit(trx, dialect, actor, { action: 'directory.ward.imported', entity: 'ward', entityId: id, after: { name: record.ward } }, now);
    }
  }
  for (const { groupName, groupSlot } of plans) {
    if (groupName && groupSlot && !groupIds.has(groupSlot)) {
      const group = { name: groupName, shortName: shortNameFor(groupName) };
      const id = await insertGroup(trx, group, at);
      groupIds.set(groupSlot, id);
      groupNames.set(id, groupName);
      applied.groupsAdded += 1;
      await appendAudit(trx, dialect, actor, { action: 'directory.political-group.imported', entity: 'political_group', entityId: id, after: group }, now);
    }
  }

  const snapshot = (v: MemberValues | StoredMember) => ({
    externalId: v.external_id,
    fullName: v.full_name,
    email: v.email,
    phone: v.phone,
    ward: v.ward_id === null ? null : (wardNames.get(v.ward_id) ?? null),
    group: v.group_id === null ? null : (groupNames.get(v.group_id) ?? null),
    groupRole: v.group_role,
    termStart: v.term_start,
    termEnd: v.term_end,
    cabinetPortfolio: v.cabinet_portfolio,
  });
  const nextValues = plans.map(({ record: r, existing: e, groupSlot, groupRole }): MemberValues => ({
    external_id: r.externalId,
    full_name: r.fullName,
    email: r.email === undefined ? (e?.email ?? null) : r.email,
    phone: r.phone === undefined ? (e?.phone ?? null) : r.phone,
    ward_id: r.ward === undefined ? (e?.ward_id ?? null) : r.ward === null ? null : wardIds.get(key(r.ward))!,
    group_id: groupSlot === null ? null : groupIds.get(groupSlot)!,
    group_role: groupRole,
    term_start: r.termStart,
    term_end: r.termEnd,
    cabinet_portfolio: r.cabinetPortfolio === undefined ? (e?.cabinet_portfolio ?? null) : r.cabinetPortfolio,
  }));

  const changed = (e: StoredMember, next: MemberValues) => (Object.keys(next) as (keyof MemberValues)[]).some((column) => next[column] !== e[column]);
  const freed = plans.flatMap(({ existing: e }, i) => (e?.group_role && (e.group_role !== nextValues[i]!.group_role || e.group_id !== nextValues[i]!.group_id) ? [e.id] : []));
  await clearGroupRoles(trx, freed);

  for (const [i, { existing }] of plans.entries()) {
    const next = nextValues[i]!;
    if (!existing) {
      const id = await insertMember(trx, next, at);
      applied.created += 1;
      await appendAudit(trx, dialect, actor, { action: 'directory.member.imported', entity: 'member', entityId: id, after: snapshot(next) }, now);
    } else if (changed(existing, next)) {
      await updateMember(trx, existing.id, next, at);
      applied.updated += 1;
      await appendAudit(trx, dialect, actor, { action: 'directory.member.imported', entity: 'member', entityId: existing.id, before: snapshot(existing), after: snapshot(next) }, now);
    } else applied.unchanged += 1;
  }
  return applied;
}
