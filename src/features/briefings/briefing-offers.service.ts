// The identical session offered to the other groups (bristol-2019 13): each offer is accepted (becoming that
// group's own briefing request, for the same officer and subject), declined, or left to lapse after the
// council's set time by a scheduled job.
import { z } from 'zod';
import { ukDate } from '../../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { CurrentUser } from '../../web/access.ts';
import type { JobHandlers } from '../../jobs/scheduler.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { systemActor, type Actor } from '../../actor.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { officerMailAddress } from '../directory/mail-addresses.repository.ts';
import { groupSideOf, isOfferedTo } from './briefing-access.ts';
import { OFFER_LAPSE_JOB } from './briefing-duties.ts';
import { findBriefing, findOffer, updateOffer } from './briefing.repository.ts';
import { requestBriefing, type BriefingDeps } from './briefing.service.ts';
import { groupPhrase, type Briefing, type BriefingOffer } from './briefing.types.ts';
import { text } from '../../web/text.ts';

/** An offer the person may answer or see: one made to their group, or to them as a member in no group. */
export async function offerFor(deps: Pick<BriefingDeps, 'db' | 'clock'>, user: CurrentUser, id: number): Promise<{ offer: BriefingOffer; mayAnswer: boolean }> {
  const q = deps.db.kysely;
  const offer = await findOffer(q, id);
  const side = await groupSideOf(q, user, ukDate(deps.clock.now()));
  if (!offer || !side) throw new NotFoundError('Offer');
  if (isOfferedTo(side, offer)) return { offer, mayAnswer: offer.groupId !== null ? side.speaksForGroup : true };
  throw new NotFoundError('Offer');
}

const conflict = () => new ConflictError('Someone answered this offer after you opened it. Here it is as it stands now.');

export async function answerOffer(deps: BriefingDeps, actor: Actor, user: CurrentUser, id: number, input: Record<string, unknown>): Promise<{ offer: BriefingOffer; briefing: Briefing | null }> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const { offer, mayAnswer } = await offerFor(deps, user, id);
  if (!mayAnswer) throw new ForbiddenError('Your group’s leader, deputy leader or secretary answers offers for the group');
  if (Number(input.version) !== offer.version || offer.status !== 'offered') throw conflict();
  const answer = input.answer;
  if (answer !== 'accept' && answer !== 'decline') throw new ValidationError([{ field: 'answer', message: 'Select whether you accept or decline the offer' }]);
  const at = now.toISOString();
  if (answer === 'decline') {
    const reason = text('Reason', { trim: true, max: 2000, tooLong: 'Keep the reason to 2000 characters or fewer' }).optional().safeParse(input.reason ?? '');
    if (!reason.success) throw new ValidationError([{ field: 'reason', message: reason.error.issues[0]?.message ?? 'Keep the reason to 2000 characters or fewer' }]);
    await q.transaction().execute(async (trx) => {
      if (!(await updateOffer(trx, offer.id, offer.version, { status: 'declined', answered_at: at, answered_by: actor.label, decline_reason: reason.data || null }))) throw conflict();
      await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing-offer.declined', entity: 'briefing-offer', entityId: offer.id, before: { status: 'offered' }, after: { status: 'declined', reason: reason.data || null } }, now);
    });
    return { offer: (await findOffer(q, offer.id))!, briefing: null };
  }
  const original = (await findBriefing(q, offer.briefingId))!;
  if (offer.groupId === null) {
    // A member in no group cannot hold a group's briefing: the officer is asked to arrange the session with them.
    await q.transaction().execute(async (trx) => {
      if (!(await updateOffer(trx, offer.id, offer.version, { status: 'accepted', answered_at: at, answered_by: actor.label }))) throw conflict();
      const address = await officerMailAddress(trx, original.officerId, ukDate(now));
      if (address) await queueMail(trx, { ...address, subject: `The briefing on “${original.subject}”: offer accepted`, text: `${offer.memberName} accepted the offer of the same briefing you are giving ${groupPhrase(original.groupName)}. Please arrange it with them.`, kind: 'briefing.offer-accepted', entity: 'briefing', entityId: original.id }, now);
      await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing-offer.accepted', entity: 'briefing-offer', entityId: offer.id, before: { status: 'offered' }, after: { status: 'accepted' } }, now);
    });
    return { offer: (await findOffer(q, offer.id))!, briefing: null };
  }
  // The same officer and subject: the group says when, and who will be there.
  const request = { ...input, officerId: original.officerId, subject: original.subject, partyBusiness: false };
  const briefing = await requestBriefing(deps, actor, user, request, {
    offeredFromBriefingId: original.id,
    groupId: offer.groupId,
    alsoInTransaction: async (trx, briefingId) => {
      if (!(await updateOffer(trx, offer.id, offer.version, { status: 'accepted', answered_at: at, answered_by: actor.label, accepted_briefing_id: briefingId }))) throw conflict();
      await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing-offer.accepted', entity: 'briefing-offer', entityId: offer.id, before: { status: 'offered' }, after: { status: 'accepted', briefingId } }, now);
    },
  });
  return { offer: (await findOffer(q, offer.id))!, briefing };
}

const lapsePayload = z.object({ offerId: z.number().int().positive() });

export const briefingJobHandlers: JobHandlers = {
  /** An offer still unanswered when its time is up lapses; one answered meanwhile is left as it is. */
  [OFFER_LAPSE_JOB]: async ({ trx, payload, now, deps }) => {
    const { offerId } = lapsePayload.parse(payload);
    const offer = await findOffer(trx, offerId);
    if (!offer || offer.status !== 'offered') return;
    if (await updateOffer(trx, offer.id, offer.version, { status: 'lapsed', answered_at: now.toISOString(), answered_by: systemActor.label })) {
      await appendAudit(trx, deps.db.dialect, systemActor, { action: 'briefing-offer.lapsed', entity: 'briefing-offer', entityId: offer.id, before: { status: 'offered' }, after: { status: 'lapsed', lapsesOn: offer.lapsesOn } }, now);
    }
  },
};
