// The demo council's document register: a past and a coming meeting of its main bodies, open agenda papers,
// exempt items under several Schedule 12A paragraphs (each with its public interest test), a confidential item,
// and one internal paper for each party group — each with a small PDF so that downloads work. Made through the
// real service, so every entry is validated and audited as a custodian's would be.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ukDate } from '../../clock.ts';
import { formatDate } from '../../web/format.ts';
import type { Actor } from '../../actor.ts';
import { insertMeeting } from '../documents/document.repository.ts';
import { addDocumentFile, createDocument, type DocumentDeps } from '../documents/document.service.ts';
import { minimalPdf } from '../documents/minimal-pdf.ts';

type Paper = {
  title: string;
  summary: string;
  body: string;
  /** Which of the body's meetings: the one just held, the one coming, or none. */
  meeting: 'last' | 'next' | null;
  author: RegExp;
  classification: 'open' | 'exempt' | 'confidential';
  exemptParagraph?: number;
  publicInterestTest?: string;
  confidentialGround?: string;
  metadataPublic?: boolean;
  text: string[];
};

// Bodies by kind, with the council's first body standing in where it has none of a kind (a town council has
// no cabinet and no standards committee of its own).
const PAPERS: Paper[] = [
  { title: 'Agenda', summary: 'The order of business, with the declarations of interest and public questions.', body: 'full-council', meeting: 'next', author: /Democratic|Clerk/i, classification: 'open', text: ['Apologies for absence.', 'Declarations of interest.', 'Minutes of the previous meeting.', 'Public questions.', 'Reports of the Cabinet and committees.'] },
  { title: 'Minutes of the previous meeting', summary: 'The draft minutes, to be approved as a correct record.', body: 'full-council', meeting: 'last', author: /Democratic|Clerk/i, classification: 'open', text: ['The minutes of the meeting are set out for approval as a correct record.'] },
  { title: 'Treasury management mid-year review', summary: 'Borrowing, investments and prudential indicators for the first half of the year.', body: 'full-council', meeting: 'next', author: /Finance|Treasurer|151/i, classification: 'open', text: ['Borrowing is within the authorised limit.', 'Investment returns are in line with the strategy approved in February.'] },
  { title: 'Revenue budget monitoring, quarter 2', summary: 'Forecast spending against the budget, service by service.', body: 'cabinet', meeting: 'last', author: /Finance|Treasurer|151/i, classification: 'open', text: ['The forecast is an overspend of 0.8% of the net budget, mostly in temporary accommodation.'] },
  { title: 'Disposal of the former depot site: heads of terms', summary: 'The preferred bidder’s offer and the terms proposed for the sale.', body: 'cabinet', meeting: 'next', author: /Property|Estates|Director|Finance/i, classification: 'exempt', exemptParagraph: 3, publicInterestTest: 'Publishing the offer before contracts are exchanged would weaken the council’s position if the sale fell through and the site had to be marketed again; the decision itself will be published.', metadataPublic: true, text: ['Offer received from the preferred bidder, with conditions.', 'Valuation advice and the recommended terms.'] },
  { title: 'Legal advice on the judicial review claim', summary: 'Counsel’s opinion on the prospects of defending the claim.', body: 'cabinet', meeting: 'next', author: /Legal|Monitoring|Solicitor/i, classification: 'exempt', exemptParagraph: 5, publicInterestTest: 'The advice is privileged; disclosing it while the claim is live would help the claimant and harm the council’s defence.', metadataPublic: false, text: ['Summary of the grounds of claim.', 'Counsel’s view of the prospects and the recommended course.'] },
  { title: 'Resettlement scheme: placements in the district', summary: 'Addresses and arrival dates of families placed under the national scheme.', body: 'cabinet', meeting: null, author: /Housing|Director/i, classification: 'confidential', confidentialGround: 'government-department', metadataPublic: true, text: ['Placement details supplied by the government department on terms that forbid disclosure.'] },
  { title: 'Planning applications for determination', summary: 'Officers’ reports and recommendations on the applications before the committee.', body: 'regulatory', meeting: 'next', author: /Planning/i, classification: 'open', text: ['Each application with the officer’s recommendation and the conditions proposed.'] },
  { title: 'Proposed enforcement notice: land off Mill Lane', summary: 'Breach of planning control and the notice proposed to remedy it.', body: 'regulatory', meeting: 'next', author: /Planning/i, classification: 'exempt', exemptParagraph: 6, publicInterestTest: 'Publishing the proposed notice before it is served could let the owner act to frustrate it; the notice will be public once served.', metadataPublic: true, text: ['The breach, the steps the notice would require and the time for compliance.'] },
  { title: 'Appointment of a Director: shortlisting report', summary: 'Candidates’ applications and the panel’s assessment.', body: 'employment', meeting: 'last', author: /Human Resources|HR|People|Chief Executive/i, classification: 'exempt', exemptParagraph: 1, publicInterestTest: 'The report holds personal information about applicants, who applied in confidence; the appointment will be announced.', metadataPublic: true, text: ['Applications received and the panel’s scoring against the person specification.'] },
  { title: 'Pay and grading review: consultation with the recognised unions', summary: 'Proposals put to the unions and their response so far.', body: 'employment', meeting: 'next', author: /Human Resources|HR|People|Chief Executive/i, classification: 'exempt', exemptParagraph: 4, publicInterestTest: 'Consultation is still under way; publishing the council’s negotiating position now would prejudice it.', metadataPublic: true, text: ['The proposals, the unions’ comments and the timetable for agreement.'] },
  { title: 'Fraud investigation: housing benefit case', summary: 'Progress of an investigation that may lead to prosecution.', body: 'standards', meeting: null, author: /Audit|Fraud|Finance|Legal/i, classification: 'exempt', exemptParagraph: 7, publicInterestTest: 'Disclosure could prejudice the investigation and any prosecution that follows.', metadataPublic: false, text: ['Evidence gathered and the next steps of the investigation.'] },
];

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function pick<T>(list: T[], match: (item: T) => boolean): T | undefined {
  return list.find(match) ?? list[0];
}

