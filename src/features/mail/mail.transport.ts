// Sending one message over SMTP with nodemailer, and telling a failure worth retrying from one that is not.
import type { Transporter } from 'nodemailer';

export type OutgoingMail = { from: string; to: { name: string | null; address: string }; subject: string; text: string; messageId: string };

export type MailTransport = { send(mail: OutgoingMail): Promise<void>; close(): void };

export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Short timeouts: a delivery run holds each message under a lease, and a silent server must not outlast it.
  // nodemailer is loaded with the first message sent: an instance with nothing to send never holds it.
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })));
  return {
    async send(mail) {
      await (await open()).sendMail({
        from: mail.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        // The outbox id: a resend after a crash carries the same Message-ID, so it is recognisable as the same message.
        messageId: mail.messageId,
      });
    },
    close: () => void transport?.then(
      (t) => t.close(),
      () => undefined,
    ),
  };
}

/**
 * A 5xx reply to the envelope or the message is the server's final word (no such mailbox, message refused),
 * and an envelope refused before any server saw it (no usable address) will not improve either: retrying
 * changes nothing. Anything else, including a 5xx to authentication (a setting to fix), may pass later.
 */
export function isPermanentFailure(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (code === 'EENVELOPE' && responseCode === undefined) return true;
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
