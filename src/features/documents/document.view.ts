// The register's entries as pages show them: classification in words, the reason it is not open, and the form's
// values for an entry being changed.
import { formatDate } from '../../web/format.ts';
import type { DocumentEntry } from './document.types.ts';
import { CLASSIFICATION_LABELS, CONFIDENTIAL_GROUND_LABELS, EXEMPT_PARAGRAPH_LABELS } from './document.types.ts';
import type { SeenEntry } from './document-register.ts';

type Classified = Pick<SeenEntry, 'classification' | 'exemptParagraph' | 'confidentialGround' | 'groupName'>;

/** "Exempt: Schedule 12A paragraph 3", "Confidential: …", "Party group internal: Red Party Group" or "Open". */
export function classificationText(entry: Classified): string {
  const label = CLASSIFICATION_LABELS[entry.classification];
  if (entry.classification === 'exempt' && entry.exemptParagraph !== null) return `${label} under Schedule 12A, paragraph ${entry.exemptParagraph}`;
  if (entry.classification === 'confidential') return `${label} (Local Government Act 1972 s100A)`;
  if (entry.classification === 'group-internal' && entry.groupName) return `${label}: ${entry.groupName}`;
  return label;
}

/** Why the paper is not open, in words: the paragraph's or ground's description. */
export function classificationReason(entry: Classified): string | null {
  if (entry.classification === 'exempt' && entry.exemptParagraph !== null) return EXEMPT_PARAGRAPH_LABELS[entry.exemptParagraph];
  if (entry.classification === 'confidential' && entry.confidentialGround !== null) return CONFIDENTIAL_GROUND_LABELS[entry.confidentialGround];
  return null;
}

/** One line saying why a paper is not public: "Exempt under Schedule 12A, paragraph 4: labour relations …". */
export function privateReason(entry: Classified): string | null {
  const reason = classificationReason(entry);
  if (!reason) return null;
  const lower = reason.charAt(0).toLowerCase() + reason.slice(1);
  return entry.classification === 'exempt' ? `Exempt under Schedule 12A, ${lower}` : `Confidential: ${lower}`;
}

const TAG_COLOURS: Record<SeenEntry['classification'], string> = { open: 'govuk-tag--green', exempt: 'govuk-tag--orange', confidential: 'govuk-tag--red', 'group-internal': 'govuk-tag--purple' };

export function classificationTag(entry: Classified): { text: string; classes: string } {
  return { text: CLASSIFICATION_LABELS[entry.classification], classes: TAG_COLOURS[entry.classification] };
}

/** A meeting as a line of text: its title, with its date and body added where the title does not already say them. */
export function meetingText(meeting: { title: string; heldOn: string; bodyName?: string }): string {
  const date = formatDate(meeting.heldOn);
  let text = meeting.title.includes(date) ? meeting.title : `${meeting.title}, ${date}`;
  if (meeting.bodyName && !text.includes(meeting.bodyName)) text = `${text} (${meeting.bodyName})`;
  return text;
}

export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The form's values for an entry: the review date split for GOV.UK's date input. */
export function formValues(entry: DocumentEntry): Record<string, string> {
  const [year, month, day] = (entry.reviewOn ?? '').split('-');
  return {
    title: entry.title,
    summary: entry.summary,
    bodyId: String(entry.bodyId),
    meetingId: entry.meetingId === null ? '' : String(entry.meetingId),
    authorOfficerId: entry.authorOfficerId === null ? '' : String(entry.authorOfficerId),
    authorName: entry.authorName ?? '',
    classification: entry.classification,
    exemptParagraph: entry.exemptParagraph === null ? '' : String(entry.exemptParagraph),
    publicInterestTest: entry.publicInterestTest ?? '',
    confidentialGround: entry.confidentialGround ?? '',
    groupId: entry.groupId === null ? '' : String(entry.groupId),
    'reviewOn-day': day ? String(Number(day)) : '',
    'reviewOn-month': month ? String(Number(month)) : '',
    'reviewOn-year': year ?? '',
    metadataPublic: entry.metadataPublic ? 'yes' : '',
    version: String(entry.version),
  };
}

function one(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';
}

/** The posted form as the service takes it; a review date is put together only when any part of it was given. */
export function documentInputFrom(body: Record<string, unknown>): Record<string, unknown> {
  const [day, month, year] = ['reviewOn-day', 'reviewOn-month', 'reviewOn-year'].map((k) => one(body[k]).trim());
  const reviewOn = day || month || year ? `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` : '';
  return {
    title: one(body.title),
    summary: one(body.summary),
    bodyId: one(body.bodyId),
    meetingId: one(body.meetingId),
    authorOfficerId: one(body.authorOfficerId),
    authorName: one(body.authorName),
    classification: one(body.classification) || undefined,
    exemptParagraph: one(body.exemptParagraph),
    publicInterestTest: one(body.publicInterestTest),
    confidentialGround: one(body.confidentialGround),
    groupId: one(body.groupId),
    reviewOn,
    metadataPublic: one(body.metadataPublic),
  };
}

/** The form's own text fields, to show again with its errors. */
export function textValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== '_csrf').map(([k, v]) => [k, one(v)]));
}
