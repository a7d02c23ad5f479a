// county: members' access to information (1.7.3–1.7.10, 1.8) and their enquiries to employees (1.7.1–1.7.2,
// 1.7.6, 1.7.8, 1.6.2(b)).
import { rulesFor } from '../../rules.ts';

const access = rulesFor('document-access');
const deadline = rulesFor('enquiry-deadline');
const routing = rulesFor('enquiry-routing');
const NOT_OPEN = ['exempt', 'confidential'];

// A member of a body reaches its papers under the Access to Information Procedure Rules, which 1.7.4 points to
// rather than restates: a member of the body without a shown need to know is left not-covered, not refused.
export const documentAccess = [
  access.forbid('only-for-a-members-council-duties', {
    clauses: ['1.8.5'],
    when: { purpose: ['party-political', 'private'] },
    because: 'council information given to a member may be used only in properly carrying out their duties as a councillor, not for private or party ends',
  }),
  access.forbid('another-groups-confidences-kept', {
    clauses: ['1.11.3'],
    strength: 'should',
    when: { otherGroupInternal: true },
    because: 'employees keep each party group’s confidences, so one group’s internal workings are not handed to another',
  }),
  access.forbid('no-roving-commission', {
    clauses: ['1.7.5'],
    when: { memberOfBody: false, classification: NOT_OPEN, needToKnowShown: false },
    because: 'the common-law right rests on a demonstrated need to know: a member may not range through council papers, and curiosity alone is no reason',
  }),
  access.permit('need-to-know-shown', {
    clauses: ['1.7.5'],
    when: { needToKnowShown: true },
    because: 'a member who demonstrates a need to know for their role may see the document under the common-law right',
  }),
  access.permit('anyone-could-have-it', {
    clauses: ['1.7.10'],
    strength: 'should',
    when: { classification: 'open' },
    because: 'where anybody would be entitled to the document, employees are encouraged to supply it without waiting for a formal FOI request',
  }),
  access.require('use-it-only-for-council-duties', {
    clauses: ['1.8.5'],
    when: { classification: NOT_OPEN, needToKnowShown: true },
    obligation: 'Use the information only in carrying out the member’s duties as a councillor',
    because: 'council information given to a member may be used only for their proper duties as a councillor',
  }),
  access.require('public-interest-disclosure-after-the-monitoring-officer', {
    clauses: ['1.8.6'],
    when: { classification: NOT_OPEN, needToKnowShown: true },
    obligation: 'Treat it as confidential; before passing it to anyone in the public interest, consult the Monitoring Officer and weigh their advice',
    because: 'a member who thinks confidential information ought to be disclosed in the public interest consults the Monitoring Officer first',
  }),
];

// 1.7.2: one period, met by either a full reply or an explaining acknowledgement; its length is in brackets in
// the source ("[five]"), so the parameter asks the council to confirm it.
export const enquiryDeadline = [
  deadline.require('full-reply-or-explaining-acknowledgement', {
    clauses: ['1.7.2'],
    strength: 'should',
    deadlineParameter: 'enquiryResponseWorkingDays',
    obligation: 'By the deadline, send the member a full reply or, if that cannot be done, an acknowledgement explaining in full where the enquiry stands',
    because: 'employees try to answer promptly, and at the least send a full reply or an explaining acknowledgement within the working days set',
  }),
  deadline.require('warn-of-an-appreciable-delay', {
    clauses: ['1.7.2'],
    strength: 'should',
    obligation: 'If an appreciable delay looks likely, tell the member',
    because: 'whatever happens, the member is told when dealing with the enquiry is likely to be appreciably delayed',
  }),
];

export const enquiryRouting = [
  routing.permit('members-may-approach-any-employee', {
    clauses: ['1.7.1'],
    because: 'members may go to employees for the information and advice they reasonably need as councillors; there is no rule to go to a senior employee first',
  }),
  routing.require('within-the-services-resources', {
    clauses: ['1.7.6'],
    strength: 'should',
    obligation: 'The service answers within the limits of its resources, and the member keeps the number and content of requests reasonable',
    because: 'a service supplies what a member asks for as far as its resources allow, and members act reasonably in what they ask',
  }),
  routing.require('tell-the-cabinet-member-or-committee-chair', {
    clauses: ['1.7.8'],
    strength: 'should',
    obligation: 'If the information might later found a question or issue at a meeting, let the Cabinet Member or Committee Chair concerned know what was given',
    because: 'where specific information about a service may be used at a later meeting, the relevant Cabinet Member or Committee Chair should be told about it',
  }),
  routing.require('mind-a-junior-employee', {
    clauses: ['1.6.2(b)'],
    strength: 'should',
    when: { officerGrade: 'junior' },
    obligation: 'Bear in mind that a junior employee can easily feel overawed or at a disadvantage when a member asks',
    because: 'members need to remember that junior employees in particular may be overawed in dealings with them',
  }),
];
