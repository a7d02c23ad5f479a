// district-section-d: concerns and complaints (1.3), instructions (5.3) and officers before the Overview
// Committees (2.3, 2.6, 3.1, 5.1, 5.2).
import { rulesFor } from '../../rules.ts';
import type { Condition, Party, Rule, Strength } from '../../types.ts';

const complaint = rulesFor('complaint-route');
const instruction = rulesFor('member-instruction');
const scrutiny = rulesFor('scrutiny-attendance');

/** 1.3 names people to choose among ("as the member sees fit"), not one decider: the route holds the choice. */
function referToAnyOf(id: string, spec: { clauses: string[]; strength: Strength; when: Condition; because: string; route: Party[][] }): Rule {
  return { id, question: 'complaint-route', effect: 'refer', consult: [], ...spec };
}

// 1.3 draws no line by seriousness or formality and names no Standards Committee stage; complaints about the
// Chief Executive, between members, or between officers are not addressed: not-covered.
export const complaintRoute = [
  referToAnyOf('officer-aware-of-member-action', {
    clauses: ['1.3'],
    strength: 'should',
    when: { complainant: 'officer', about: 'member' },
    route: [['head-of-service', 'director', 'chief-executive']],
    because: 'an employee who learns of a member’s action at odds with the protocol is free to tell their Head of Service, a Director or the Chief Executive',
  }),
  referToAnyOf('member-concern-about-an-officer', {
    clauses: ['1.3'],
    strength: 'should',
    when: { complainant: ['member', 'public-via-member'], about: 'officer' },
    route: [['director', 'chief-executive']],
    because: 'a member with a complaint or doubt about an officer, or who receives one from the public, takes it to the officer’s Director or the Chief Executive, whichever the member thinks fit',
  }),
  complaint.require('not-challenging-the-officer', {
    clauses: ['1.3'],
    strength: 'should',
    when: { complainant: ['member', 'public-via-member'], about: 'officer' },
    obligation: 'Do not take the matter up with the officer personally',
    because: 'the member does not confront the officer concerned',
  }),
];

// Not a closed list, and no basis on which members may instruct is named; only the limit in 5.3.
export const memberInstruction = [
  instruction.forbid('officers-answer-to-their-managers', {
    clauses: ['5.3'],
    strength: 'should',
    when: { basis: 'none' },
    because: 'senior officers may expect members to respect that employees answer first to their line manager, Head of Service, a Director or the Chief Executive, not to any single member',
  }),
];

// Contrast model 67–75: nothing here about junior officers giving evidence or questions on conduct; but 5.1 does
// say who decides whether other employees attend a committee.
export const scrutinyAttendance = [
  scrutiny.forbid('political-neutrality-respected', {
    clauses: ['2.3', '3.1', '5.2'],
    strength: 'should',
    when: { politicalViewsSought: true },
    because: 'officers’ political neutrality is to be respected: they should not be asked to do anything likely to compromise it, such as giving political views',
  }),
  scrutiny.permit('chief-executive-supports-scrutiny', {
    clauses: ['2.6'],
    strength: 'should',
    when: { officerGrade: 'chief-executive', politicalViewsSought: false },
    because: 'the Chief Executive is responsible for effective scrutiny and for supporting the Overview Committees’ work, including officers’ attendance and advice',
  }),
  scrutiny.permit('directors-and-heads-of-service-attend-as-required', {
    clauses: ['3.1'],
    strength: 'should',
    when: { officerGrade: ['director', 'head-of-service'], politicalViewsSought: false },
    because: 'Directors and Heads of Service go to Overview Committee meetings whenever they are needed there',
  }),
  scrutiny.refer('other-employees-as-the-chief-executive-determines', {
    clauses: ['5.1'],
    when: { officerGrade: ['senior', 'junior'], politicalViewsSought: false },
    decider: 'chief-executive',
    because: 'other employees attend council committees as the Chief Executive (or, in his absence, the Directors) decides',
  }),
];
