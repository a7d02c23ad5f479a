// bristol-2019: officers and party groups (12–16) and members on Selection and Regulatory Committees
// (the second list of 10, what officers can expect from members, item (i); 11 and Guidance 2 say no more on panels).
import { rulesFor } from '../../rules.ts';

const briefing = rulesFor('group-briefing');
const panel = rulesFor('panel-conflict');

/** Clause 10 has two lettered lists; this is item (i) of the second, not 10(i) of the first. */
export const MANDATORY_TRAINING = "10 (officers' expectations) (i)";

export const groupBriefing = [
  briefing.forbid('no-political-discussion', {
    clauses: ['14'],
    when: { partyBusiness: true },
    because: 'an officer at a party group meeting explains the issue and answers questions, and takes no part in political discussion',
  }),
  // 15 names two people to ask, either of whom will do: the Head of Paid Service first, or the Monitoring Officer.
  briefing.refer('non-members-present-seek-guidance', {
    clauses: ['15'],
    when: { nonMembersPresent: true },
    decider: 'chief-executive',
    route: [['chief-executive', 'monitoring-officer']],
    because: 'people who are neither members nor officers are not bound by the Code of Conduct, so the officer must take special care and, with any concern, seek guidance from the Head of Paid Service or the Monitoring Officer',
  }),
  briefing.permit('officers-may-assist-groups', {
    clauses: ['13'],
    when: { partyBusiness: false },
    because: 'officers may help a party group that asks, provided they stay politically neutral and treat every group even-handedly',
  }),
  briefing.require('every-group-told-and-offered-the-same', {
    clauses: ['13'],
    obligation: 'Tell every party group about the briefing and offer each of them an identical session',
    duties: ['tell-other-groups-attendance-and-subject', 'offer-identical-session'],
    because: 'all groups are informed of party briefings and offered the same session',
  }),
  // 13 asks for fair and even-handed treatment of groups and of individual members alike: a member in no group
  // is told and offered the session as a group is.
  briefing.require('members-in-no-group-treated-alike', {
    clauses: ['13'],
    obligation: 'Treat members who belong to no group as even-handedly as the groups: tell them of the briefing and offer them the same session',
    duties: ['include-members-in-no-group'],
    because: 'officers treat political groups and individual members in a fair and even-handed manner',
  }),
  briefing.require('withdraw-before-political-discussion', {
    clauses: ['14'],
    obligation: 'Leave once the briefing and questions are over, before the political discussion starts',
    duties: ['leave-before-party-business'],
    because: 'officers withdraw after briefing and answering questions, before the group turns to politics',
  }),
  briefing.require('no-political-reports', {
    clauses: ['14'],
    strength: 'should',
    obligation: 'Write no political reports for the group',
    because: 'officers should not support a group by writing political reports for it',
  }),
  briefing.require('keep-group-discussions-confidential', {
    clauses: ['16'],
    obligation: 'Keep the group’s discussion confidential and relay nothing of it to any other group',
    because: 'officers respect the confidentiality of group discussions they attend',
  }),
];

export const panelConflict = [
  panel.forbid('mandatory-training-before-sitting', {
    clauses: [MANDATORY_TRAINING],
    when: { panel: ['selection', 'regulatory'], trainingCompleted: false },
    because: 'officers can expect members to have taken part in the mandatory training before they sit on a Selection or Regulatory Committee',
  }),
  // A close personal relationship (11) is said to confuse the roles, but the protocol does not say whether
  // the member may then sit: with one, no rule applies and the answer names 11 and Guidance 2.
  panel.permit('trained-member-may-sit', {
    clauses: [MANDATORY_TRAINING],
    when: { panel: ['selection', 'regulatory'], trainingCompleted: true, relationship: ['none', 'worked-with'] },
    because: 'the member has done the mandatory training expected before sitting on a Selection or Regulatory Committee, and has no close personal tie to the officer',
  }),
];
