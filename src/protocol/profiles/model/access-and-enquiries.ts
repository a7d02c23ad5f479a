// model: members' access to documents (109–119) and members' enquiries (48–50, 108).
import { rulesFor } from '../../rules.ts';

const access = rulesFor('document-access');
const routing = rulesFor('enquiry-routing');
const SENIOR = ['chief-executive', 'director', 'head-of-service', 'senior'];

export const documentAccess = [
  access.forbid('another-groups-internal-papers', {
    clauses: ['116'],
    when: { otherGroupInternal: true },
    because: 'by convention a member of one party group has no need to know another group’s internal papers',
  }),
  access.forbid('third-party-only-public-information', {
    clauses: ['110'],
    when: { purpose: 'third-party', classification: ['exempt', 'confidential'] },
    because: 'information asked for on behalf of a third party is given only if it is already public',
  }),
  access.refer('data-protection-advice-first', {
    clauses: ['114'],
    strength: 'should',
    when: { personalData: true },
    decider: 'monitoring-officer',
    because: 'where access risks a breach of data protection law the member should first get the Monitoring Officer’s advice',
  }),
  access.refer('personal-interest-advice-first', {
    clauses: ['114'],
    strength: 'should',
    when: { personalInterest: true },
    decider: 'monitoring-officer',
    because: 'where the member has a personal or prejudicial interest they should first get the Monitoring Officer’s advice',
  }),
  access.permit('member-of-the-body', {
    clauses: ['111'],
    when: { memberOfBody: true },
    because: 'a member of a committee, sub-committee or the Cabinet has a right to inspect its documents',
  }),
  access.forbid('non-member-no-exempt-or-confidential', {
    clauses: ['112'],
    when: { memberOfBody: false, classification: ['exempt', 'confidential'] },
    because: 'a member who does not sit on the body may not see its confidential or exempt documents',
  }),
  access.permit('need-to-know-shown', {
    clauses: ['112'],
    when: { memberOfBody: false, classification: 'open', needToKnowShown: true },
    because: 'a member outside the body may see its documents on showing a reasonable need to know for their role',
  }),
  access.refer('need-to-know-disputed', {
    clauses: ['113'],
    when: { memberOfBody: false, classification: 'open', needToKnowShown: false },
    decider: 'monitoring-officer',
    because: 'a dispute about whether a member needs to know is for the Monitoring Officer to decide',
  }),
  access.require('use-only-for-the-purpose', {
    clauses: ['115'],
    obligation: 'Use the information only for the purpose for which it was asked for',
    because: 'information given to a member may be used only for the purpose for which it was requested',
  }),
];

export const enquiryRouting = [
  routing.permit('purely-factual-to-any-officer', {
    clauses: ['48'],
    when: { purelyFactual: true },
    because: 'a purely factual request may go straight to the officer who holds the facts',
  }),
  routing.permit('senior-officer-first', {
    clauses: ['48'],
    strength: 'normally',
    when: { purelyFactual: false, officerGrade: SENIOR },
    because: 'other requests and concerns should normally go to a senior officer in the first instance',
  }),
  routing.forbid('not-first-to-a-junior-officer', {
    clauses: ['48'],
    strength: 'normally',
    when: { purelyFactual: false, officerGrade: 'junior' },
    because: 'a request that is not purely factual should normally go to a senior officer first, not a junior one',
  }),
  routing.require('managers-set-priorities', {
    clauses: ['49'],
    strength: 'should',
    obligation: 'The officer’s manager sets the priority: the member does not impose one',
    because: 'officers’ work priorities are set and managed by senior managers',
  }),
  routing.require('no-jumping-the-queue', {
    clauses: ['108'],
    strength: 'should',
    obligation: 'A resident’s query keeps its place in the service’s own queue',
    because: 'members dealing with constituents’ queries should respect the council’s procedures and not jump the queue',
  }),
];
