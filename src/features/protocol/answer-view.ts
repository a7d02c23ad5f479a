// A decision as a page shows it: the headline, who decides, the route, duties, the deadline explained, the clauses.
import type { Decision, Profile } from '../../protocol/types.ts';
import { headline, partyLabel } from '../../protocol/wording.ts';
import { explainWorkingDays, workingCalendar } from '../../protocol/working-days.ts';
import { parameterOn } from '../../protocol/versions.ts';
import type { Nation } from '../../protocol/types.ts';

export type AnswerView = {
  headline: string;
  outcome: Decision['outcome'];
  strength: Decision['strength'];
  decider: string | null;
  consult: string[];
  route: string[];
  obligations: Decision['obligations'];
  deadline: { date: string; workingDays: number; parameterClause: string; counted: string[]; skipped: { date: string; why: string }[]; note?: string } | null;
  needs: string[];
  reasons: { clauses: string[]; because: string }[];
  considered: Decision['explanation'];
  clauses: string[];
  warnings: string[];
  version: string;
};

export function answerView(profile: Profile, decision: Decision, facts: Record<string, unknown>, labels: Record<string, string>, on: string): AnswerView {
  let deadline: AnswerView['deadline'] = null;
  const withDeadline = profile.rules.find((r) => r.question === decision.question && r.deadlineParameter && decision.clauses.some((c) => r.clauses.includes(c)));
  if (decision.deadline && withDeadline?.deadlineParameter && typeof facts.received === 'string') {
    const parameter = parameterOn(profile, withDeadline.deadlineParameter, on);
    const nation = (typeof facts.nation === 'string' ? facts.nation : profile.nation) as Nation;
    const calendar = workingCalendar({ nation, closures: Array.isArray(facts.closures) ? (facts.closures as string[]) : [] });
    const explained = explainWorkingDays(calendar, facts.received, Number(parameter.value));
    deadline = {
      date: decision.deadline,
      workingDays: Number(parameter.value),
      parameterClause: parameter.clause,
      counted: explained.counted,
      skipped: explained.skipped,
      note: parameter.note,
    };
  }
  return {
    headline: headline(decision, profile),
    outcome: decision.outcome,
    strength: decision.strength,
    decider: decision.decider ? partyLabel(profile, decision.decider) : null,
    consult: decision.consult.map((p) => partyLabel(profile, p)),
    route: decision.route.map((stage) => stage.map((p) => partyLabel(profile, p)).join(' or ')),
    obligations: decision.obligations,
    deadline,
    needs: decision.needs.map((n) => labels[n] ?? n),
    reasons: decision.explanation.filter((e) => e.held === true).map((e) => ({ clauses: e.clauses, because: e.because })),
    considered: decision.explanation,
    clauses: decision.clauses,
    warnings: decision.warnings,
    version: decision.version,
  };
}
