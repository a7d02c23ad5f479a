// evaluate(profile, question, facts, on) → Decision, with every rule considered and why.
// Precedence: forbid over refer over permit. `require` adds obligations to what is allowed.
import type { Condition, Decision, ExplanationLine, Facts, Party, Profile, Rule, Strength } from './types.ts';
import { compiled, type CompiledRule } from './compiled.ts';
import { parameterOn, versionOn } from './versions.ts';
export { EngineInputError } from './errors.ts';

const FORCE: Record<Strength, number> = { must: 3, should: 2, normally: 1 };

function strongest(rules: Rule[]): Strength | null {
  return rules.reduce<Strength | null>((s, r) => (s === null || FORCE[r.strength] > FORCE[s] ? r.strength : s), null);
}

/** Three-valued: false as soon as one known fact fails; undecided while a fact that could pass is missing. */
export function test(condition: Condition, facts: Facts): { held: boolean | null; missing: string[] } {
  const missing: string[] = [];
  for (const [name, expected] of Object.entries(condition)) {
    const value = facts[name];
    if (value === undefined || value === null) {
      missing.push(name);
      continue;
    }
    const passes = Array.isArray(expected) ? expected.includes(value as string) : value === expected;
    if (!passes) return { held: false, missing: [] };
  }
  return missing.length ? { held: null, missing } : { held: true, missing };
}

export type Deadlines = (received: string, workingDays: number, facts: Facts, profile: Profile) => string;

/** Three-valued test of a compiled condition; `missing` is filled only while the rule is undecided. */
function decide(tests: CompiledRule['tests'], facts: Facts, missing: string[]): boolean | null {
  let undecided = false;
  for (const [name, expected] of tests) {
    const value = facts[name];
    if (value === undefined || value === null) {
      missing.push(name);
      undecided = true;
      continue;
    }
    const passes = typeof expected === 'object' ? (expected as readonly unknown[]).includes(value) : value === expected;
    if (!passes) return false;
  }
  return undecided ? null : true;
}

function clausesOf(rules: readonly Rule[]): string[] {
  const seen: string[] = [];
  for (const r of rules) for (const c of r.clauses) if (!seen.includes(c)) seen.push(c);
  return seen;
}

type Open = { rule: Rule; missing: string[] };

export function evaluate(profile: Profile, question: string, facts: Facts, on: string, deadlines?: Deadlines): Decision {
  const { version, warnings } = versionOn(profile, on);
  const rules = compiled(profile).byQuestion.get(question) ?? [];
  const explanation: ExplanationLine[] = [];
  const forbids: Rule[] = [];
  const refers: Rule[] = [];
  const permits: Rule[] = [];
  const requires: Rule[] = [];
  const open: Record<Rule['effect'], Open[]> = { forbid: [], refer: [], permit: [], require: [] };
  for (const c of rules) {
    const missing: string[] = [];
    const held = decide(c.tests, facts, missing);
    const rule = c.rule;
    if (held === true) {
      (rule.effect === 'forbid' ? forbids : rule.effect === 'refer' ? refers : rule.effect === 'permit' ? permits : requires).push(rule);
      explanation.push({ rule: rule.id, clauses: rule.clauses, held, because: c.applies });
    } else if (held === false) {
      explanation.push({ rule: rule.id, clauses: rule.clauses, held, because: c.doesNotApply });
    } else {
      open[rule.effect].push({ rule, missing });
      explanation.push({ rule: rule.id, clauses: rule.clauses, held, because: `cannot tell without ${missing.join(', ')}: ${rule.because}` });
    }
  }
  const base: Decision = {
    profile: profile.id,
    version,
    warnings: warnings.slice(),
    question,
    outcome: 'not-covered',
    strength: null,
    decider: null,
    consult: [],
    route: [],
    obligations: [],
    deadline: null,
    needs: [],
    clauses: [],
    explanation,
  };
  if (forbids.length) return { ...base, outcome: 'forbid', strength: strongest(forbids), clauses: clausesOf(forbids) };

  // What is still unknown could change the answer: a forbid could override anything, a referral a permit.
  const undecided = [...open.forbid, ...(refers.length ? [] : open.refer), ...(refers.length || permits.length ? [] : [...open.permit, ...open.require])];
  const allowedSoFar = refers.length + permits.length + requires.length > 0;
  if (undecided.length || (allowedSoFar && open.require.length)) {
    const blocking = allowedSoFar ? [...undecided, ...open.require] : undecided;
    const needs: string[] = [];
    for (const o of blocking) for (const m of o.missing) if (!needs.includes(m)) needs.push(m);
    return { ...base, outcome: 'needs-facts', needs, clauses: clausesOf(blocking.map((o) => o.rule)) };
  }
  const allowed = refers.length ? refers : permits.length ? permits : requires;
  if (allowed.length) {
    const obligations = requires.filter((r) => r.obligation).map((r) => ({ what: r.obligation!, clauses: r.clauses }));
    const withDeadline = allowed.concat(requires).find((r) => r.deadlineParameter);
    let deadline: string | null = null;
    if (withDeadline?.deadlineParameter && deadlines) {
      const received = facts.received;
      if (typeof received !== 'string') return { ...base, outcome: 'needs-facts', needs: ['received'], clauses: withDeadline.clauses };
      const days = parameterOn(profile, withDeadline.deadlineParameter, on).value;
      if (typeof days === 'number') deadline = deadlines(received, days, facts, profile);
    }
    const consult: Party[] = [];
    for (const r of refers) for (const p of r.consult ?? []) if (!consult.includes(p)) consult.push(p);
    return {
      ...base,
      outcome: refers.length ? 'refer' : 'permit',
      strength: strongest(allowed),
      decider: refers.find((r) => r.decider)?.decider ?? null,
      consult,
      route: refers.find((r) => r.route?.length)?.route ?? [],
      obligations,
      deadline,
      clauses: clausesOf(allowed === requires ? requires : allowed.concat(requires)),
    };
  }
  const coverage = profile.questions[question];
  if (coverage?.closedList && rules.length) {
    const listed = clausesOf(rules.filter((c) => c.rule.effect === 'permit').map((c) => c.rule));
    explanation.push({ rule: 'only-the-listed-cases', clauses: listed, held: true, because: 'the protocol lists the only cases allowed, and none of them applies' });
    return { ...base, outcome: 'forbid', strength: 'must', clauses: listed };
  }
  const nearest = coverage?.nearest ?? [];
  explanation.push({
    rule: 'not-covered',
    clauses: nearest,
    held: true,
    because: rules.length ? 'no rule of this protocol applies to these facts' : 'this protocol does not address this question',
  });
  return { ...base, outcome: 'not-covered', clauses: nearest };
}
