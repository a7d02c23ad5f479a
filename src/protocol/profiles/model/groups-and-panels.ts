// model: party groups (81–97) and members on panels (45–46, 54–57).
import { rulesFor } from '../../rules.ts';

const briefing = rulesFor('group-briefing');
const panel = rulesFor('panel-conflict');
const SENIOR = ['chief-executive', 'director', 'head-of-service', 'senior'];
const PERSONAL = ['close-friend', 'relative', 'partner'];

export const groupBriefing = [
  briefing.forbid('senior-officers-only', {
    clauses: ['92'],
    when: { officerGrade: 'junior' },
    because: 'an officer below senior grade may not be invited to a party group, though a senior officer may nominate one',
  }),
  briefing.forbid('no-advice-on-party-business', {
    clauses: ['83'],
    when: { partyBusiness: true },
    because: 'officers give facts and professional advice on council business only, never on party business',
  }),
  briefing.forbid('not-with-non-members-present', {
    clauses: ['82'],
    strength: 'normally',
    when: { nonMembersPresent: true },
    because: 'officers will normally not attend a group meeting where some of those attending are not members',
  }),
  briefing.permit('senior-officer-on-council-business', {
    clauses: ['81'],
    strength: 'should',
    when: { officerGrade: SENIOR, partyBusiness: false, nonMembersPresent: false },
    because: 'senior officers may properly be asked to contribute to a group’s deliberations on council business',
  }),
  briefing.require('cannot-decline-the-next-group', {
    clauses: ['91'],
    when: { briefedOtherGroupOnSameMatter: true },
    obligation: 'Having advised one group on this matter, the officer may not decline this group and gives it substantially the same advice',
    duties: ['no-decline-on-same-matter'],
    because: 'an officer who accepts one group’s invitation may not decline another group on the same matter',
  }),
  briefing.require('leave-before-party-business', {
    clauses: ['83'],
    obligation: 'Leave before any party business is discussed',
    duties: ['leave-before-party-business'],
    because: 'officers should not be present for the parts of a meeting that deal with party business',
  }),
  briefing.require('tell-the-other-groups', {
    clauses: ['97'],
    obligation: 'The Chief Executive tells every other group that the officer attended and the subject of the advice',
    duties: ['tell-other-groups-attendance-and-subject'],
    because: 'the Chief Executive advises all other groups that an officer attended and on what subject',
  }),
  briefing.require('announce-reports-to-the-other-groups', {
    clauses: ['97'],
    obligation: 'If the officer prepares a report for the group, the Chief Executive tells every other group of it and gives a copy to any group that asks',
    duties: ['announce-reports'],
    because: 'the Chief Executive advises all other groups that a report was prepared for a group, and provides a copy on request',
  }),
  briefing.require('verify-attributed-comments', {
    clauses: ['93'],
    strength: 'should',
    obligation: 'Let the officer verify any comments attributed to them in the group’s notes',
    duties: ['officer-verifies-notes'],
    because: 'an officer should be able to verify advice attributed to them in a written record',
  }),
];

export const panelConflict = [
  panel.forbid('no-appointment-of-friend-or-relative', {
    clauses: ['56'],
    when: { panel: 'appointment', relationship: PERSONAL },
    because: 'a member does not take part in an appointment where a candidate is a close friend or relative',
  }),
  panel.forbid('no-appeal-of-friend-relative-or-colleague', {
    clauses: ['57'],
    strength: 'should',
    when: { panel: 'appeal', relationship: [...PERSONAL, 'worked-with'] },
    because: 'a member should not sit on an appeal by a friend, a relative or an officer they have worked with',
  }),
  panel.forbid('no-decision-affecting-a-disclosed-relationship', {
    clauses: ['46'],
    strength: 'should',
    when: { panel: ['disciplinary', 'selection', 'regulatory'], relationship: PERSONAL },
    because: 'a member should not sit on a body or decision that directly affects an officer with whom they have a disclosed personal relationship',
  }),
  panel.permit('appointments-and-appeals-are-members-work', {
    clauses: ['54'],
    when: { panel: ['appointment', 'appeal'], relationship: 'none' },
    because: 'appointing specified senior posts and hearing appeals are among members’ roles as employer',
  }),
  panel.permit('merit-only', {
    clauses: ['56'],
    when: { panel: 'appointment', relationship: 'worked-with' },
    because: 'having worked with a candidate does not bar an appointing member, who judges on merit alone and gives no candidate an advantage',
  }),
];
