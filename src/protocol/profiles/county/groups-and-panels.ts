// county: employees and party groups (1.11.3–1.11.4) and members on panels (1.6.3).
import { rulesFor } from '../../rules.ts';

const briefing = rulesFor('group-briefing');
const panel = rulesFor('panel-conflict');
const USUAL_ATTENDERS = ['chief-executive', 'director', 'head-of-service'];

// The protocol says nothing about people at a group meeting who are not members: nonMembersPresent stays unused.
export const groupBriefing = [
  briefing.forbid('council-business-only', {
    clauses: ['1.11.3'],
    strength: 'should',
    when: { partyBusiness: true },
    because: 'employees give groups information and advice on council business only, not on matters that are purely party-political',
  }),
  briefing.forbid('usually-only-the-most-senior-employees', {
    clauses: ['1.11.4'],
    strength: 'normally',
    when: { officerGrade: ['senior', 'junior'] },
    because: 'usually the only employees at group meetings are the Chief Executive, Directors and Heads of Service',
  }),
  briefing.permit('senior-employee-supports-the-group', {
    clauses: ['1.11.3', '1.11.4'],
    strength: 'normally',
    when: { officerGrade: USUAL_ATTENDERS, partyBusiness: false },
    because: 'employees may properly support a group’s preliminary look at council business while staying politically impartial, and those who usually attend are the Chief Executive, Directors and Heads of Service',
  }),
  briefing.require('available-to-every-group', {
    clauses: ['1.11.3'],
    strength: 'should',
    obligation: 'Make the same information and advice available to every party group, not only the majority group',
    because: 'advice to party groups is for all of them, not just the majority',
  }),
  briefing.require('neutral-and-discreet', {
    clauses: ['1.11.3'],
    strength: 'should',
    obligation: 'Stay politically neutral and keep the group’s discussion confidential',
    because: 'employees preserve their political neutrality and keep each group’s confidences',
  }),
  briefing.require('leave-after-presenting', {
    clauses: ['1.11.4'],
    strength: 'normally',
    obligation: 'Generally leave once the presentation is given and the questions on it answered',
    duties: ['leave-before-party-business'],
    because: 'attending employees generally leave after presenting and taking questions',
  }),
];

// "Close personal familiarity must be avoided" (1.6.3(c)), not least for the suspicion of favouritism it invites
// (1.6.3(b)). The protocol says nothing else about who sits on a panel: other relationships are not-covered.
export const panelConflict = [
  panel.forbid('close-personal-familiarity-avoided', {
    clauses: ['1.6.3(b)', '1.6.3(c)'],
    when: { relationship: ['close-friend', 'relative', 'partner'] },
    because: 'close personal familiarity between a member and an employee must be avoided, as it can look like favouritism; a member that close to the employee does not sit on the panel',
  }),
];