export async function seedDemoDocuments(deps: DocumentDeps, actor: Actor): Promise<number> {
  const q: Kysely<Tables> = deps.db.kysely;
  const today = ukDate(deps.clock.now());
  const at = deps.clock.now().toISOString();
  const bodies = await q.selectFrom('bodies').select(['id', 'name', 'kind']).orderBy('id').execute();
  const officers = await q.selectFrom('officers').select(['id', 'full_name', 'job_title']).where('left_on', 'is', null).orderBy('id').execute();
  const groups = await q.selectFrom('political_groups').select(['id', 'name']).orderBy('name').execute();
  if (!bodies.length) return 0;

  const meetings = new Map<string, number>();
  const meetingOf = async (body: { id: number; name: string }, which: 'last' | 'next') => {
    const key = `${body.id}:${which}`;
    const known = meetings.get(key);
    if (known !== undefined) return known;
    const heldOn = addDays(today, which === 'last' ? -17 : 12);
    const id = await insertMeeting(q, { bodyId: body.id, title: `${body.name}, ${formatDate(heldOn)}`, heldOn }, at);
    meetings.set(key, id);
    return id;
  };

  let count = 0;
  const store = async (input: Record<string, unknown>, title: string, text: string[]) => {
    const entry = await createDocument(deps, actor, input);
    const fileName = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.pdf`;
    await addDocumentFile(deps, actor, entry.id, { fileName, contentType: 'application/pdf', content: minimalPdf(title, text) });
    count++;
  };

  for (const paper of PAPERS) {
    const body = pick(bodies, (b) => b.kind === paper.body)!;
    const author = pick(officers, (o) => paper.author.test(o.job_title));
    await store(
      {
        title: paper.title,
        summary: paper.summary,
        bodyId: body.id,
        meetingId: paper.meeting ? await meetingOf(body, paper.meeting) : undefined,
        authorOfficerId: author?.id,
        authorName: author ? undefined : 'Democratic Services',
        classification: paper.classification,
        exemptParagraph: paper.exemptParagraph,
        publicInterestTest: paper.publicInterestTest,
        confidentialGround: paper.confidentialGround,
        reviewOn: paper.classification === 'open' ? undefined : addDays(today, 180),
        metadataPublic: paper.metadataPublic ?? false,
      },
      paper.title,
      [paper.summary, ...paper.text],
    );
  }

  // Each group's own paper for the coming full council: seen by that group and the register's custodians only.
  const council = pick(bodies, (b) => b.kind === 'full-council')!;
  for (const group of groups) {
    const title = `${group.name} group: draft amendment to the budget`;
    await store(
      { title, summary: `The ${group.name} group’s draft budget amendment, for discussion at its group meeting.`, bodyId: council.id, meetingId: await meetingOf(council, 'next'), authorName: `${group.name} group office`, classification: 'group-internal', groupId: group.id },
      title,
      [`Prepared for the ${group.name} group only.`, 'Proposed changes to the revenue budget and how they would be paid for.'],
    );
  }
  return count;
}
