// `npm run bench` (the engine part): the same generated scenarios decided by Nolan's evaluate() and by Cedar
// (cedar-wasm) in one run, per-decision times and the ratio. Target (DESIGN.md): Nolan ≥ 100× faster.
// Measured in rounds that alternate the engines, each round long enough to time, and the median round kept:
// these are shared 2-core machines. `node bench/engine.ts` runs this part alone.
import os from 'node:os';
import * as fc from 'fast-check';
import { evaluate } from '../src/protocol/engine.ts';
import { PROFILES } from '../src/protocol/profiles/index.ts';
import { QUESTIONS } from '../src/protocol/questions/index.ts';
import type { Decision, Facts, Profile } from '../src/protocol/types.ts';
import { agreementFor, askOn, nolanVerdict } from '../src/protocol/cedar/agreement.ts';
import type { CedarResponse } from '../src/protocol/cedar/agreement.ts';
import { cedarFor, cedarVersion } from '../src/protocol/cedar/cedar.test-support.ts';
import type { CedarProfile } from '../src/protocol/cedar/cedar.test-support.ts';
import { scenariosFor } from '../src/protocol/cedar/scenarios.test-support.ts';

const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 20_000);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = 3;
const SEED = 20261123;
const TARGET = 100;

type Case = { profile: Profile; on: string; cedar: CedarProfile; question: string; facts: Facts };

function generate(): Case[] {
  const pairs = PROFILES.flatMap((profile) => QUESTIONS.map((question) => ({ profile, question })));
  const each = Math.ceil(SCENARIOS / pairs.length);
  const cedars = new Map(PROFILES.map((p) => [p, cedarFor(p)]));
  return pairs.flatMap(({ profile, question }, i) => {
    const { arbitrary } = scenariosFor(question, profile.rules.filter((r) => r.question === question.id));
    return fc.sample(arbitrary, { numRuns: each, seed: SEED + i }).map((facts) => ({ profile, on: askOn(profile), cedar: cedars.get(profile)!, question: question.id, facts }));
  });
}

let sink = 0;

/** Mean µs per decision over whole passes of the scenarios, repeated until the round has run long enough. */
function round(cases: Case[], decide: (c: Case) => string): number {
  let decisions = 0;
  const started = performance.now();
  let elapsed: number;
  do {
    for (const c of cases) sink += decide(c).length;
    decisions += cases.length;
    elapsed = performance.now() - started;
  } while (elapsed < ROUND_MS);
  return (1000 * elapsed) / decisions;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const nolan = (c: Case) => evaluate(c.profile, c.question, c.facts, c.on).outcome;
const cedarPreparsed = (c: Case) => c.cedar.decide(c.question, c.facts).decision;
const cedarParsingEachTime = (c: Case) => c.cedar.decideParsingEachTime(c.question, c.facts).decision;

function agreement(cases: Case[]): string {
  const checks = new Map(PROFILES.map((p) => [p, agreementFor(p)]));
  const tally = new Map<string, number>();
  let first: string | null = null;
  let disagreements = 0;
  for (const c of cases) {
    const decision: Decision = evaluate(c.profile, c.question, c.facts, c.on);
    const response: CedarResponse = c.cedar.decide(c.question, c.facts);
    const problem = checks.get(c.profile)!({ question: c.question, facts: c.facts }, decision, response);
    const verdict = nolanVerdict(decision) ?? decision.outcome;
    tally.set(verdict, (tally.get(verdict) ?? 0) + 1);
    if (problem) {
      disagreements += 1;
      first ??= problem;
    }
  }
  const counts = [...tally].map(([v, n]) => `${v} ${n.toLocaleString('en-GB')}`).join(' · ');
  if (!disagreements) return `Nolan and Cedar agree on all ${cases.length.toLocaleString('en-GB')} (${counts})`;
  return `Nolan and Cedar DISAGREE on ${disagreements} of ${cases.length} (${counts}); the first:\n${first}`;
}

export async function benchEngine(): Promise<void> {
  const cases = generate();
  // Parsing the whole policy set on every call takes milliseconds: a sample of the scenarios shows it well enough.
  const sample = cases.filter((_, i) => i % 50 === 0);
  console.log(`\n── engine: Nolan's evaluate() against Cedar ${cedarVersion} (cedar-wasm), the same scenarios ──`);
  console.log(`${cases.length.toLocaleString('en-GB')} generated scenarios, every fact given, over ${PROFILES.length} profiles × ${QUESTIONS.length} questions; Node ${process.versions.node}, ${os.cpus().length} cores`);
  // The agreement pass also warms both engines up: every code path compiled, every policy set parsed.
  console.log(agreement(cases));
  for (let i = 0; i < 3; i++) for (const c of cases) sink += nolan(c).length;
  for (const c of sample.slice(0, 20)) sink += cedarParsingEachTime(c).length;

  const times = { nolan: [] as number[], preparsed: [] as number[], parsing: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    times.nolan.push(round(cases, nolan));
    times.preparsed.push(round(cases, cedarPreparsed));
    times.parsing.push(round(sample, cedarParsingEachTime));
  }
  const n = median(times.nolan);
  const rows: [string, number][] = [
    ['Nolan evaluate()', n],
    ['Cedar, policy set parsed once (statefulIsAuthorized)', median(times.preparsed)],
    [`Cedar, policies parsed per call (isAuthorized; ${sample.length} of them)`, median(times.parsing)],
  ];
  console.log(`median of ${ROUNDS} alternating rounds`.padEnd(64), 'µs/decision'.padStart(12), 'vs Nolan'.padStart(10));
  for (const [label, us] of rows) console.log(label.padEnd(64), us.toFixed(2).padStart(12), (label.startsWith('Nolan') ? '' : `${(us / n).toFixed(0)}×`).padStart(10));
  const ratio = median(times.preparsed) / n;
  console.log(`Nolan is ${ratio.toFixed(0)}× faster than Cedar with its policy set parsed once (target ≥ ${TARGET}×): ${ratio >= TARGET ? 'met' : 'NOT met'}`);
  if (sink === -1) console.log(sink);
}

if (import.meta.main) await benchEngine();
