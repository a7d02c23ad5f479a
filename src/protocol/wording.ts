// How a decision reads to a person: outcomes in plain English, and each party by the title the protocol uses.
import type { Decision, Party, Profile } from './types.ts';

export const PARTY_LABELS: Record<Party, string> = {
  'chief-executive': 'Chief Executive (Head of Paid Service)',
  'monitoring-officer': 'Monitoring Officer',
  'chief-finance-officer': 'Chief Finance Officer',
  'proper-officer': 'Proper Officer',
  'responsible-financial-officer': 'Responsible Financial Officer',
  'line-manager': 'the officer’s line manager',
  'head-of-service': 'Head of Service',
  director: 'Director',
  'chief-officer': 'Chief Officer',
  'group-leader': 'the party group leader',
  'council-chairman': 'Chairman of the Council',
  'cabinet-leader': 'Leader of the Cabinet',
  'committee-chair': 'the committee chair',
  'employment-committee-chair': 'chair of the Employment Committee',
  'standards-committee': 'Standards Committee',
  'independent-person': 'Independent Person',
  'principal-council-monitoring-officer': 'the district or borough council’s Monitoring Officer',
  'disciplinary-procedure': 'the disciplinary procedure',
  'grievance-procedure': 'the grievance procedure',
  'informal-resolution': 'informal resolution',
};

export function partyLabel(profile: Profile, party: Party): string {
  return profile.titles[party] ?? PARTY_LABELS[party];
}

/** The answer in one sentence, keeping the protocol's strength. */
export function headline(decision: Decision, profile: Profile): string {
  const { outcome, strength } = decision;
  switch (outcome) {
    case 'permit':
      return strength === 'normally' ? 'Yes, normally: the protocol allows this in the usual case' : 'Yes: the protocol allows this';
    case 'forbid':
      if (strength === 'normally') return 'Normally not: the protocol says this should not usually happen';
      if (strength === 'should') return 'No: the protocol says this should not happen';
      return 'No: the protocol does not allow this';
    case 'refer':
      return `Not yours to decide: this goes to the ${decision.decider ? partyLabel(profile, decision.decider) : 'person the protocol names'}`;
    case 'needs-facts':
      return 'More facts are needed before the protocol can answer';
    case 'not-covered':
      return 'The protocol does not cover this';
  }
}
