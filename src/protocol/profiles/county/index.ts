// county: a county council's protocol on Members and Employees, numbered 1.1–1.13 with (a)/(i) sub-items, undated.
import type { Profile } from '../../types.ts';
import { documentAccess, enquiryDeadline, enquiryRouting } from './access-and-enquiries.ts';
import { groupBriefing, panelConflict } from './groups-and-panels.ts';
import {
  complaintRoute,
  correspondence,
  mediaStatement,
  memberInstruction,
  publicMeeting,
  resourceUse,
} from './conduct-and-communications.ts';

export const county: Profile = {
  id: 'county',
  name: 'County council protocol on relations between members and employees',
  council: 'A county council elected by electoral divisions, with a Cabinet',
  councilKind: 'principal',
  nation: 'england-and-wales',
  areaTerm: 'division',
  titles: {
    'chief-executive': 'Chief Executive',
    'monitoring-officer': 'Monitoring Officer',
    'line-manager': 'the Employee’s line manager',
    'head-of-service': 'Head of Service',
    director: 'Director',
    'chief-officer': 'the relevant Chief Officer',
    'committee-chair': 'Committee Chair',
    'standards-committee': 'Standards Committee',
  },
  versions: [{ version: 'county', adoptedOn: null, note: 'undated; the only text held' }],
  parameters: [
    {
      name: 'enquiryResponseWorkingDays',
      description: 'Working days from receipt for a full reply or an explaining acknowledgement to a member’s enquiry',
      // Bracketed in the source: taken as written and flagged on every answer for the council to confirm.
      values: [{ value: 5, clause: '1.7.2', from: '0000-01-01', note: '[five]', confirm: true }],
    },
  ],
  questions: {
    'document-access': { nearest: ['1.7.3', '1.7.4', '1.7.5', '1.7.10', '1.8.1', '1.8.2', '1.8.5', '1.8.6'] },
    'enquiry-deadline': { nearest: ['1.7.2'] },
    'enquiry-routing': { nearest: ['1.7.1', '1.7.6', '1.7.8'] },
    'group-briefing': { nearest: ['1.11.3', '1.11.4'] },
    'panel-conflict': { nearest: ['1.6.2(d)', '1.6.3', '1.10'] },
    'complaint-route': { nearest: ['1.6.4(a)', '1.6.4(b)', '1.12.1', '1.12.2'] },
    'public-meeting': { nearest: ['1.7.7'] },
    'resource-use': { nearest: ['1.9.1'] },
    correspondence: { nearest: ['1.9.2'] },
    'member-instruction': { nearest: ['1.5.4', '1.6.2(c)', '1.11.5'] },
    'media-statement': { nearest: ['1.9.3'] },
    // No clause on scrutiny or officers before committees: members review policy (1.4.6), employees advise bodies (1.5.2).
    'scrutiny-attendance': { nearest: ['1.4.6', '1.5.2'] },
  },
  rules: [
    ...documentAccess,
    ...enquiryDeadline,
    ...enquiryRouting,
    ...groupBriefing,
    ...panelConflict,
    ...complaintRoute,
    ...publicMeeting,
    ...resourceUse,
    ...correspondence,
    ...memberInstruction,
    ...mediaStatement,
  ],
};
