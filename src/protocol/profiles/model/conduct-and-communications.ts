// model: complaints (134–139), public meetings (102–106), resources (131–133), correspondence (126–130),
// instructions (30), the media (125) and scrutiny (67–75).
import { rulesFor } from '../../rules.ts';

const complaint = rulesFor('complaint-route');
const meeting = rulesFor('public-meeting');
const resources = rulesFor('resource-use');
const letters = rulesFor('correspondence');
const instruction = rulesFor('member-instruction');
const media = rulesFor('media-statement');
const scrutiny = rulesFor('scrutiny-attendance');
const SENIOR = ['chief-executive', 'director', 'head-of-service', 'senior'];

export const complaintRoute = [
  complaint.refer('member-about-officer', {
    clauses: ['136', '137'],
    strength: 'should',
    when: { complainant: 'member', about: 'officer', severity: 'minor' },
    decider: 'chief-executive',
    route: [['chief-executive'], ['line-manager', 'head-of-service']],
    because: 'a member unhappy with an officer speaks to the Chief Executive first, then the officer’s manager or senior officer',
  }),
  complaint.refer('member-about-officer-serious', {
    clauses: ['136', '137', '138'],
    strength: 'should',
    when: { complainant: 'member', about: 'officer', severity: 'serious' },
    decider: 'chief-executive',
    route: [['chief-executive'], ['line-manager', 'head-of-service'], ['disciplinary-procedure']],
    because: 'a serious concern goes to the Chief Executive and the officer’s manager, and a serious breach may lead to the disciplinary procedure',
  }),
  complaint.refer('member-about-chief-executive', {
    clauses: ['136'],
    strength: 'should',
    when: { complainant: 'member', about: 'chief-executive', formal: false },
    decider: 'monitoring-officer',
    route: [['monitoring-officer']],
    because: 'complaints about the Chief Executive go to the Monitoring Officer',
  }),
  complaint.refer('formal-complaint-about-chief-executive', {
    clauses: ['136'],
    strength: 'should',
    when: { complainant: 'member', about: 'chief-executive', formal: true },
    decider: 'monitoring-officer',
    consult: ['employment-committee-chair'],
    route: [['monitoring-officer', 'employment-committee-chair']],
    because: 'a written complaint about the Chief Executive goes to the Monitoring Officer and the Employment Committee’s chair to decide the procedure',
  }),
  complaint.refer('officer-about-member-minor', {
    clauses: ['139'],
    strength: 'should',
    when: { complainant: 'officer', about: 'member', severity: 'minor' },
    decider: 'monitoring-officer',
    route: [['monitoring-officer'], ['group-leader']],
    because: 'an officer raises a concern about a member with the Monitoring Officer, who may refer a minor matter informally to the group leader',
  }),
  complaint.refer('officer-about-member-serious', {
    clauses: ['139'],
    strength: 'should',
    when: { complainant: 'officer', about: 'member', severity: 'serious' },
    decider: 'monitoring-officer',
    route: [['monitoring-officer'], ['standards-committee']],
    because: 'a serious complaint about a member may go from the Monitoring Officer to the Standards Committee',
  }),
  complaint.require('no-public-comment-before-investigation', {
    clauses: ['136'],
    strength: 'should',
    when: { complainant: 'member', about: ['officer', 'chief-executive'] },
    obligation: 'Make no public comment until the matter has been investigated',
    because: 'a member should not comment publicly on a concern about an officer before it is investigated',
  }),
];

export const publicMeeting = [
  meeting.forbid('none-after-the-notice-of-election', {
    clauses: ['104'],
    strength: 'should',
    when: { afterNoticeOfElection: true },
    because: 'no such meeting should be arranged or held after the notice of election',
  }),
  meeting.forbid('never-party-political-meetings', {
    clauses: ['106'],
    when: { partyPolitical: true },
    because: 'officers must never be asked to attend ward or constituency political party meetings',
  }),
  meeting.forbid('not-on-party-premises', {
    clauses: ['105'],
    strength: 'should',
    when: { venue: 'party' },
    because: 'officers should not be asked to go with members to surgeries held on political party premises',
  }),
  meeting.permit('council-meeting', {
    clauses: ['102'],
    strength: 'should',
    when: { organiser: 'council', afterNoticeOfElection: false, partyPolitical: false },
    because: 'the council holds public meetings on local issues',
  }),
  meeting.permit('member-meeting-not-party-political', {
    clauses: ['103'],
    strength: 'should',
    when: { organiser: 'member', partyPolitical: false, afterNoticeOfElection: false },
    because: 'an officer may attend a member’s public meeting that is not party-political (but need not), and it may be on council premises',
  }),
  meeting.require('invite-the-ward-members', {
    clauses: ['102'],
    strength: 'should',
    when: { organiser: 'council' },
    obligation: 'Invite every member for the wards affected',
    because: 'all the members for the affected wards should be invited to a council public meeting',
  }),
  meeting.require('tell-the-officer', {
    clauses: ['103'],
    strength: 'should',
    when: { organiser: 'member' },
    obligation: 'The member tells the relevant officer about the meeting',
    because: 'a member arranging a public meeting about the council’s work should inform the relevant officer',
  }),
];

