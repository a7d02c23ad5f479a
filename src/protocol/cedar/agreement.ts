// What it means for Nolan and Cedar to agree on one scenario with every fact known (export.ts has the mapping).
// Pure: it reads a Nolan decision and a Cedar response; calling Cedar is the tests' and the benchmark's business.
import type { Decision, Facts, Profile, Rule } from '../types.ts';
import { cedarPolicies } from './export.ts';

/** The three answers both engines can give: go ahead, do not, or the protocol does not say. */
export type Verdict = 'allow' | 'forbid' | 'not-covered';

/** The part of Cedar's authorization response that is compared (cedar-wasm's `Response`). */
export type CedarResponse = {
  decision: 'allow' | 'deny';
  diagnostics: { reason: string[]; errors: { policyId: string; error: { message: string } }[] };
};

/** Nolan's closed list applies only where the question has rules at all (engine.ts: "closedList && considered"). */
export function isClosedList(profile: Profile, question: string): boolean {
  return profile.questions[question]?.closedList === true && profile.rules.some((r) => r.question === question);
}

export function nolanVerdict(decision: Decision): Verdict | null {
  if (decision.outcome === 'permit' || decision.outcome === 'refer') return 'allow';
  if (decision.outcome === 'forbid' || decision.outcome === 'not-covered') return decision.outcome;
  return null;
}

/** A deny with no determining policy is Cedar's default: a forbid on a closed list, silence elsewhere. */
export function cedarVerdict(response: CedarResponse, closedList: boolean): Verdict {
  if (response.decision === 'allow') return 'allow';
  if (response.diagnostics.reason.length) return 'forbid';
  return closedList ? 'forbid' : 'not-covered';
}

function sameSet(a: string[], b: string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((x, i) => x === right[i]);
}

export type Scenario = { question: string; facts: Facts };

/**
 * For one profile: a function that returns null when both engines agree on a scenario, or says how they differ.
 * Beyond the verdict, the policies Cedar names as determining must be exactly the rules Nolan found to hold
 * (the forbids that held for a forbid, the permits, referrals and obligations that held for an allow).
 */
export function agreementFor(profile: Profile): (scenario: Scenario, decision: Decision, response: CedarResponse) => string | null {
  const ids = new Map<Rule, string>(cedarPolicies(profile).map((p) => [p.rule, p.id]));
  const rulesOf = new Map<string, Rule[]>();
  for (const rule of profile.rules) rulesOf.set(rule.question, [...(rulesOf.get(rule.question) ?? []), rule]);

  return ({ question, facts }, decision, response) => {
    const rules = rulesOf.get(question) ?? [];
    const closedList = isClosedList(profile, question);
    // evaluate() explains the question's rules first, in profile order, then any closing line of its own.
    const held = rules.filter((rule, i) => decision.explanation[i]?.rule === rule.id && decision.explanation[i]?.held === true);
    const heldIds = (allow: boolean) => held.filter((r) => (r.effect !== 'forbid') === allow).map((r) => ids.get(r)!);
    const scene = () =>
      `${profile.id} · ${question} · facts ${JSON.stringify(facts)}\n` +
      `  Nolan: ${decision.outcome} (rules that held: ${held.map((r) => `${r.id} [${r.effect}]`).join(', ') || 'none'})\n` +
      `  Cedar: ${response.decision} (determining: ${response.diagnostics.reason.join(', ') || 'none'})`;

    if (response.diagnostics.errors.length) {
      const errors = response.diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`).join('; ');
      return `Cedar could not evaluate some policies (${errors})\n${scene()}`;
    }
    const nolan = nolanVerdict(decision);
    if (nolan === null) return `Nolan answered ${decision.outcome} (needs ${decision.needs.join(', ')}) though every fact was given\n${scene()}`;
    const cedar = cedarVerdict(response, closedList);
    if (nolan !== cedar) return `Nolan says ${nolan}, Cedar says ${cedar}${closedList ? ' (a closed list)' : ''}\n${scene()}`;
    const expected = nolan === 'not-covered' ? [] : heldIds(nolan === 'allow');
    if (!sameSet(response.diagnostics.reason, expected)) {
      return `both say ${nolan}, but Cedar's determining policies are not the rules that held (expected ${expected.join(', ') || 'none'})\n${scene()}`;
    }
    // A closed list allows only what it lists: an obligation that holds is not itself one of the listed cases.
    if (closedList && nolan === 'allow' && !held.some((r) => r.effect === 'permit' || r.effect === 'refer')) {
      return `on a closed list, Nolan allows on an obligation alone: no permit or referral holds\n${scene()}`;
    }
    return null;
  };
}

/** The day both engines are asked about: a fixed day, or the latest adoption if a profile was adopted later. */
export function askOn(profile: Profile): string {
  return profile.versions.reduce((latest, v) => (v.adoptedOn !== null && v.adoptedOn > latest ? v.adoptedOn : latest), '2026-11-23');
}
