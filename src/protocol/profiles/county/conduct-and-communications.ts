// county: breaches and complaints (1.6.4, 1.12, 1.6.2(d)), council events in a division (1.7.7), support services
// (1.9.1), letters (1.9.2), instructions (1.4.4, 1.5.4, 1.6.2(c), 1.11.5) and the media (1.9.3, 1.6.1).
import { rulesFor } from '../../rules.ts';
import type { Condition, Party, Rule, Strength } from '../../types.ts';

const complaint = rulesFor('complaint-route');
const meeting = rulesFor('public-meeting');
const resources = rulesFor('resource-use');
const letters = rulesFor('correspondence');
const instruction = rulesFor('member-instruction');
const media = rulesFor('media-statement');

/** 1.12.2 offers "the relevant Chief Officer or the Chief Executive": alternatives, so no single decider. */
function referToEither(id: string, spec: { clauses: string[]; strength: Strength; when: Condition; because: string; route: Party[][] }): Rule {
  return { id, question: 'complaint-route', effect: 'refer', consult: [], ...spec };
}

// 1.12 says complaints "may be referred": the weakest force the engine has ('normally'), never 'must'.
// Complaints about the Chief Executive, and complaints from the public, are not addressed: not-covered.
export const complaintRoute = [
  complaint.refer('member-treated-without-respect', {
    clauses: ['1.6.4(a)'],
    strength: 'should',
    when: { complainant: 'member', about: 'officer', formal: false },
    decider: 'line-manager',
    route: [['line-manager'], ['head-of-service', 'director'], ['disciplinary-procedure']],
    because: 'a member raises it with the employee’s line manager; if talking it through fails, it goes to the responsible Head of Service or Director, and a breach may lead to disciplinary action',
  }),
  referToEither('formal-complaint-about-an-employee', {
    clauses: ['1.12.2', '1.6.4(a)'],
    strength: 'normally',
    when: { complainant: 'member', about: 'officer', formal: true },
    route: [['chief-officer', 'chief-executive'], ['disciplinary-procedure']],
    because: 'a complaint that an employee breached the protocol may go to the relevant Chief Officer or the Chief Executive, and may lead to disciplinary action',
  }),
  referToEither('employee-complains-of-a-colleague', {
    clauses: ['1.12.2', '1.6.4(a)'],
    strength: 'normally',
    when: { complainant: 'officer', about: 'officer' },
    route: [['chief-officer', 'chief-executive'], ['disciplinary-procedure']],
    because: 'a complaint that an employee breached the protocol may go to the relevant Chief Officer or the Chief Executive, and may lead to disciplinary action',
  }),
  complaint.require('not-through-a-member', {
    clauses: ['1.6.2(d)'],
    when: { complainant: 'officer', about: 'officer' },
    obligation: 'Use the council’s grievance and disciplinary procedures or its Confidential Reporting Code: do not take claims about a colleague to a member',
    because: 'an employee must not bring accusations against colleagues to members: grievance, discipline and whistleblowing have their own formal channels',
  }),
  complaint.refer('employee-about-a-member', {
    clauses: ['1.6.4(b)'],
    strength: 'should',
    when: { complainant: 'officer', about: 'member', severity: 'minor' },
    decider: 'line-manager',
    route: [['line-manager'], ['head-of-service', 'director'], ['informal-resolution']],
    because: 'an employee consults their line manager, who brings in the Head of Service or Director if need be; many such complaints can be settled informally',
  }),
  complaint.refer('employee-about-a-member-serious', {
    clauses: ['1.6.4(b)', '1.12.1'],
    strength: 'should',
    when: { complainant: 'officer', about: 'member', severity: 'serious' },
    decider: 'line-manager',
    route: [['line-manager'], ['head-of-service', 'director'], ['monitoring-officer'], ['standards-committee']],
    because: 'after the line manager and, if need be, the Head of Service or Director, a serious enough breach may be referred formally to the Monitoring Officer for the Standards Committee to consider investigating',
  }),
  complaint.require('help-to-settle-informally', {
    clauses: ['1.6.4(b)'],
    when: { complainant: 'officer', about: 'member' },
    obligation: 'Where it can be settled informally, the Monitoring Officer or the Chief Executive helps with that if needed',
    because: 'many complaints can be settled without formality, and the Monitoring Officer or the Chief Executive helps when that is needed',
  }),
  complaint.refer('breach-by-a-member', {
    clauses: ['1.12.1'],
    strength: 'normally',
    when: { complainant: ['member', 'public-via-member'], about: 'member' },
    decider: 'monitoring-officer',
    route: [['monitoring-officer']],
    because: 'a complaint that a member breached the protocol may go to the Monitoring Officer; some breaches also breach the members’ Code of Conduct',
  }),
];

