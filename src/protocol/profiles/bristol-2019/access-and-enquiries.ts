// bristol-2019: access to information (19–29) and the enquiry deadline (10(f)).
// The Proper Officer has the final say on a member's access (22, 26), so the contested cases are referrals.
import { rulesFor } from '../../rules.ts';

const access = rulesFor('document-access');
const deadline = rulesFor('enquiry-deadline');
const NOT_SHOWN = { memberOfBody: false, needToKnowShown: false } as const;

export const documentAccess = [
  access.forbid('no-relaying-another-groups-discussions', {
    clauses: ['16'],
    when: { otherGroupInternal: true },
    because: 'officers keep what a party group discussed in their presence to themselves and pass none of it to a rival group',
  }),
  access.refer('limited-for-a-non-council-purpose', {
    clauses: ['21(a)', '22'],
    when: { purpose: ['party-political', 'private'] },
    decider: 'proper-officer',
    because: 'access is limited when the information is wanted mainly for something other than council business; the Proper Officer decides',
  }),
  access.refer('limited-by-a-conflict-of-interest', {
    clauses: ['21(b)', '22'],
    when: { personalInterest: true },
    decider: 'proper-officer',
    because: 'access is limited when the member has a conflict of interest; the Proper Officer decides',
  }),
  access.refer('limited-by-individual-confidentiality', {
    clauses: ['21(c)', '22'],
    when: { personalData: true },
    decider: 'proper-officer',
    because: 'access is limited where a person’s own right to confidentiality prevails, as in child care or staffing cases; the Proper Officer decides',
  }),
  access.refer('confidential-material-to-the-proper-officer', {
    clauses: ['26'],
    when: { classification: 'confidential' },
    decider: 'proper-officer',
    because: 'the Proper Officer considers every request for confidential material, which is shared where fairness to a person calls for it and no overriding council interest stands in the way',
  }),
  access.refer('exempt-information-outside-the-body', {
    clauses: ['22', '23'],
    when: { memberOfBody: false, classification: 'exempt' },
    decider: 'proper-officer',
    because: 'members may see exempt information in reports, but for a member who does not sit on the body the Proper Officer makes the final decision',
  }),
  access.permit('statutory-right-of-a-member-of-the-body', {
    clauses: ['19'],
    when: { memberOfBody: true },
    because: 'the statutory framework gives members a right to view the council’s documents for their business, exempt and confidential papers included',
  }),
  access.permit('reasonably-necessary-for-a-members-duties', {
    clauses: ['19'],
    strength: 'should',
    when: { memberOfBody: false, needToKnowShown: true },
    because: 'a member may also be entitled to information that is reasonably necessary to carry out their duties as a member',
  }),
  access.permit('executive-member-portfolio', {
    clauses: ['19(a)'],
    strength: 'should',
    when: { role: 'cabinet-member', relatesToPortfolio: true },
    because: 'an Executive Member may have an additional right to information on matters in their portfolio',
  }),
  access.permit('scrutiny-member-remit', {
    clauses: ['19(b)'],
    strength: 'should',
    when: { role: 'scrutiny-member', withinCommitteeRemit: true },
    because: 'a scrutiny member may have an additional right to information within their terms of reference and committee business',
  }),
  access.permit('ward-member-significantly-affected', {
    clauses: ['19(c)'],
    strength: 'should',
    when: { role: 'ward-member', affectsWard: true },
    because: 'a ward member may have an additional right to information on matters bearing on their ward much more than on the city at large',
  }),
  access.refer('no-need-shown', {
    clauses: ['22'],
    when: { ...NOT_SHOWN, role: 'member' },
    decider: 'proper-officer',
    because: 'a member outside the body who has not shown the information is needed for their duties has no settled right to it: the Proper Officer decides',
  }),
  access.refer('no-need-shown-outside-the-portfolio', {
    clauses: ['22'],
    when: { ...NOT_SHOWN, role: 'cabinet-member', relatesToPortfolio: false },
    decider: 'proper-officer',
    because: 'the matter is outside the Executive Member’s portfolio and no need has been shown: the Proper Officer decides',
  }),
  access.refer('no-need-shown-outside-the-remit', {
    clauses: ['22'],
    when: { ...NOT_SHOWN, role: 'scrutiny-member', withinCommitteeRemit: false },
    decider: 'proper-officer',
    because: 'the matter is outside the scrutiny member’s terms of reference and no need has been shown: the Proper Officer decides',
  }),
  access.refer('no-need-shown-ward-not-significantly-affected', {
    clauses: ['22'],
    when: { ...NOT_SHOWN, role: 'ward-member', affectsWard: false },
    decider: 'proper-officer',
    because: 'the ward is not especially affected and no need has been shown: the Proper Officer decides',
  }),
  access.require('exempt-papers-for-the-scrutiny-commission', {
    clauses: ['25(d)'],
    when: { memberOfBody: true, role: 'scrutiny-member', classification: 'exempt' },
    obligation: 'Give the Scrutiny Commission’s members the exempt part once the papers are published; only in exceptional cases may the Proper Officer limit them to viewing hard copies',
    because: 'members of the relevant Scrutiny Commission get the exempt information on publication, with managed access kept for exceptional cases',
  }),
  access.require('no-unauthorised-disclosure', {
    clauses: ['29'],
    obligation: 'Pass the information on to no one without authority: doing so breaches the Code of Conduct and may lead to legal action',
    because: 'disclosing council documents without authority is treated as a breach of the Code of Conduct',
  }),
];

export const enquiryDeadline = [
  // "Members can expect" a reply within the corporate standard: an expectation, so `should`, not `must`.
  deadline.require('corporate-standard-for-replies', {
    clauses: ['10(f)'],
    strength: 'should',
    deadlineParameter: 'enquiryResponseWorkingDays',
    obligation: 'Reply to the enquiry within the council’s corporate standard, counted in working days from receipt',
    because: 'members can expect officers to answer their enquiries and complaints in good time, measured by the corporate standard in working days',
  }),
];
