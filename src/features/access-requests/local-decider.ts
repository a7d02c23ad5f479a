// The council's own choice of who decides a member's access where its protocol names nobody: by default the
// Monitoring Officer, or in a town or parish council the Proper Officer (the clerk), who holds that role there.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CouncilKind } from '../directory/council.repository.ts';
import type { Power } from '../../web/access.ts';
import { DECIDERS, type Decider } from './access-request.types.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export const LOCAL_DECIDER_KEY = 'access.local-decider';

export function defaultLocalDecider(kind: CouncilKind): Decider {
  return kind === 'town' ? 'proper-officer' : 'monitoring-officer';
}

export async function readLocalDecider(q: Q, kind: CouncilKind): Promise<Decider> {
  const row = await q.selectFrom('settings').select('value').where('key', '=', LOCAL_DECIDER_KEY).executeTakeFirst();
  return row && (DECIDERS as readonly string[]).includes(row.value) ? (row.value as Decider) : defaultLocalDecider(kind);
}

export async function saveLocalDecider(q: Q, decider: Decider): Promise<void> {
  await q.insertInto('settings').values({ key: LOCAL_DECIDER_KEY, value: decider }).onConflict((oc) => oc.column('key').doUpdateSet({ value: decider })).execute();
}

/** The statutory power a decider's office carries in the directory. */
export const DECIDER_POWER: Record<Decider, Power> = {
  'monitoring-officer': 'monitoring-officer',
  'proper-officer': 'proper-officer',
  'chief-executive': 'head-of-paid-service',
};
