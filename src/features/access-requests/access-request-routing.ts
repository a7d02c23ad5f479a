// Who answers a member's request to see a document (or for information), asked of the council's protocol (`document-access`): it
// grants or refuses at once where the protocol settles the question, and otherwise goes to the officer the
// protocol names. Where the protocol names nobody, the council's own setting does, labelled as local. A request
// where personal data or the member's own interest is at stake goes to the Monitoring Officer's advice first
// (`model` 114). Pure: the caller passes the profile id, the facts and the day.
import { check } from '../../protocol/check.ts';
import type { Decision, Party } from '../../protocol/types.ts';
import type { AccessFacts } from './access-request-facts.ts';
import { DECIDERS, type Decider, type DeciderBasis } from './access-request.types.ts';

export type Routed = {
  answer: Decision;
  status: 'granted' | 'refused' | 'awaiting-advice' | 'awaiting-decision';
  decider: Decider;
  basis: DeciderBasis;
  consult: Party[];
  clauses: string[];
  adviceFirst: boolean;
  /** For an answer the protocol gives at once: its reasons, with their clauses. */
  reasons: string | null;
};

function asDecider(party: Party | null): Decider | null {
  return party !== null && (DECIDERS as readonly string[]).includes(party) ? (party as Decider) : null;
}

function ask(profileId: string, facts: Record<string, unknown>, day: string): Decision {
  return check(profileId, { question: 'document-access', facts }, day);
}

/** The protocol's reasons for an answer: each rule that held, with its clauses. */
export function heldReasons(answer: Decision): string {
  return answer.explanation
    .filter((e) => e.held === true && e.rule !== 'not-covered')
    .map((e) => `Clause ${e.clauses.join(', ')}: ${e.because}.`)
    .join('\n');
}

export function routeAccessRequest(profileId: string, facts: AccessFacts, day: string, localDecider: Decider): Routed {
  const answer = ask(profileId, facts, day);
  const base = { answer, consult: [] as Party[], adviceFirst: false, reasons: null };
  if (answer.outcome === 'permit' || answer.outcome === 'forbid') {
    return { ...base, status: answer.outcome === 'permit' ? 'granted' : 'refused', decider: localDecider, basis: 'protocol', clauses: answer.clauses, reasons: heldReasons(answer) };
  }
  if (answer.outcome === 'refer') {
    const named = asDecider(answer.decider);
    const adviceFirst = named === 'monitoring-officer' && (facts.personalData || facts.personalInterest);
    return { ...base, status: adviceFirst ? 'awaiting-advice' : 'awaiting-decision', decider: named ?? localDecider, basis: named ? 'protocol' : 'local', consult: answer.consult, clauses: answer.clauses, adviceFirst };
  }
  // The protocol needs a judgment the record cannot give (above all, whether a need to know is shown): the
  // officer it names for an unshown need decides it; if it names none, the council's own decider does.
  if (answer.outcome === 'needs-facts') {
    // A classification left for a person (information has none) must not skip the advice 114 asks for first:
    // asked as if it were open, the protocol shows whether the Monitoring Officer advises before anyone decides.
    if (facts.personalData || facts.personalInterest) {
      const asOpen = ask(profileId, { classification: 'open', ...facts, needToKnowShown: false }, day);
      if (asOpen.outcome === 'refer' && asDecider(asOpen.decider) === 'monitoring-officer') {
        return { ...base, status: 'awaiting-advice', decider: 'monitoring-officer', basis: 'protocol', consult: asOpen.consult, clauses: asOpen.clauses, adviceFirst: true };
      }
    }
    const unshown = ask(profileId, { ...facts, needToKnowShown: false }, day);
    const named = unshown.outcome === 'refer' ? asDecider(unshown.decider) : null;
    if (named) return { ...base, status: 'awaiting-decision', decider: named, basis: 'protocol', consult: unshown.consult, clauses: unshown.clauses };
  }
  return { ...base, status: 'awaiting-decision', decider: localDecider, basis: 'local', clauses: answer.outcome === 'not-covered' ? answer.clauses : [] };
}

/** Who reviews a disputed refusal: the officer the protocol names for a dispute about a member's need to know
 * (`model` 113), else for that member's request without a shown need, else the council's own decider. */
export function disputeDecider(profileId: string, facts: AccessFacts, day: string, localDecider: Decider): { decider: Decider; basis: DeciderBasis; clauses: string[] } {
  for (const tried of [{ ...facts, needToKnowShown: false }, { ...facts, memberOfBody: false, classification: 'open', needToKnowShown: false }]) {
    const answer = ask(profileId, tried, day);
    const named = answer.outcome === 'refer' ? asDecider(answer.decider) : null;
    if (named) return { decider: named, basis: 'protocol', clauses: answer.clauses };
  }
  return { decider: localDecider, basis: 'local', clauses: [] };
}
