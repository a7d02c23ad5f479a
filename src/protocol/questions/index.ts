// The questions Nolan asks a protocol, with the facts each takes (DESIGN.md's table; extend, never rename).
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-23').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'expected a real date');
const grade = z.enum(['chief-executive', 'director', 'head-of-service', 'senior', 'junior']);

export type FactOption = { value: string; text: string };
export type QuestionDefinition = { id: string; title: string; facts: z.ZodObject; labels: Record<string, string> };

function question(id: string, title: string, facts: z.ZodRawShape, labels: Record<string, string>): QuestionDefinition {
  return { id, title, facts: z.object(facts).strict(), labels };
}

export const QUESTIONS: QuestionDefinition[] = [
  question('document-access', 'May a member see this document or information?', {
    memberOfBody: z.boolean().optional(),
    classification: z.enum(['open', 'exempt', 'confidential']).optional(),
    purpose: z.enum(['council-duties', 'ward', 'party-political', 'private', 'third-party']).optional(),
    needToKnowShown: z.boolean().optional(),
    personalInterest: z.boolean().optional(),
    personalData: z.boolean().optional(),
    otherGroupInternal: z.boolean().optional(),
    role: z.enum(['member', 'cabinet-member', 'scrutiny-member', 'ward-member']).optional(),
    relatesToPortfolio: z.boolean().optional(),
    withinCommitteeRemit: z.boolean().optional(),
    affectsWard: z.boolean().optional(),
  }, {
    memberOfBody: 'Is the member a member of the body the document belongs to?',
    classification: 'How is the document classified?',
    purpose: 'What is the information for?',
    needToKnowShown: 'Has the member shown a need to know?',
    personalInterest: 'Does the member have a personal or prejudicial interest in the subject?',
    personalData: 'Would seeing it risk a breach of data protection law?',
    otherGroupInternal: 'Is it an internal document of another party group?',
    role: 'In what role does the member ask?',
    relatesToPortfolio: 'Does it relate to the member’s cabinet portfolio?',
    withinCommitteeRemit: 'Is it within the remit of the member’s committee?',
    affectsWard: 'Does it significantly affect the member’s ward?',
  }),
  question('enquiry-deadline', 'By when must a member’s enquiry be answered?', {
    received: date.optional(),
    nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).optional(),
    closures: z.array(date).optional(),
  }, { received: 'When was the enquiry received?', nation: 'Which nation’s bank holidays apply?', closures: 'Council closure days' }),
  question('enquiry-routing', 'To whom should a member’s enquiry go?', {
    purelyFactual: z.boolean().optional(),
    officerGrade: grade.optional(),
  }, { purelyFactual: 'Is the enquiry purely a request for facts?', officerGrade: 'The grade of the officer the member asked' }),
  question('group-briefing', 'May an officer brief a party group?', {
    officerGrade: grade.optional(),
    nonMembersPresent: z.boolean().optional(),
    partyBusiness: z.boolean().optional(),
    briefedOtherGroupOnSameMatter: z.boolean().optional(),
  }, {
    officerGrade: 'The grade of the officer invited',
    nonMembersPresent: 'Will anyone be there who is neither a member nor an officer?',
    partyBusiness: 'Is the subject party business rather than council business?',
    briefedOtherGroupOnSameMatter: 'Has the officer accepted another group’s invitation on the same matter?',
  }),
  question('panel-conflict', 'May this member sit on this panel?', {
    panel: z.enum(['appointment', 'appeal', 'disciplinary', 'selection', 'regulatory']).optional(),
    relationship: z.enum(['none', 'close-friend', 'relative', 'partner', 'worked-with']).optional(),
    trainingCompleted: z.boolean().optional(),
  }, { panel: 'What kind of panel?', relationship: 'The member’s relationship with the officer or candidate', trainingCompleted: 'Has the member completed the required training?' }),
  question('complaint-route', 'Where does a concern or complaint go?', {
    complainant: z.enum(['member', 'officer', 'public-via-member']).optional(),
    about: z.enum(['officer', 'member', 'chief-executive']).optional(),
    severity: z.enum(['minor', 'serious']).optional(),
    formal: z.boolean().optional(),
  }, { complainant: 'Who is raising it?', about: 'Who is it about?', severity: 'How serious is it?', formal: 'Is it a formal, written complaint?' }),
  question('public-meeting', 'May this public meeting go ahead with officers?', {
    organiser: z.enum(['council', 'member']).optional(),
    partyPolitical: z.boolean().optional(),
    afterNoticeOfElection: z.boolean().optional(),
    venue: z.enum(['council', 'party', 'other']).optional(),
  }, { organiser: 'Who is organising it?', partyPolitical: 'Is it arranged on a party-political basis?', afterNoticeOfElection: 'Is it after the notice of election?', venue: 'Where will it be held?' }),
  question('resource-use', 'May council resources be used for this?', {
    use: z.enum(['council', 'ward', 'party-political', 'campaigning', 'private']).optional(),
  }, { use: 'What are the resources for?' }),
  question('correspondence', 'How should this letter be sent?', {
    blindCopy: z.boolean().optional(),
    createsObligation: z.boolean().optional(),
    inMemberName: z.boolean().optional(),
    wardCapacity: z.boolean().optional(),
  }, { blindCopy: 'Is another member blind-copied?', createsObligation: 'Does the letter create an obligation or give instructions for the council?', inMemberName: 'Is it sent in a member’s name?', wardCapacity: 'Does the member write as a ward member?' }),
  question('member-instruction', 'May a member instruct an officer?', {
    basis: z.enum(['formal-decision', 'consumables', 'allocated-support', 'political-assistant', 'none']).optional(),
  }, { basis: 'On what basis does the member instruct?' }),
  question('media-statement', 'What must a member do when speaking to the media?', {
    capacityStated: z.boolean().optional(),
    aboutOfficer: z.boolean().optional(),
    afterNoticeOfElection: z.boolean().optional(),
  }, { capacityStated: 'Has the member said in what capacity they speak?', aboutOfficer: 'Is the statement about an officer?', afterNoticeOfElection: 'Is it after the notice of election?' }),
  question('scrutiny-attendance', 'May scrutiny ask this officer to attend?', {
    officerGrade: grade.optional(),
    aboutOfficerConduct: z.boolean().optional(),
    politicalViewsSought: z.boolean().optional(),
  }, { officerGrade: 'The grade of the officer asked to attend', aboutOfficerConduct: 'Would the questions be about the officer’s conduct or competence?', politicalViewsSought: 'Would the officer be asked for political views?' }),
];

export const QUESTION_IDS = QUESTIONS.map((q) => q.id);

export function findQuestion(id: string): QuestionDefinition | undefined {
  return QUESTIONS.find((q) => q.id === id);
}
