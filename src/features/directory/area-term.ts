// What this council calls its electoral areas: wards, or divisions on a county council.
import type { Deps } from '../../deps.ts';
import { councilSummary } from './council.repository.ts';

export type AreaWords = { singular: string; plural: string };

export async function areaWords(deps: Pick<Deps, 'db'>): Promise<AreaWords> {
  const council = await councilSummary(deps.db.kysely);
  return council?.areaTerm === 'division' ? { singular: 'Division', plural: 'Divisions' } : { singular: 'Ward', plural: 'Wards' };
}
