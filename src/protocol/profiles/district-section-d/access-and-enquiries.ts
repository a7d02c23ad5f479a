// district-section-d: members' information and enquiries through the Chief Executive (2.4, 3.1) and the
// confidences of groups (2.7(3)).
import { rulesFor } from '../../rules.ts';

const access = rulesFor('document-access');
const routing = rulesFor('enquiry-routing');

// 2.4 turns on whether the Chief Executive finds the request reasonable and appropriate. The facts carry that
// judgment as needToKnowShown: a shown need is the reasonable case; without one, the Chief Executive takes advice.
// The protocol says nothing of exempt or confidential classes, purposes or personal data: those facts stay unused.
export const documentAccess = [
  access.forbid('a-groups-confidences-kept', {
    clauses: ['2.7(3)'],
    when: { otherGroupInternal: true },
    because: 'what a party group discusses with the Chief Executive is not passed to the Cabinet or any other group without that group’s consent',
  }),
  access.permit('reasonable-and-appropriate', {
    clauses: ['2.4'],
    when: { needToKnowShown: true },
    because: 'every member may go to the Chief Executive, and information he judges reasonable and appropriate to give is provided',
  }),
  access.require('as-soon-as-possible', {
    clauses: ['2.4'],
    when: { needToKnowShown: true },
    obligation: 'Provide the information as soon as possible (the protocol sets no number of days)',
    because: 'information the Chief Executive agrees to give is provided as soon as possible',
  }),
  access.refer('otherwise-chairman-and-leader-consulted', {
    clauses: ['2.4'],
    when: { needToKnowShown: false },
    decider: 'chief-executive',
    consult: ['council-chairman', 'cabinet-leader'],
    because: 'where the request is not plainly reasonable and appropriate, the Chief Executive decides what to do after consulting the Chairman of the Council and the Cabinet Leader',
  }),
];

// Members' right of access is to the Chief Executive (2.4), and by 3.1 the same holds for Directors and Heads of
// Service. Nothing is said of going to other employees: senior and junior grades are not-covered.
export const enquiryRouting = [
  routing.permit('any-member-may-go-to-the-chief-executive', {
    clauses: ['2.4'],
    when: { officerGrade: 'chief-executive' },
    because: 'any councillor may go directly to the Chief Executive',
  }),
  routing.permit('likewise-directors-and-heads-of-service', {
    clauses: ['2.4', '3.1'],
    when: { officerGrade: ['director', 'head-of-service'] },
    because: 'the principles that apply to the Chief Executive apply in the same way to Directors and Heads of Service',
  }),
];
