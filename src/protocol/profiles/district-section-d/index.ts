// district-section-d: Section D of a district council's Constitution, numbered 1.1–5.3, undated.
import type { Profile } from '../../types.ts';
import { documentAccess, enquiryRouting } from './access-and-enquiries.ts';
import { groupBriefing, panelConflict } from './groups-and-panels.ts';
import { complaintRoute, memberInstruction, scrutinyAttendance } from './conduct-and-scrutiny.ts';

export const districtSectionD: Profile = {
  id: 'district-section-d',
  name: 'District council constitution, Section D: member and officer relations',
  council: 'A district council with a Cabinet Leader, a Chairman of the Council and Overview Committees',
  councilKind: 'principal',
  nation: 'england-and-wales',
  areaTerm: 'ward',
  titles: {
    'chief-executive': 'Chief Executive (Head of Paid Service)',
    'monitoring-officer': 'Monitoring Officer (Head of Legal and Democratic Services)',
    'chief-finance-officer': 'Chief Finance Officer (Director of Resources)',
    'council-chairman': 'Chairman of the Council',
    'cabinet-leader': 'Cabinet Leader',
    director: 'Director',
    'head-of-service': 'Head of Service',
  },
  versions: [{ version: 'section-d', adoptedOn: null, note: 'undated; Section D of the Constitution, the only text held' }],
  // No numbers anywhere in the text: information is given "as soon as possible" (2.4).
  parameters: [],
  questions: {
    'document-access': { nearest: ['2.2', '2.4', '2.7(3)'] },
    // 2.4's "as soon as possible" has no number of days and binds only a request the Chief Executive finds
    // reasonable, so no deadline can be computed: not-covered, naming 2.4 (as model does for its "timely", 49).
    // Where the Chief Executive agrees to give information, document-access carries the as-soon-as-possible duty.
    'enquiry-deadline': { nearest: ['2.4'] },
    'enquiry-routing': { nearest: ['2.4', '3.1', '5.3'] },
    'group-briefing': { nearest: ['2.7', '2.9', '3.1', '5.1'] },
    'panel-conflict': { nearest: ['1.2'] },
    'complaint-route': { nearest: ['1.3'] },
    // The protocol is not meant to be comprehensive (1.1): for these it has only officers' neutrality, or nothing.
    'public-meeting': { nearest: ['1.1', '2.3', '5.1'] },
    'resource-use': { nearest: ['1.1', '5.2'] },
    correspondence: { nearest: ['1.1', '1.4'] },
    'member-instruction': { nearest: ['2.3', '5.2', '5.3'] },
    'media-statement': { nearest: ['1.1', '1.4'] },
    'scrutiny-attendance': { nearest: ['2.6', '3.1', '5.1'] },
  },
  rules: [...documentAccess, ...enquiryRouting, ...groupBriefing, ...panelConflict, ...complaintRoute, ...memberInstruction, ...scrutinyAttendance],
};
