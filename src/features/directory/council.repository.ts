// The council itself: one row.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';
export type CouncilKind = 'principal' | 'town';

export type Council = { name: string; profileId: string; nation: Nation; kind: CouncilKind; areaTerm: 'ward' | 'division' };

export async function councilSummary(q: Q): Promise<Council | undefined> {
  const row = await q.selectFrom('council').select(['name', 'profile_id', 'nation', 'kind', 'area_term']).where('id', '=', 1).executeTakeFirst();
  return (
    row && {
      name: row.name,
      profileId: row.profile_id,
      nation: row.nation as Nation,
      kind: row.kind as CouncilKind,
      areaTerm: row.area_term === 'division' ? 'division' : 'ward',
    }
  );
}

export async function saveCouncil(q: Q, council: Council, at: string): Promise<void> {
  const values = {
    name: council.name,
    profile_id: council.profileId,
    nation: council.nation,
    kind: council.kind,
    area_term: council.areaTerm,
    updated_at: at,
  };
  await q
    .insertInto('council')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Creates the council row; fails if there is one already, so that two first starts cannot both seed. */
export async function createCouncil(q: Q, council: Council, at: string): Promise<void> {
  await q
    .insertInto('council')
    .values({ id: 1, name: council.name, profile_id: council.profileId, nation: council.nation, kind: council.kind, area_term: council.areaTerm, updated_at: at })
    .execute();
}
