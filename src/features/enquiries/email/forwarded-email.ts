// Reads an email a member saved and uploaded to become an enquiry: an Internet message (.eml, as Outlook on
// the web, Apple Mail and Thunderbird save it) or an Outlook message (.msg, as Outlook for Windows saves it).
// Which one is told by the content, since names are often wrong: a .msg is a compound file, an .eml is text
// that starts with mail headers.
import { ValidationError } from '../../../errors.ts';
import { cleanFileName } from '../attachments/attachment-check.ts';
import { forwardedMessage } from './forwarded-block.ts';
import { readInternetMessage } from './internet-message.ts';
import { NotAnOutlookMessageError, readOutlookMessage } from './outlook-message.ts';

/** A sender or recipient. Either part may be missing, never both; an address is kept in lower case. */
export type Mailbox = { name: string | null; address: string | null };

/** A file that came with the email, with the type its sender declared: check it by content before keeping it. */
export type EmailAttachment = { fileName: string; bytes: Uint8Array; declaredType: string | null };

/** The message quoted below a member's "Forward": usually the resident's own email. */
export type ForwardedMessage = { from: Mailbox | null; sentAt: string | null; subject: string | null };

export type ForwardedEmail = {
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  /** When it was sent, ISO 8601 in UTC. */
  sentAt: string | null;
  subject: string | null;
  /** The plain text body; HTML-only mail is converted to readable text. */
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  attachments: EmailAttachment[];
  /** Present when the body quotes a forwarded message. */
  forwarded?: ForwardedMessage;
};

/** What each format's reader gives; the forwarded message is found in the text the same way for both. */
export type EmailContent = Omit<ForwardedEmail, 'forwarded'>;

/** Header names that start almost every saved message; one of them among the headers marks an .eml. */
const MAIL_HEADERS = /^(from|to|subject|date|message-id|received|return-path|mime-version|delivered-to):/i;

/** Enough for the headers of a message that has passed through many servers. */
const HEAD_BYTES = 64 * 1024;

function isCompoundFile(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

function isInternetMessage(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('latin1');
  if (head.includes('\0')) return false;
  // An mbox export starts with a "From sender date" line before the headers.
  const lines = head.replace(/^\uFEFF/, '').replace(/^From [^\n]*\n/, '').split(/\r?\n/);
  if (bytes.byteLength > HEAD_BYTES) lines.pop();
  const end = lines.indexOf('');
  const headerBlock = end === -1 ? lines : lines.slice(0, end);
  // Every line a header ("Name: value") or the folded continuation of one.
  const wellFormed = headerBlock.every((line) => /^[!-9;-~]+:/.test(line) || /^[ \t]/.test(line));
  return wellFormed && headerBlock.some((line) => MAIL_HEADERS.test(line));
}

function notAnEmail(fileName: string, why: string): ValidationError {
  return new ValidationError([{ field: 'file', message: `${cleanFileName(fileName)} ${why}: save the message as .eml or .msg and upload that` }]);
}

/** The email in an uploaded .eml or .msg file; a ValidationError on the file field names a file that is neither. */
export async function readForwardedEmail(bytes: Uint8Array, fileName: string): Promise<ForwardedEmail> {
  const compound = isCompoundFile(bytes);
  if (!compound && !isInternetMessage(bytes)) throw notAnEmail(fileName, 'is not an email');
  let content: EmailContent;
  try {
    content = compound ? await readOutlookMessage(bytes) : await readInternetMessage(bytes);
  } catch (error) {
    if (error instanceof NotAnOutlookMessageError) throw notAnEmail(fileName, 'is not an email');
    const what = compound ? 'an Outlook message' : 'an email';
    throw notAnEmail(fileName, `could not be read as ${what} (${(error as Error).message})`);
  }
  const forwarded = forwardedMessage(content.text);
  return forwarded ? { ...content, forwarded } : content;
}
