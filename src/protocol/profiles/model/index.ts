// The model protocol: paragraphs 1–139 under headings, undated, for a council with a Cabinet.
import type { Profile } from '../../types.ts';
import { documentAccess, enquiryRouting } from './access-and-enquiries.ts';
import { groupBriefing, panelConflict } from './groups-and-panels.ts';
import {
  complaintRoute,
  correspondence,
  mediaStatement,
  memberInstruction,
  publicMeeting,
  resourceUse,
  scrutinyAttendance,
} from './conduct-and-communications.ts';

export const model: Profile = {
  id: 'model',
  name: 'Model protocol for relationships between members and officers',
  council: 'A principal council with a Leader and Cabinet',
  councilKind: 'principal',
  nation: 'england-and-wales',
  areaTerm: 'ward',
  titles: {
    'chief-executive': 'Chief Executive',
    'monitoring-officer': 'Monitoring Officer',
    'chief-finance-officer': 'designated Finance Officer',
    'council-chairman': 'Chairman of the Council',
    'employment-committee-chair': 'Chairman of the Employment Committee',
    'standards-committee': 'Standards Committee',
  },
  versions: [{ version: 'model', adoptedOn: null, note: 'undated; approved by Full Council (12)' }],
  parameters: [],
  questions: {
    'document-access': { nearest: ['109', '110', '111', '112', '113', '114', '115', '116'], closedList: true },
    'enquiry-deadline': { nearest: ['49', '50'] },
    'enquiry-routing': { nearest: ['48', '49', '108'] },
    'group-briefing': { nearest: ['81', '82', '83', '91', '92', '97'] },
    'panel-conflict': { nearest: ['46', '54', '56', '57'] },
    'complaint-route': { nearest: ['135', '136', '137', '138', '139'] },
    'public-meeting': { nearest: ['102', '103', '104', '105', '106'] },
    'resource-use': { nearest: ['131', '132', '133'] },
    correspondence: { nearest: ['126', '127', '128', '129', '130'] },
    'member-instruction': { nearest: ['30'], closedList: true },
    'media-statement': { nearest: ['120', '125'] },
    'scrutiny-attendance': { nearest: ['67', '68', '72', '74', '75'] },
  },
  rules: [
    ...documentAccess,
    ...enquiryRouting,
    ...groupBriefing,
    ...panelConflict,
    ...complaintRoute,
    ...publicMeeting,
    ...resourceUse,
    ...correspondence,
    ...memberInstruction,
    ...mediaStatement,
    ...scrutinyAttendance,
  ],
};
