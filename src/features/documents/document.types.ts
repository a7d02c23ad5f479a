// The document register in the council's words: how an entry is classified, and the entry as the repository
// returns it. Labels are Nolan's own summaries of the law, cited by section, never its text.

export const CLASSIFICATIONS = ['open', 'exempt', 'confidential', 'group-internal'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  open: 'Open',
  exempt: 'Exempt',
  confidential: 'Confidential',
  'group-internal': 'Party group internal',
};

/** Local Government Act 1972, Schedule 12A, Part 1 (England): the seven categories of exempt information. */
export const EXEMPT_PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;
export type ExemptParagraph = (typeof EXEMPT_PARAGRAPHS)[number];

export const EXEMPT_PARAGRAPH_LABELS: Record<ExemptParagraph, string> = {
  1: 'Paragraph 1: about a particular person',
  2: 'Paragraph 2: could identify a particular person',
  3: 'Paragraph 3: someone’s financial or business affairs, the council’s included',
  4: 'Paragraph 4: labour relations consultations or negotiations',
  5: 'Paragraph 5: legal professional privilege',
  6: 'Paragraph 6: a notice, order or direction the council proposes to make',
  7: 'Paragraph 7: preventing, investigating or prosecuting crime',
};

/** Local Government Act 1972 s100A(3): the grounds on which information is confidential. */
export const CONFIDENTIAL_GROUNDS = ['government-department', 'enactment', 'court-order'] as const;
export type ConfidentialGround = (typeof CONFIDENTIAL_GROUNDS)[number];

export const CONFIDENTIAL_GROUND_LABELS: Record<ConfidentialGround, string> = {
  'government-department': 'Given by a government department on terms that forbid disclosure (s100A(3)(a))',
  enactment: 'Disclosure is barred by or under an Act (s100A(3)(b))',
  'court-order': 'Disclosure is barred by a court order (s100A(3)(b))',
};

export type Meeting = { id: number; bodyId: number; bodyName: string; title: string; heldOn: string };

export type DocumentEntry = {
  id: number;
  title: string;
  summary: string;
  bodyId: number;
  bodyName: string;
  meetingId: number | null;
  meetingTitle: string | null;
  meetingHeldOn: string | null;
  authorOfficerId: number | null;
  authorOfficerName: string | null;
  authorName: string | null;
  classification: Classification;
  exemptParagraph: ExemptParagraph | null;
  publicInterestTest: string | null;
  confidentialGround: ConfidentialGround | null;
  groupId: number | null;
  groupName: string | null;
  reviewOn: string | null;
  metadataPublic: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The newest file's version number, or null before any file is uploaded. */
  latestFileVersion: number | null;
};

export type DocumentFileInfo = {
  documentId: number;
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  /** The exempt or personal parts are taken out: the version a redacted grant opens. */
  redacted: boolean;
};

/** text: the words read when it was uploaded, null where there are none to show; textReadAt: null for a file
 * stored before the words were kept, which are read in the background (document-old-text.ts). */
export type DocumentFile = DocumentFileInfo & { content: Uint8Array; text: string | null; textReadAt: string | null };
