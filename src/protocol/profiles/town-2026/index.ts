// A town council's protocol, 1.1–5.3, with its version table: seven versions from 2020v1 to 2026.
// Only the 2026 text is held, so an answer for an earlier date names that version and warns.
import type { Profile } from '../../types.ts';
import { complaintRoute, groupBriefing, memberInstruction } from './rules.ts';

const REVIEWER = 'G White';

export const town2026: Profile = {
  id: 'town-2026',
  name: 'Town council protocol on councillor and officer relations (2026)',
  council: 'A town council, whose Code of Conduct complaints go to the Borough Council',
  councilKind: 'town',
  nation: 'england-and-wales',
  areaTerm: 'ward',
  titles: {
    'proper-officer': 'Proper Officer',
    'responsible-financial-officer': 'Responsible Financial Officer (RFO)',
    'council-chairman': 'Chairman of the Council',
    'principal-council-monitoring-officer': 'the Borough Council’s Monitoring Officer',
    'grievance-procedure': 'the council’s formal grievance policy',
    'disciplinary-procedure': 'the council’s formal disciplinary policy',
    'informal-resolution': 'informal conciliation',
  },
  versions: [
    { version: '2020v1', adoptedOn: '2020-03-17', minute: '123-2020', reviewDue: '2021-03', reviewer: REVIEWER },
    { version: '2021', adoptedOn: '2021-03-25', minute: '97-2021', reviewDue: '2022-03', reviewer: REVIEWER },
    { version: '2022-03', adoptedOn: '2022-03-24', minute: '97-2022', reviewDue: '2023-03', reviewer: REVIEWER },
    { version: '2023', adoptedOn: '2023-03-21', minute: '130-2023', reviewDue: '2024-03', reviewer: REVIEWER },
    { version: '2024', adoptedOn: '2024-03-19', minute: '2024-104', reviewDue: '2025-03', reviewer: REVIEWER },
    { version: '2025', adoptedOn: '2025-03-24', minute: '2025-110', reviewDue: '2026-03', reviewer: REVIEWER },
    { version: '2026', adoptedOn: '2026-03-23', minute: '2026-101', reviewDue: '2027-03', reviewer: REVIEWER },
  ],
  // 3.1 asks for "a timely response" without a number: a local standard is the council's own setting.
  parameters: [],
  questions: {
    'document-access': { nearest: ['3.1'] },
    'enquiry-deadline': { nearest: ['3.1'] },
    'enquiry-routing': { nearest: ['2.2', '3.1'] },
    'group-briefing': { nearest: ['2.3', '2.4', '3.1', '4.1'] },
    'panel-conflict': { nearest: ['4.1'] },
    'complaint-route': { nearest: ['5.1', '5.2', '5.3'] },
    'public-meeting': { nearest: ['2.2'] },
    'resource-use': { nearest: ['2.3', '3.2'] },
    correspondence: { nearest: ['3.1', '3.2'] },
    'member-instruction': { nearest: ['2.1', '2.2', '2.3', '2.4', '2.5'] },
    'media-statement': { nearest: ['2.2'] },
    'scrutiny-attendance': { nearest: ['2.4'] },
  },
  rules: [...memberInstruction, ...groupBriefing, ...complaintRoute],
};
