// district-section-d: officers at party group meetings (2.3, 2.7, 2.9, 3.1, 5.2) and close relationships (1.2).
import { rulesFor } from '../../rules.ts';

const briefing = rulesFor('group-briefing');
const panel = rulesFor('panel-conflict');
const LEADING_OFFICERS = ['chief-executive', 'director', 'head-of-service'];

// 2.9 binds the Chief Executive, and 3.1 Directors and Heads of Service. Other employees attend council bodies
// as the Chief Executive determines (5.1), but a party group is not one of those bodies: for them, not-covered.
// The notice to the other groups is THAT an officer attended; the subject stays with the group unless it
// consents (2.7(3)) — unlike model 97, where the subject is named.
export const groupBriefing = [
  briefing.forbid('never-with-outsiders-present', {
    clauses: ['2.9', '3.1'],
    when: { officerGrade: LEADING_OFFICERS, nonMembersPresent: true },
    because: 'the Chief Executive, and likewise a Director or Head of Service, does not attend a group meeting where anyone present is neither a councillor nor a council officer',
  }),
  briefing.forbid('neutrality-respected', {
    clauses: ['2.3', '5.2'],
    strength: 'should',
    when: { partyBusiness: true },
    because: 'everyone is to respect officers’ political neutrality, so no officer should be asked to take on a task, such as advising on party business, that would compromise it',
  }),
  briefing.permit('chief-executive-works-with-each-group', {
    clauses: ['2.7(1)', '2.9'],
    when: { officerGrade: 'chief-executive', nonMembersPresent: false, partyBusiness: false },
    because: 'it is proper for the Chief Executive to build a working relationship with every group, and he may attend a group’s meeting',
  }),
  briefing.permit('directors-and-heads-of-service-likewise', {
    clauses: ['2.9', '3.1'],
    when: { officerGrade: ['director', 'head-of-service'], nonMembersPresent: false, partyBusiness: false },
    because: 'the principles for the Chief Executive apply in the same way to Directors and Heads of Service',
  }),
  briefing.require('tell-the-other-groups-that-an-officer-attended', {
    clauses: ['2.9', '2.7(3)'],
    when: { officerGrade: LEADING_OFFICERS },
    obligation: 'Tell the leadership of every other group on the council that the officer attended; the notice names no subject discussed unless this group consents',
    duties: ['tell-other-groups-of-attendance'],
    because: 'the other groups’ leaders are told of the attendance, while what was discussed with a group stays with it unless it agrees',
  }),
  briefing.require('a-neutral-part', {
    clauses: ['2.9'],
    when: { officerGrade: LEADING_OFFICERS },
    obligation: 'Keep the officer’s part in the meeting consistent with political neutrality',
    because: 'the attending officer makes sure the part they play is politically neutral',
  }),
  briefing.require('members-declare-interests', {
    clauses: ['2.9'],
    strength: 'should',
    when: { officerGrade: LEADING_OFFICERS },
    obligation: 'Members at the meeting follow the usual rules on declaring interests',
    because: 'councillors present keep to the usual rules for declaring their interests',
  }),
];

// 1.2: close personal friendships or relations should be avoided, and are likely to be a personal or prejudicial
// interest when the officer's matter comes before the member. Working closely together is expected (1.2), so a
// working relationship, like no relationship, is not-covered.
export const panelConflict = [
  panel.forbid('close-personal-ties-avoided', {
    clauses: ['1.2'],
    strength: 'should',
    when: { relationship: ['close-friend', 'relative', 'partner'] },
    because: 'close personal friendships and relations between members and officers should be avoided, and are likely to give the member a personal or prejudicial interest when that officer’s matter comes before them',
  }),
];
