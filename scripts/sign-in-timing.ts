// How long a wrong password takes for an address with an account and for one without, on the engine the tests
// use (NOLAN_TEST_DB): the two must not differ by more than the noise, or the time would say which addresses
// have accounts. Each round makes MAX_FAILED_SIGN_INS wrong guesses at each address, the last of which locks,
// alternating which address goes first; the clock then moves past the lock.
//   NOLAN_TEST_DB=postgres node scripts/sign-in-timing.ts [rounds]
import { performance } from 'node:perf_hooks';
import { createTestApp } from '../test/support/app.ts';
import { createAccount, LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn } from '../src/features/accounts/accounts.service.ts';
import { systemActor } from '../src/actor.ts';

const rounds = Number(process.argv[2] ?? 20);
const WARM_UP = 2;
const known = 'timing@council.gov.uk';
const unknown = 'nobody-here@council.gov.uk';

const t = await createTestApp();
await createAccount(t.deps, systemActor, { email: known, fullName: 'Tim Timing', roles: ['democratic-services'], password: 'a lantern by the orchard gate' });

type Sample = { step: number; ms: number };
const samples: Record<'known' | 'unknown', Sample[]> = { known: [], unknown: [] };

async function time(email: string, step: number): Promise<number> {
  const start = performance.now();
  const result = await signIn(t.deps, email, `wrong guess ${step}`, { ip: '192.0.2.7' });
  const ms = performance.now() - start;
  if (result.ok) throw new Error('a wrong password was accepted');
  return ms;
}

for (let round = 0; round < rounds + WARM_UP; round++) {
  for (let step = 1; step <= MAX_FAILED_SIGN_INS; step++) {
    const order: ('known' | 'unknown')[] = (round + step) % 2 ? ['known', 'unknown'] : ['unknown', 'known'];
    for (const which of order) {
      const ms = await time(which === 'known' ? known : unknown, step);
      if (round >= WARM_UP) samples[which].push({ step, ms });
    }
  }
  t.clock.advance(LOCKOUT_MS + 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const figures = (list: Sample[]) => ({
  samples: list.length,
  median: Number(median(list.map((s) => s.ms)).toFixed(2)),
  medianBeforeLock: Number(median(list.filter((s) => s.step < MAX_FAILED_SIGN_INS).map((s) => s.ms)).toFixed(2)),
  medianAtLock: Number(median(list.filter((s) => s.step === MAX_FAILED_SIGN_INS).map((s) => s.ms)).toFixed(2)),
});
// Each known guess against the unknown one beside it: the drift of a shared machine cancels out of the pair.
const differences = samples.known.map((k, i) => k.ms - samples.unknown[i]!.ms);
const quartiles = (values: number[]) => [0.25, 0.5, 0.75].map((q) => Number([...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!.toFixed(2)));
console.log(JSON.stringify({ engine: t.db.dialect, known: figures(samples.known), unknown: figures(samples.unknown), pairedDifferenceQuartiles: quartiles(differences) }));
await t.close();
