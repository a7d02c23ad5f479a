// The duties a decision lays on a workflow: for each obligation that applies, what must be done to carry it
// out, with the clauses it comes from. Read from the rules that held, so a workflow does exactly what the
// council's own protocol asks and nothing borrowed from another council's.
import type { Decision, Duty, Profile, Strength } from './types.ts';

export type DutyToCarry = { duty: Duty; rule: string; what: string; clauses: string[]; strength: Strength };

/**
 * The duties of an allowed action. With `despiteAdvice`, also those of an action the protocol advises against
 * but does not forbid outright ("should not", "will normally not"), for when it goes ahead all the same.
 */
export function dutiesOf(profile: Profile, decision: Decision, options: { despiteAdvice?: boolean } = {}): DutyToCarry[] {
  const advisedAgainst = decision.outcome === 'forbid' && decision.strength !== 'must' && options.despiteAdvice === true;
  if (decision.outcome !== 'permit' && decision.outcome !== 'refer' && !advisedAgainst) return [];
  const held = new Set(decision.explanation.filter((line) => line.held === true).map((line) => line.rule));
  const duties: DutyToCarry[] = [];
  for (const rule of profile.rules) {
    if (rule.question !== decision.question || rule.effect !== 'require' || !held.has(rule.id)) continue;
    for (const duty of rule.duties ?? []) duties.push({ duty, rule: rule.id, what: rule.obligation ?? rule.because, clauses: rule.clauses, strength: rule.strength });
  }
  return duties;
}

/** Whether any obligation that applies asks for this duty. */
export function hasDuty(duties: readonly Pick<DutyToCarry, 'duty'>[], duty: Duty): boolean {
  return duties.some((d) => d.duty === duty);
}
