// Bristol City Council's draft protocol (updated 17 September 2019): 1–38 and Additional Guidance Notes 1–3,
// for a city council with a directly elected Mayor and Scrutiny Commissions.
import type { Profile } from '../../types.ts';
import { documentAccess, enquiryDeadline } from './access-and-enquiries.ts';
import { groupBriefing, MANDATORY_TRAINING, panelConflict } from './groups-and-panels.ts';
import { mediaStatement, memberInstruction, resourceUse, scrutinyAttendance } from './conduct-and-scrutiny.ts';

const OFFICERS_EXPECTATIONS = "10 (officers' expectations)";

export const bristol2019: Profile = {
  id: 'bristol-2019',
  name: 'Bristol City Council member/officer protocol (draft, September 2019)',
  council: 'Bristol City Council, a principal city council with a directly elected Mayor',
  councilKind: 'principal',
  nation: 'england-and-wales',
  areaTerm: 'ward',
  titles: {
    'chief-executive': 'Head of Paid Service',
    'monitoring-officer': 'Monitoring Officer',
    'chief-finance-officer': 'Chief Finance Officer',
    'proper-officer': 'Proper Officer',
    'cabinet-leader': 'Mayor',
  },
  versions: [
    {
      version: 'draft updated 17 September 2019',
      adoptedOn: '2019-09-17',
      note: 'a draft: the text held is dated 17 September 2019 and no adoption minute is recorded; the Values and Ethics Sub-Committee of the Audit Committee reviews it each year',
    },
  ],
  parameters: [
    {
      name: 'enquiryResponseWorkingDays',
      description: 'Working days within which officers reply to a member’s enquiry (the corporate standard)',
      values: [{ value: 7, clause: '10(f)', from: '2019-09-17' }],
    },
  ],
  questions: {
    'document-access': { nearest: ['19', '21', '22', '23', '25', '26', '29'] },
    'enquiry-deadline': { nearest: ['10(f)'] },
    'enquiry-routing': { nearest: ['2', '4', `${OFFICERS_EXPECTATIONS} (d)`] },
    'group-briefing': { nearest: ['13', '14', '15', '16'] },
    'panel-conflict': { nearest: ['11', MANDATORY_TRAINING, 'Guidance 2.1', 'Guidance 2.2', 'Guidance 2.3', 'Guidance 2.4', 'Guidance 2.5'] },
    // The closing paragraph (further advice from the Monitoring Officer; annual review) follows 38 unnumbered
    // and is read as part of 38; Guidance 2.4 sends officers' lobbying of members to the Head of Paid Service.
    'complaint-route': { nearest: ['38', 'Guidance 2.4', '29'] },
    'public-meeting': { nearest: ['19(c)', '32'] },
    'resource-use': { nearest: ['17', '33'] },
    correspondence: { nearest: ['10(k)', `${OFFICERS_EXPECTATIONS} (b)`, '33'] },
    'member-instruction': { nearest: ['2', '4', '5', '7', '9', 'footnote 1'] },
    'media-statement': { nearest: ['30', '31', '32', '33'] },
    'scrutiny-attendance': { nearest: ['34', '35', '37', '38'] },
  },
  rules: [
    ...documentAccess,
    ...enquiryDeadline,
    ...groupBriefing,
    ...panelConflict,
    ...resourceUse,
    ...mediaStatement,
    ...memberInstruction,
    ...scrutinyAttendance,
  ],
};
