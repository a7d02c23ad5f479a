// bristol-2019: resources (17, 33), publicity before an election (32), instructions and pressure (2, 4, 5, 7, 9)
// and scrutiny (8, 34, 37).
import { rulesFor } from '../../rules.ts';

const resources = rulesFor('resource-use');
const media = rulesFor('media-statement');
const instruction = rulesFor('member-instruction');
const scrutiny = rulesFor('scrutiny-attendance');
const FAIR_REQUEST = { politicalViewsSought: false, aboutOfficerConduct: false } as const;

export const resourceUse = [
  resources.permit('support-for-the-members-role', {
    clauses: ['17'],
    when: { use: ['council', 'ward'] },
    because: 'the council provides support services such as stationery, printing and transport only to help members do their job as members',
  }),
  resources.forbid('not-for-politics-campaigns-or-private-use', {
    clauses: ['17'],
    strength: 'should',
    when: { use: ['party-political', 'campaigning', 'private'] },
    because: 'council resources, ICT and social media included, should not go to party politics, campaigning or private ends',
  }),
  resources.forbid('members-neither-use-nor-ask-for-party-use', {
    clauses: ['33'],
    strength: 'should',
    when: { use: 'party-political' },
    because: 'a member should not put council resources to party-political use, and should not ask an officer to do it for them',
  }),
];

export const mediaStatement = [
  media.require('care-with-publicity-before-an-election', {
    clauses: ['32'],
    strength: 'should',
    when: { afterNoticeOfElection: true },
    obligation: 'Take particular care with publicity in the run-up to the election, following the Monitoring Officer’s pre-election guidance',
    because: 'particular care should be taken with publicity before an election, and the Monitoring Officer issues guidance for each pre-election period',
  }),
];

export const memberInstruction = [
  instruction.permit('through-the-councils-decisions', {
    clauses: ['2'],
    when: { basis: 'formal-decision' },
    because: 'officers do the council’s work as the Council, the Executive and the committees direct it, through their decisions',
  }),
  instruction.permit('support-services-for-the-role', {
    clauses: ['17'],
    when: { basis: 'consumables' },
    because: 'members may call on the support services the council provides for their role as members',
  }),
  instruction.forbid('no-single-member-directs-officers', {
    clauses: ['2', '4'],
    when: { basis: 'none' },
    because: 'officers answer to the council as a corporate body, not to any one member, and running services day to day is not a member’s role',
  }),
  instruction.require('no-pressure-on-recommendations', {
    clauses: ['7'],
    when: { basis: 'formal-decision' },
    obligation: 'Do not press the officer to recommend against their professional view, nor try to persuade them to withdraw a report',
    because: 'the officer’s professional view and recommendation are theirs to give',
  }),
  instruction.require('no-political-work', {
    clauses: ['5'],
    when: { basis: ['formal-decision', 'consumables'] },
    obligation: 'Ask the officer for no work of a political nature',
    because: 'even members with extra responsibilities must respect officers’ duty of impartiality',
  }),
  instruction.require('statutory-officers-unobstructed', {
    clauses: ['9'],
    when: { basis: 'formal-decision' },
    obligation: 'Respect the legal duties of the statutory officers and do not obstruct them',
    because: 'statutory posts carry legal responsibilities beyond the officer’s duties to the council and its members',
  }),
];

export const scrutinyAttendance = [
  scrutiny.forbid('officers-stay-politically-neutral', {
    clauses: ['8'],
    when: { politicalViewsSought: true },
    because: 'officers act in a politically neutral way, so they cannot be asked for political views',
  }),
  scrutiny.permit('officers-support-scrutiny', {
    clauses: ['37'],
    when: FAIR_REQUEST,
    because: 'officers make every reasonable effort to support scrutiny, and refuse a request for information only in exceptional circumstances',
  }),
  scrutiny.require('head-of-paid-service-decides-on-reports', {
    clauses: ['37'],
    when: FAIR_REQUEST,
    obligation: 'The Commission cannot require a department to write a report: whether one is provided is finally for the Head of Paid Service',
    because: 'a Scrutiny Commission has no power to require reports, and the Head of Paid Service has the last word on them',
  }),
  scrutiny.require('no-duplication-or-undue-cost', {
    clauses: ['34(a)', '34(b)'],
    when: FAIR_REQUEST,
    obligation: 'Do not duplicate work already planned or under way for the executive, and keep cost and officer time reasonable',
    because: 'reports and evidence scrutiny asks for avoid duplicated work and unreasonable cost or officer time',
  }),
];
