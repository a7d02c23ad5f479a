// A real SMTP server in the test process, on a free port: it keeps every message it accepts, and can be told to
// refuse messages with a given reply code, as a mail server under strain (4xx) or a refusing one (5xx) would.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export type ReceivedMail = { messageId: string; from: string; to: string[]; subject: string; text: string };

export type TestSmtp = {
  url: string;
  received: ReceivedMail[];
  /** How many DATA commands arrived, accepted or refused. */
  attempts: () => number;
  /** From now on, refuse each message with this reply code; null to accept again. */
  refuseWith(code: number | null, message?: string): void;
  /** Forgets what arrived so far, and accepts again. */
  reset(): void;
  close(): Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts += 1;
        if (refusal) {
          const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            received.push({
              messageId: parsed.messageId ?? '',
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    refuseWith(code, message = 'Refused for this test') {
      refusal = code === null ? null : { code, message };
    },
    reset() {
      received.length = 0;
      attempts = 0;
      refusal = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