// 1.7.7 speaks only of events the council itself starts in a division; the protocol says nothing of members’
// own public meetings or of the election period, so those are not-covered.
export const publicMeeting = [
  meeting.require('invite-the-local-members', {
    clauses: ['1.7.7'],
    strength: 'should',
    when: { organiser: 'council', partyPolitical: false },
    obligation: 'Invite the members for the electoral divisions where the event takes place',
    because: 'local members should be invited to events the council initiates in their electoral division',
  }),
];

// 1.9.1: support services "must" serve council business only; the next sentence says the same of party,
// campaigning and private use ("should never"), so 'must' is the clause's own force, not a strengthening.
export const resourceUse = [
  resources.permit('for-a-members-council-role', {
    clauses: ['1.9.1'],
    when: { use: ['council', 'ward'] },
    because: 'support services are provided to help members carry out their role as councillors, including for their division',
  }),
  resources.forbid('council-business-only', {
    clauses: ['1.9.1'],
    when: { use: ['party-political', 'campaigning', 'private'] },
    because: 'support services may be used only on council business, never for party-political or campaigning activity or private purposes',
  }),
];

// 1.9.2 is about official letters for the council; it says nothing of blind copies or of ward-capacity letters.
export const correspondence = [
  letters.forbid('obligations-never-in-a-members-name', {
    clauses: ['1.9.2'],
    strength: 'should',
    when: { createsObligation: true, inMemberName: true },
    because: 'a letter that creates obligations or gives instructions for the council should never go out in a member’s name',
  }),
  letters.forbid('official-letters-not-over-a-members-name', {
    clauses: ['1.9.2'],
    strength: 'normally',
    when: { inMemberName: true, createsObligation: false, wardCapacity: false },
    because: 'letters sent for the council carry the responsible employee’s name; a member’s name fits only some cases, such as answering a letter addressed to that member',
  }),
  letters.permit('official-letters-from-the-employee', {
    clauses: ['1.9.2'],
    strength: 'should',
    when: { inMemberName: false },
    because: 'letters sent for the council should carry the name of the responsible employee',
  }),
];

// Not a closed list: the protocol does not say how members may instruct, only where employees' duty lies.
export const memberInstruction = [
  instruction.forbid('employees-answer-to-their-managers', {
    clauses: ['1.11.5'],
    when: { basis: 'none' },
    because: 'employees serve the council as a whole and answer to the Chief Executive and their Directors or Heads of Service, not to any individual member, whatever their office',
  }),
  instruction.permit('through-council-decisions', {
    clauses: ['1.4.4', '1.5.4'],
    when: { basis: 'formal-decision' },
    because: 'members take part in the decisions of Full Council and its bodies, and employees carry out the policy agreed',
  }),
  instruction.permit('support-services-for-members', {
    clauses: ['1.9.1'],
    when: { basis: 'consumables' },
    because: 'the council provides support services such as stationery, printing and transport to help members in their role',
  }),
  instruction.require('council-business-only', {
    clauses: ['1.9.1'],
    when: { basis: 'consumables' },
    obligation: 'Use the support services only on council business',
    because: 'support services may be used only on council business',
  }),
  instruction.require('no-undue-pressure', {
    clauses: ['1.6.2(c)'],
    strength: 'should',
    when: { basis: ['formal-decision', 'consumables'] },
    obligation: 'Put no undue pressure on the employee to act beyond their powers or to work outside normal duties or hours, and take particular care over council property and services',
    because: 'a member should not lean on an employee to act beyond their powers, or to work beyond their usual duties or hours',
  }),
];

// Nothing here about stating one's capacity or the election period: those facts stay unused.
export const mediaStatement = [
  media.permit('comment-is-for-members', {
    clauses: ['1.9.3'],
    because: 'talking to the press is a real part of many members’ work; as a rule members offer opinion and comment while employees supply facts',
  }),
  media.require('check-the-facts-when-unsure', {
    clauses: ['1.9.3'],
    strength: 'should',
    obligation: 'If unsure of the background, check with the responsible Director or Head of Service, directly or through the Media Team',
    because: 'a member unsure of the background to an issue should check it with the responsible Director or Head of Service, or have the Media Team do so',
  }),
  media.require('no-public-criticism-of-employees', {
    clauses: ['1.6.1'],
    strength: 'should',
    when: { aboutOfficer: true },
    obligation: 'Do what you can to avoid criticising the employee in public',
    because: 'members and employees should try hard not to criticise one another in public',
  }),
];
