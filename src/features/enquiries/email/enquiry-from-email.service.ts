// An enquiry made from an email a member sent or forwarded: the email is read, its attachments checked as any
// upload is, and it waits as a draft while the person checks what was read from it. Confirming logs the
// enquiry with the email itself kept as its first attachment, so the thread stays with the enquiry.
import type { Deps } from '../../../deps.ts';
import { NotFoundError } from '../../../errors.ts';
import type { CurrentUser } from '../../../web/access.ts';
import type { Actor } from '../../../actor.ts';
import { findMember } from '../../directory/members.repository.ts';
import { nameForContent } from '../../../web/file-names.ts';
import { cleanFileName } from '../attachments/attachment-check.ts';
import { checkFiles } from '../attachments/attachment-uploads.ts';
import { logEnquiry, type CheckedAttachment } from '../enquiry.service.ts';
import type { Enquiry } from '../enquiry.types.ts';
import { deleteEmailDraft, findEmailDraft, insertEmailDraft, memberIdByEmail, type EmailDraft } from './email-draft.repository.ts';
import { readForwardedEmail, type ForwardedEmail, type Mailbox } from './forwarded-email.ts';

type IntakeDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** An email with its attachments may be larger than one attachment: up to 25 MB. */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

/** How long an uploaded email waits to be confirmed: a working day, with room to spare. */
const DRAFT_HOURS = 24;

/** The email read, or what is wrong with it (each problem names the file). */
export type ReadEmail = { ok: true; email: ForwardedEmail; original: CheckedAttachment; attachments: CheckedAttachment[] } | { ok: false; problems: string[] };

async function readEmail(content: Uint8Array, fileName: string): Promise<ReadEmail> {
  let email: ForwardedEmail;
  try {
    email = await readForwardedEmail(content, fileName);
  } catch (error) {
    const fields = (error as { fields?: { message: string }[] }).fields;
    if (fields) return { ok: false, problems: fields.map((f) => f.message) };
    throw error;
  }
  const name = cleanFileName(fileName);
  const checked = await checkFiles(email.attachments.map((a) => ({ fileName: a.fileName, content: a.bytes })), name);
  if (checked.problems.length) return { ok: false, problems: checked.problems };
  const outlook = content[0] === 0xd0 && content[1] === 0xcf;
  const contentType = outlook ? 'application/vnd.ms-outlook' : 'message/rfc822';
  const original = { fileName: cleanFileName(nameForContent(name, contentType)), contentType, content };
  return { ok: true, email, original, attachments: checked.accepted };
}

/** Reads an uploaded email and keeps it as a draft for its uploader; the draft's id, or the problems. */
export async function draftFromEmail(deps: IntakeDeps, user: CurrentUser, file: { fileName: string; content: Uint8Array }): Promise<{ ok: true; draftId: number } | { ok: false; problems: string[] }> {
  const read = await readEmail(file.content, file.fileName);
  if (!read.ok) return read;
  const now = deps.clock.now();
  const draftId = await insertEmailDraft(deps.db.kysely, {
    userId: user.id,
    fileName: read.original.fileName,
    content: file.content,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DRAFT_HOURS * 3600_000).toISOString(),
  });
  return { ok: true, draftId };
}

function stripReplyPrefixes(subject: string): string {
  return subject.replace(/^\s*((re|fw|fwd)\s*:\s*)+/i, '').trim();
}

export function mailboxText(mailbox: Mailbox | null): string {
  if (!mailbox) return 'Not given';
  return mailbox.name && mailbox.address ? `${mailbox.name} <${mailbox.address}>` : (mailbox.name ?? mailbox.address ?? 'Not given');
}

export type EmailDraftView = {
  draft: EmailDraft;
  email: ForwardedEmail;
  attachments: CheckedAttachment[];
  /** The member the sender's address belongs to, if any. */
  matchedMemberId: number | null;
  matchedMemberName: string | null;
  values: { memberId: string; subject: string; details: string };
};

async function draftOf(deps: IntakeDeps, user: CurrentUser, draftId: number): Promise<{ draft: EmailDraft; read: Extract<ReadEmail, { ok: true }> }> {
  const draft = await findEmailDraft(deps.db.kysely, draftId, user.id, deps.clock.now().toISOString());
  if (!draft) throw new NotFoundError('Email');
  const read = await readEmail(draft.content, draft.fileName);
  // It was read when uploaded, and reading is the same each time.
  if (!read.ok) throw new NotFoundError('Email');
  return { draft, read };
}

/** What the enquiry form shows for a draft: the sender matched to a member, the subject and the text. */
export async function emailDraftView(deps: IntakeDeps, user: CurrentUser, draftId: number): Promise<EmailDraftView> {
  const { draft, read } = await draftOf(deps, user, draftId);
  const { email } = read;
  const address = email.from?.address ?? null;
  const own = address !== null && user.memberId !== null && address === user.email.toLowerCase() ? user.memberId : undefined;
  const matchedMemberId = own ?? (address ? await memberIdByEmail(deps.db.kysely, address) : undefined) ?? null;
  const matched = matchedMemberId ? await findMember(deps.db.kysely, matchedMemberId) : undefined;
  const subject = stripReplyPrefixes(email.subject ?? '') || stripReplyPrefixes(email.forwarded?.subject ?? '');
  return {
    draft,
    email,
    attachments: read.attachments,
    matchedMemberId,
    matchedMemberName: matched?.fullName ?? null,
    values: { memberId: matchedMemberId ? String(matchedMemberId) : '', subject: subject.slice(0, 200), details: email.text.slice(0, 20_000) },
  };
}

/** Logs the enquiry as checked on the form, with the email and its attachments, and any files added on the form. */
export async function logEnquiryFromEmail(deps: IntakeDeps, actor: Actor, user: CurrentUser, draftId: number, input: unknown, added: CheckedAttachment[]): Promise<Enquiry> {
  const { draft, read } = await draftOf(deps, user, draftId);
  const { email } = read;
  const resident = email.forwarded?.from ? `, forwarding a message from ${mailboxText(email.forwarded.from)}` : '';
  const note = `From an email from ${mailboxText(email.from)}${resident}`;
  // The draft goes with the enquiry it became, in one transaction: a form sent twice logs one enquiry.
  return logEnquiry(deps, actor, user, input, [read.original, ...read.attachments, ...added], {
    note,
    alsoInTransaction: async (trx) => {
      if (!(await deleteEmailDraft(trx, draft.id))) throw new NotFoundError('Email');
    },
  });
}
