// All SQL about political groups. A group's leader and deputy are members holding that group role.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { PoliticalGroup } from './directory.types.ts';
import { idsInInputOrder } from './batch-insert.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export async function listGroups(q: Q): Promise<PoliticalGroup[]> {
  const rows = await q.selectFrom('political_groups').select(['id', 'external_id', 'name', 'short_name']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, name: r.name, shortName: r.short_name }));
}

export async function findGroup(q: Q, id: number): Promise<PoliticalGroup | undefined> {
  const r = await q.selectFrom('political_groups').select(['id', 'external_id', 'name', 'short_name']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, externalId: r.external_id, name: r.name, shortName: r.short_name };
}

export async function insertGroups(q: Q, groups: { name: string; shortName: string }[], at: string): Promise<number[]> {
  if (!groups.length) return [];
  const rows = await q
    .insertInto('political_groups')
    .values(groups.map((g) => ({ name: g.name, short_name: g.shortName, created_at: at })))
    .returning(['id', 'name'])
    .execute();
  return idsInInputOrder(rows, groups.map((g) => g.name), (r) => r.name);
}
