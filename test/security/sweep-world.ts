// The council every sweep reads: one per test file, seeded once, with its canaries planted and the ids of its
// records gathered for the route table's parameters.
import { createTestApp, type TestApp } from '../support/app.ts';
import { seedSweepCouncil, type SweepCouncil } from './council.ts';
import { plantCanaries, type Canary } from './canaries.ts';
import { recordIds, type RecordIds } from './route-records.ts';

export type SweepWorld = { t: TestApp; c: SweepCouncil; canaries: Canary[]; ids: RecordIds };

export async function openSweepWorld(): Promise<SweepWorld> {
  const t = await createTestApp();
  const c = await seedSweepCouncil(t);
  const canaries = await plantCanaries(t, c);
  return { t, c, canaries, ids: await recordIds(t, c, canaries) };
}
