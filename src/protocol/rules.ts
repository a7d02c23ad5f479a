// The rule-writing vocabulary: a rule reads like the clause it implements.
import type { Condition, Duty, Party, Rule, Strength } from './types.ts';

type RuleSpec = { clauses: string[]; strength?: Strength; when?: Condition; because: string };

function rule(question: string, effect: Rule['effect'], id: string, spec: RuleSpec, extra: Partial<Rule> = {}): Rule {
  return { id, question, clauses: spec.clauses, effect, strength: spec.strength ?? 'must', when: spec.when ?? {}, because: spec.because, ...extra };
}

/** Rules for one question, written as that question's clauses read. */
export function rulesFor(question: string) {
  return {
    permit: (id: string, spec: RuleSpec) => rule(question, 'permit', id, spec),
    forbid: (id: string, spec: RuleSpec) => rule(question, 'forbid', id, spec),
    refer: (id: string, spec: RuleSpec & { decider: Party; consult?: Party[]; route?: Party[][] }) =>
      rule(question, 'refer', id, spec, { decider: spec.decider, consult: spec.consult ?? [], route: spec.route ?? [] }),
    require: (id: string, spec: RuleSpec & { obligation: string; deadlineParameter?: string; duties?: Duty[] }) =>
      rule(question, 'require', id, spec, { obligation: spec.obligation, deadlineParameter: spec.deadlineParameter, ...(spec.duties ? { duties: spec.duties } : {}) }),
  };
}
