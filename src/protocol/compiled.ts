// A profile prepared once for fast evaluation: rules grouped by question, conditions as arrays,
// explanation wording built in advance. Pure memoisation keyed by the profile object.
import type { Condition, FactTest, Profile, Rule } from './types.ts';

export type CompiledRule = {
  rule: Rule;
  tests: readonly (readonly [name: string, expected: FactTest])[];
  applies: string;
  doesNotApply: string;
};

export type CompiledProfile = { byQuestion: ReadonlyMap<string, readonly CompiledRule[]> };

const cache = new WeakMap<Profile, CompiledProfile>();

function compileRule(rule: Rule): CompiledRule {
  return { rule, tests: Object.entries(rule.when as Condition), applies: rule.because, doesNotApply: `does not apply: ${rule.because}` };
}

export function compiled(profile: Profile): CompiledProfile {
  let found = cache.get(profile);
  if (!found) {
    const byQuestion = new Map<string, CompiledRule[]>();
    for (const rule of profile.rules) {
      const list = byQuestion.get(rule.question) ?? [];
      list.push(compileRule(rule));
      byQuestion.set(rule.question, list);
    }
    found = { byQuestion };
    cache.set(profile, found);
  }
  return found;
}
