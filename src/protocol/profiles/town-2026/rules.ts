// town-2026: the few questions this short protocol answers — instructions (2.1–2.5), party groups (4.1)
// and what to do when things go wrong (5.1–5.3). It is silent on the rest.
import { rulesFor } from '../../rules.ts';

const instruction = rulesFor('member-instruction');
const briefing = rulesFor('group-briefing');
const complaint = rulesFor('complaint-route');

export const memberInstruction = [
  instruction.permit('through-the-councils-decisions', {
    clauses: ['2.1', '2.4'],
    when: { basis: 'formal-decision' },
    because: 'officers do the council’s work as the Council and its committees direct, and carry out the policies the Council sets',
  }),
  instruction.forbid('no-single-councillor-directs-officers', {
    clauses: ['2.1', '2.2'],
    when: { basis: 'none' },
    because: 'officers answer to the Council, and day-to-day management is not a councillor’s role',
  }),
  instruction.require('no-party-political-work', {
    clauses: ['2.3'],
    when: { basis: 'formal-decision' },
    obligation: 'Ask the officer for no party-political work and nothing that would compromise their role; chairmen and vice-chairmen included',
    because: 'even a chairman or vice-chairman, whose dealings with officers are closer, must respect their impartiality',
  }),
  instruction.require('proper-officer-and-rfo-unobstructed', {
    clauses: ['2.5'],
    when: { basis: 'formal-decision' },
    obligation: 'Respect the legal duties of the Proper Officer and the RFO and do not obstruct them',
    because: 'some officers carry legal responsibilities beyond their duties to the council and its councillors',
  }),
];

// 4.1 gives "limits" on party-political advice as an illustration, without "must": kept as `should`.
export const groupBriefing = [
  briefing.forbid('limits-on-party-political-advice', {
    clauses: ['4.1'],
    strength: 'should',
    when: { partyBusiness: true },
    because: 'keeping the roles apart limits what councillors may ask officers to advise on, party-political issues among them',
  }),
  briefing.require('no-appearance-of-favour', {
    clauses: ['4.1'],
    strength: 'should',
    when: { partyBusiness: false },
    obligation: 'Deal with the group so that no one could suspect the officer of favouring it over other councillors or groups',
    because: 'an officer’s dealings with a party group should not give the public reason to suspect favouritism',
  }),
];

// Conciliation first (5.1); then the formal routes open to each side. An officer's formal routes are the
// council's grievance policy and/or a Code of Conduct complaint to the Borough Council's Monitoring Officer (5.2);
// a councillor's is the council's disciplinary policy (5.3).
export const complaintRoute = [
  complaint.refer('officer-about-councillor', {
    clauses: ['5.1', '5.2'],
    strength: 'should',
    when: { complainant: 'officer', about: 'member' },
    decider: 'informal-resolution',
    route: [['informal-resolution'], ['grievance-procedure', 'principal-council-monitoring-officer']],
    because: 'matters are best settled informally by conciliation; failing that, the officer may use the grievance policy, complain under the Code of Conduct to the Borough Council’s Monitoring Officer, or both',
  }),
  complaint.refer('councillor-about-officer', {
    clauses: ['5.1', '5.3'],
    strength: 'should',
    when: { complainant: 'member', about: 'officer' },
    decider: 'informal-resolution',
    route: [['informal-resolution'], ['disciplinary-procedure']],
    because: 'matters are best settled informally by conciliation; failing that, the councillor may turn to the council’s disciplinary policy',
  }),
];
