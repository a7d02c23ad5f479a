// An Internet message (RFC 5322, saved as .eml), read with mailparser: it decodes quoted-printable and base64
// bodies, encoded-word subjects and names (RFC 2047) and character sets, and turns HTML-only mail into text.
import type { AddressObject, Attachment } from 'mailparser';
import { cleanFileName } from '../attachments/attachment-check.ts';
import { textFromHtml, tidyText } from './email-text.ts';
import type { EmailAttachment, EmailContent, Mailbox } from './forwarded-email.ts';

export function mailboxes(field: AddressObject | AddressObject[] | undefined): Mailbox[] {
  const list = (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value);
  // A group ("Ward councillors: a@…, b@…;") lists its members inside it.
  return list.flatMap((entry) => entry.group ?? [entry]).flatMap((entry) => {
    const name = entry.name.trim() || null;
    const address = entry.address?.trim().toLowerCase() || null;
    return name || address ? [{ name, address }] : [];
  });
}

function attachmentsOf(attachments: Attachment[]): EmailAttachment[] {
  // Images placed in the body without a name (a signature's logo) are part of the layout, not files sent.
  const kept = attachments.filter((a) => a.filename || (a.contentDisposition !== 'inline' && !a.related && !a.cid));
  return kept.map((a, i) => ({
    fileName: cleanFileName(a.filename ?? `attachment-${i + 1}${a.contentType === 'message/rfc822' ? '.eml' : ''}`),
    bytes: new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    declaredType: a.contentType || null,
  }));
}

export async function readInternetMessage(bytes: Uint8Array): Promise<EmailContent> {
  // Images in the body stay "cid:" links rather than becoming data: URLs a photo's size.
  // mailparser is loaded when the first email arrives rather than by every instance at start.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { keepCidLinks: true });
  const references = typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []);
  return {
    from: mailboxes(mail.from)[0] ?? null,
    to: mailboxes(mail.to),
    cc: mailboxes(mail.cc),
    sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    subject: mail.subject?.trim() || null,
    // mailparser writes text for an HTML-only message, but not for HTML-only parts of a multipart one.
    text: mail.text !== undefined ? tidyText(mail.text) : mail.html ? await textFromHtml(mail.html) : '',
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references,
    attachments: attachmentsOf(mail.attachments),
  };
}