export const resourceUse = [
  resources.permit('for-members-roles', {
    clauses: ['131'],
    when: { use: ['council', 'ward'] },
    because: 'council services and goods are provided to help members carry out their roles as members',
  }),
  resources.forbid('not-party-campaigning-or-private', {
    clauses: ['131', '133'],
    strength: 'should',
    when: { use: ['party-political', 'campaigning', 'private'] },
    because: 'resources paid for from the public purse should not be used privately, for party politics or for campaigning',
  }),
];

export const correspondence = [
  letters.forbid('no-blind-copies', {
    clauses: ['126'],
    strength: 'should',
    when: { blindCopy: true },
    because: 'a copy to another member is always made explicit: there are no blind copies',
  }),
  letters.forbid('obligations-never-in-a-members-name', {
    clauses: ['129'],
    strength: 'should',
    when: { createsObligation: true, inMemberName: true },
    because: 'letters creating obligations or giving instructions for the council should never be sent in a member’s name',
  }),
  letters.permit('official-letters-from-officers', {
    clauses: ['127'],
    strength: 'normally',
    when: { blindCopy: false, inMemberName: false },
    because: 'official letters for the council are normally in the name of the relevant officer',
  }),
  letters.permit('member-letters-that-bind-nobody', {
    clauses: ['127', '128'],
    strength: 'should',
    when: { blindCopy: false, inMemberName: true, createsObligation: false },
    because: 'a letter may appear in a member’s name where it creates no obligation, for example from the Chairman',
  }),
  letters.require('say-so-when-writing-as-ward-member', {
    clauses: ['130'],
    when: { wardCapacity: true },
    obligation: 'Make clear that the member writes as a ward member',
    because: 'a member writing in an individual capacity as a ward member must make that clear',
  }),
];

export const memberInstruction = [
  instruction.permit('only-the-listed-ways', {
    clauses: ['30'],
    when: { basis: ['formal-decision', 'consumables', 'allocated-support', 'political-assistant'] },
    because: 'members may instruct officers only through formal decisions, for consumables, where staff support them, or their political assistants',
  }),
];

export const mediaStatement = [
  media.forbid('capacity-not-stated', {
    clauses: ['125'],
    strength: 'should',
    when: { capacityStated: false },
    because: 'a member speaking to the media should say in what capacity they speak',
  }),
  media.forbid('no-public-comment-on-an-officer', {
    clauses: ['136'],
    strength: 'should',
    when: { aboutOfficer: true },
    because: 'a member should not comment publicly on an officer’s conduct before it has been investigated',
  }),
  media.permit('capacity-stated', {
    clauses: ['125'],
    strength: 'should',
    when: { capacityStated: true, aboutOfficer: false },
    because: 'a member who says in what capacity they speak may talk to the media',
  }),
  media.require('care-before-elections', {
    clauses: ['125'],
    strength: 'should',
    when: { afterNoticeOfElection: true },
    obligation: 'Take particular care not to appear to be electioneering',
    because: 'members take particular care in the run-up to elections',
  }),
];

export const scrutinyAttendance = [
  scrutiny.forbid('not-junior-officers', {
    clauses: ['67'],
    strength: 'normally',
    when: { officerGrade: 'junior' },
    because: 'members should not normally expect junior officers to give evidence',
  }),
  scrutiny.forbid('no-political-views', {
    clauses: ['72'],
    when: { politicalViewsSought: true },
    because: 'officers giving evidence must not be asked for political views',
  }),
  scrutiny.forbid('not-about-conduct-or-competence', {
    clauses: ['74', '75'],
    when: { aboutOfficerConduct: true },
    because: 'scrutiny must not question an officer’s capability or competence, or ask about disciplinary matters',
  }),
  scrutiny.permit('senior-officers-may-be-required', {
    clauses: ['67'],
    when: { officerGrade: SENIOR, politicalViewsSought: false, aboutOfficerConduct: false },
    because: 'a scrutiny committee may require officers to attend, asking senior officers first',
  }),
  scrutiny.require('mind-the-workload', {
    clauses: ['68'],
    strength: 'should',
    obligation: 'Have regard to the officer’s workload when asking them to attend',
    because: 'scrutiny committees have regard to officers’ workload when asking them to attend',
  }),
];
