// An Outlook message (.msg): a compound file of MAPI properties, read with msgreader. A message Outlook
// received keeps the Internet headers it arrived with; those give the sender, the date and the thread
// (Message-ID, In-Reply-To, References) exactly as sent. A message saved from Sent Items or Drafts has none,
// so the MAPI properties stand in for them.
import msgreader, { type FieldsData } from '@kenjiuno/msgreader';
import type { ParsedMail } from 'mailparser';
import { cleanFileName } from '../attachments/attachment-check.ts';
import { textFromHtml, tidyText } from './email-text.ts';
import type { EmailAttachment, EmailContent, Mailbox } from './forwarded-email.ts';
import { mailboxes } from './internet-message.ts';

/** A compound file that is not a mail message: a Word 97-2003 document, say, or a calendar item. */
export class NotAnOutlookMessageError extends Error {}

/** An SMTP address, not the Exchange directory name ("/O=EXCHANGELABS/OU=…") Outlook keeps for colleagues. */
function smtpAddress(...candidates: (string | undefined)[]): string | null {
  const found = candidates.find((value) => value && /^[^\s/@]+@[^\s@]+$/.test(value.trim()));
  return found?.trim().toLowerCase() ?? null;
}

/** Outlook quotes a name that is only an address ("'jane@example.org'"); such a name says nothing more. */
function mailbox(rawName: string | undefined, address: string | null): Mailbox | null {
  const name = rawName?.trim().replace(/^'(.*)'$/, '$1').trim() || null;
  if (!name && !address) return null;
  return { name: name && name.toLowerCase() !== address ? name : null, address };
}

function isoTime(value: string | Date | undefined): string | null {
  const time = value ? new Date(value) : undefined;
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : null;
}

// PidTagInternetCodepage names the character set of an HTML body kept as bytes; 65001 is UTF-8.
function htmlCharset(codepage: number | undefined): string {
  const known: Record<number, string> = { 65001: 'utf-8', 1200: 'utf-16le', 20127: 'us-ascii', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5' };
  if (codepage === undefined) return 'utf-8';
  if (codepage >= 28591 && codepage <= 28605) return `iso-8859-${codepage - 28590}`;
  return known[codepage] ?? `windows-${codepage}`;
}

async function bodyText(data: FieldsData): Promise<string> {
  if (data.body?.trim()) return tidyText(data.body);
  if (data.bodyHtml) return textFromHtml(data.bodyHtml);
  if (!data.html) return '';
  let html: string;
  try {
    html = new TextDecoder(htmlCharset(data.internetCodepage)).decode(data.html);
  } catch {
    html = new TextDecoder('utf-8').decode(data.html);
  }
  return textFromHtml(html);
}

function attachmentsOf(reader: InstanceType<typeof msgreader.default>, data: FieldsData): EmailAttachment[] {
  // Images placed in the body without a name are part of the layout, not files sent.
  const kept = (data.attachments ?? []).filter((a) => a.fileName || a.name || !(a.attachmentHidden || a.pidContentId));
  return kept.map((attachment, i) => {
    const { fileName, content } = reader.getAttachment(attachment);
    return {
      fileName: cleanFileName(fileName || attachment.name || `attachment-${i + 1}`),
      bytes: content,
      // An attached Outlook item is handed back as a .msg of its own.
      declaredType: attachment.attachMimeTag ?? (attachment.innerMsgContent ? 'application/vnd.ms-outlook' : null),
    };
  });
}

/** The Internet headers the message arrived with; without them (or unreadable) the MAPI properties serve. */
async function transportHeaders(data: FieldsData): Promise<ParsedMail | undefined> {
  if (!data.headers) return undefined;
  try {
    const { simpleParser } = await import('mailparser');
    return await simpleParser(Buffer.from(`${data.headers.trimEnd()}\r\n\r\n`));
  } catch {
    return undefined;
  }
}

export async function readOutlookMessage(bytes: Uint8Array): Promise<EmailContent> {
  // A copy that is exactly the file: a Buffer's .buffer may be a shared pool holding other data too.
  const reader = new msgreader.default(new Uint8Array(bytes).buffer);
  const data = reader.getFileData();
  // Every Outlook item has a message class: IPM.Note is mail; IPM.Appointment, IPM.Contact and the rest are
  // other items. A compound file without one (a Word 97-2003 document, say) is no Outlook item at all.
  if (data.error || data.dataType !== 'msg' || !/^IPM\.Note\b/i.test(data.messageClass ?? '')) {
    throw new NotAnOutlookMessageError(data.error ?? `message class ${data.messageClass ?? 'missing'}`);
  }
  const headers = await transportHeaders(data);
  const recipients = (data.recipients ?? []).map((r) => ({ type: r.recipType, mailbox: mailbox(r.name, smtpAddress(r.smtpAddress, r.email)) }));
  const listed = (type: string) => recipients.flatMap((r) => (r.type === type && r.mailbox ? [r.mailbox] : []));
  const references = typeof headers?.references === 'string' ? [headers.references] : (headers?.references ?? []);
  return {
    from: mailboxes(headers?.from)[0] ?? mailbox(data.senderName, smtpAddress(data.senderSmtpAddress, data.sentRepresentingSmtpAddress, data.senderEmail)),
    to: recipients.length ? listed('to') : mailboxes(headers?.to),
    cc: recipients.length ? listed('cc') : mailboxes(headers?.cc),
    sentAt: isoTime(data.clientSubmitTime) ?? isoTime(headers?.date) ?? isoTime(data.messageDeliveryTime),
    subject: data.subject?.trim() || null,
    text: await bodyText(data),
    messageId: headers?.messageId ?? data.messageId ?? null,
    inReplyTo: headers?.inReplyTo ?? null,
    references,
    attachments: attachmentsOf(reader, data),
  };
}
