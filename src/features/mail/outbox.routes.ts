// The outbox page of the admin area: mail waiting to go, mail given up on (with "Try again now"), and mail sent
// in the last week. For administrators and democratic services, who answer "did the member get the email?".
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { formErrors, type FormErrors } from '../../web/forms.ts';
import { ValidationError } from '../../errors.ts';
import { actorOf } from '../../web/actor.ts';
import { idParam } from '../../web/params.ts';
import { listOutbox, type OutboxRow } from './outbox.repository.ts';
import { MAX_ATTEMPTS, retryMail } from './outbox.service.ts';

export const outboxAccess = access.roles('admin', 'democratic-services');

/** Each list shows this many; the caption says how many there are in all. */
export const OUTBOX_PAGE_ROWS = 100;
const SENT_DAYS = 7;

export type MailView = {
  id: number;
  to: string;
  toName: string | null;
  subject: string;
  kind: string;
  record: string | null;
  queuedAt: string;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  failedAt: string | null;
  lastError: string | null;
  messageId: string | null;
};

function mailView(row: OutboxRow): MailView {
  return {
    id: row.id,
    to: row.recipient,
    toName: row.recipient_name,
    subject: row.subject,
    kind: row.kind,
    record: row.entity ? `${row.entity}${row.entity_id ? ` ${row.entity_id}` : ''}` : null,
    queuedAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    failedAt: row.failed_permanently_at,
    lastError: row.last_error,
    messageId: row.message_id,
  };
}

export function registerOutboxRoutes(app: FastifyInstance, deps: Deps): void {
  const who = { config: { access: outboxAccess } };

  async function renderOutbox(reply: FastifyReply, extra: { errors?: FormErrors; flash?: string } = {}): Promise<FastifyReply> {
    const sentSince = new Date(deps.clock.now().getTime() - SENT_DAYS * 86_400_000).toISOString();
    const lists = await listOutbox(deps.db.kysely, sentSince, OUTBOX_PAGE_ROWS);
    return reply.code(extra.errors ? 400 : 200).page('mail/views/outbox.njk', {
      title: 'Mail',
      pending: lists.pending.map(mailView),
      failed: lists.failed.map(mailView),
      sent: lists.sent.map(mailView),
      counts: lists.counts,
      shown: OUTBOX_PAGE_ROWS,
      sentDays: SENT_DAYS,
      maxAttempts: MAX_ATTEMPTS,
      smtpConfigured: Boolean(deps.config.smtpUrl),
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  app.get('/admin/outbox', who, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const retried = typeof query.retried === 'string' && /^\d{1,9}$/.test(query.retried) ? query.retried : undefined;
    return renderOutbox(reply, { flash: retried ? `Message ${retried} will be sent again at the next delivery, within a minute` : undefined });
  });

  app.post('/admin/outbox/:id/retry', who, async (request, reply) => {
    const id = idParam(request, 'Message');
    try {
      await retryMail(deps, actorOf(request), id);
    } catch (error) {
      if (error instanceof ValidationError) return renderOutbox(reply, { errors: formErrors(error.fields) });
      throw error;
    }
    return reply.redirect(`/admin/outbox?retried=${id}`, 303);
  });
}
