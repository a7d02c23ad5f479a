// All SQL about wards (or divisions, on a county council).
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { Ward } from './directory.types.ts';
import { idsInInputOrder } from './batch-insert.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export async function listWards(q: Q): Promise<Ward[]> {
  const rows = await q.selectFrom('wards').select(['id', 'external_id', 'name']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, externalId: r.external_id, name: r.name }));
}

export async function findWard(q: Q, id: number): Promise<Ward | undefined> {
  const r = await q.selectFrom('wards').select(['id', 'external_id', 'name']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, externalId: r.external_id, name: r.name };
}

/** Names are unique, so they key the batch. */
export async function insertWards(q: Q, names: string[], at: string): Promise<number[]> {
  if (!names.length) return [];
  const rows = await q
    .insertInto('wards')
    .values(names.map((name) => ({ name, created_at: at })))
    .returning(['id', 'name'])
    .execute();
  return idsInInputOrder(rows, names, (r) => r.name);
}
