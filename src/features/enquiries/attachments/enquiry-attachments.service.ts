// Files attached to an enquiry after it was logged: by its author or by whoever works it, never by someone
// it was only copied to. The files, a line in its history and the audit event are kept together, or nothing.
import { createHash } from 'node:crypto';
import type { Deps } from '../../../deps.ts';
import { ForbiddenError } from '../../../errors.ts';
import type { CurrentUser } from '../../../web/access.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import type { Actor } from '../../../actor.ts';
import { standingOn, type Standing } from '../enquiry-access.ts';
import { insertAttachment, insertEvent } from '../enquiry.repository.ts';
import { enquiryFor, type CheckedAttachment } from '../enquiry.service.ts';
import { ukDate } from '../../../clock.ts';

/** Whoever may act on the enquiry at all: its author, its officer and their managers, democratic services. */
export function mayAttach(standing: Standing): boolean {
  return standing.author || standing.officer || standing.oversees;
}

export async function addAttachments(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, user: CurrentUser, enquiryId: number, files: CheckedAttachment[]): Promise<void> {
  const q = deps.db.kysely;
  const enquiry = await enquiryFor(deps, user, enquiryId);
  if (!mayAttach(await standingOn(q, user, enquiry, ukDate(deps.clock.now())))) throw new ForbiddenError('Only the member, the officer working on it or democratic services can attach files to this enquiry');
  const now = deps.clock.now();
  const at = now.toISOString();
  const names = files.map((f) => f.fileName);
  await q.transaction().execute(async (trx) => {
    for (const file of files) {
      await insertAttachment(trx, enquiry.id, { ...file, sha256: createHash('sha256').update(file.content).digest('hex') }, actor.label, at);
    }
    await insertEvent(trx, enquiry.id, { kind: 'attachment', text: names.join(', ') }, actor, at);
    await appendAudit(trx, deps.db.dialect, actor, { action: 'enquiry.attachment', entity: 'enquiry', entityId: enquiry.id, after: { attachments: names } }, now);
  });
}
