// After the briefing: whether it went ahead, how long the officer stayed and whether they left before party
// business, the group's notes (confidential to the group and the officer) and the officer's check of what the
// notes attribute to them; a report the officer prepared for the group. Each step carries out what the
// profile asks of it — notices to the other groups, a report announced — in the same transaction.
import { z } from 'zod';
import { ukDate } from '../../clock.ts';
import { ConflictError, ForbiddenError, ValidationError, type FieldError } from '../../errors.ts';
import type { CurrentUser } from '../../web/access.ts';
import { hasDuty } from '../../protocol/duties.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { groupSideOf, mayAct, standingOn } from './briefing-access.ts';
import { announceReport, sendReportCopy, tellOthersOfAttendance } from './briefing-duties.ts';
import { mailNotesToVerify, mailNotesVerified } from './briefing-mail.ts';
import { findBriefing, listNotices, updateBriefing, type BriefingChanges } from './briefing.repository.ts';
import { briefingReference, LEFT_BEFORE, STATUS_LABELS, type Briefing } from './briefing.types.ts';
import { briefingFor, checkVersion, type BriefingDeps } from './briefing.service.ts';
import { optionalText } from '../../web/text.ts';

const optional = (label: string, max: number) => optionalText(label, { max, tooLong: `Keep it to ${max.toLocaleString('en-GB')} characters or fewer` });

export const outcomeSchema = z.discriminatedUnion('held', [
  z.object({
    held: z.literal('yes'),
    minutesAttended: z.coerce.number({ error: 'Enter how many minutes the officer was there, as a whole number' }).int('Enter how many minutes the officer was there, as a whole number').min(1, 'Enter how many minutes the officer was there, 1 or more').max(1440, 'The officer cannot have been there more than 1440 minutes'),
    leftBeforePartyBusiness: z.enum(LEFT_BEFORE, { error: 'Say whether the officer left before party business was discussed' }),
    notes: optional('Notes', 20_000),
    attributedComments: optional('Attributed comments', 20_000),
    subjectConsent: z.union([z.boolean(), z.literal('yes'), z.literal('')]).optional().transform((v) => v === true || v === 'yes'),
  }),
  z.object({ held: z.literal('no'), notes: optional('Notes', 2000) }),
], { error: 'Say whether the briefing went ahead' });

const conflict = (b: Briefing) => new ConflictError(`Someone changed ${briefingReference(b.id)} after you opened it. Here it is as it stands now: check it, then try again.`);

function problemsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.code === 'invalid_union' && i.path.length === 0 ? 'held' : String(i.path[0] ?? 'held'), message: i.message }));
}

export async function recordOutcome(deps: BriefingDeps, actor: Actor, user: CurrentUser, id: number, input: Record<string, unknown>): Promise<Briefing> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const today = ukDate(now);
  const b = await briefingFor(deps, user, id);
  if (!mayAct(await standingOn(q, user, b, today), 'outcome')) throw new ForbiddenError('Only the group’s leader, deputy leader or secretary, or the officer, may record how the briefing went');
  await checkVersion(b, input.version);
  if (b.status !== 'accepted') throw new ConflictError(`${briefingReference(b.id)} is ${STATUS_LABELS[b.status].toLowerCase()}: only an accepted briefing can be recorded as held.`);
  const parsed = outcomeSchema.safeParse({ ...input, held: input.held === undefined || input.held === '' ? undefined : input.held });
  if (!parsed.success) throw new ValidationError(problemsOf(parsed.error));
  const data = parsed.data;
  if (b.meetsOn > today) throw new ValidationError([{ field: 'held', message: `The briefing is on ${b.meetsOn}: record it on or after that day` }]);
  const at = now.toISOString();
  let changes: BriefingChanges;
  if (data.held === 'yes') {
    // A record of what the officer said is final only once they have checked it, where the protocol asks so.
    const verify = data.attributedComments !== null && b.duties.some((d) => d.duty === 'officer-verifies-notes');
    changes = {
      status: 'held',
      attended: true,
      minutes_attended: data.minutesAttended,
      left_before_party_business: data.leftBeforePartyBusiness,
      notes: data.notes,
      attributed_comments: data.attributedComments,
      notes_status: verify ? 'awaiting-officer' : data.notes || data.attributedComments ? 'final' : 'none',
      subject_consent: b.subjectConsent || data.subjectConsent,
      held_at: at,
    };
  } else {
    changes = { status: 'not-held', attended: false, minutes_attended: 0, notes: data.notes, held_at: at };
  }
  await q.transaction().execute(async (trx) => {
    if (!(await updateBriefing(trx, b.id, b.version, changes, at))) throw conflict(b);
    const after = (await findBriefing(trx, b.id))!;
    const ctx = { trx, at: now, baseUrl: deps.config.baseUrl };
    const told = await tellOthersOfAttendance(ctx, after, today);
    if (after.notesStatus === 'awaiting-officer') await mailNotesToVerify(ctx, after);
    await appendAudit(trx, deps.db.dialect, actor, {
      action: 'briefing.outcome',
      entity: 'briefing',
      entityId: b.id,
      before: { status: b.status, version: b.version },
      after: { status: after.status, minutesAttended: after.minutesAttended, leftBeforePartyBusiness: after.leftBeforePartyBusiness, notesStatus: after.notesStatus, noticesSent: told, version: after.version },
    }, now);
  });
  return (await findBriefing(q, b.id))!;
}

export async function verifyNotes(deps: BriefingDeps, actor: Actor, user: CurrentUser, id: number, input: { version: unknown; response?: unknown }): Promise<Briefing> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const b = await briefingFor(deps, user, id);
  if (!mayAct(await standingOn(q, user, b, ukDate(now)), 'verify')) throw new ForbiddenError('Only the officer the notes quote may verify them');
  await checkVersion(b, input.version);
  if (b.notesStatus !== 'awaiting-officer') throw new ConflictError(`The notes of ${briefingReference(b.id)} are not waiting for you to verify them.`);
  const response = typeof input.response === 'string' ? input.response.trim() : '';
  if (response.length > 20_000) throw new ValidationError([{ field: 'response', message: 'Keep it to 20,000 characters or fewer' }]);
  const at = now.toISOString();
  await q.transaction().execute(async (trx) => {
    if (!(await updateBriefing(trx, b.id, b.version, { notes_status: 'final', officer_response: response || null }, at))) throw conflict(b);
    await mailNotesVerified({ trx, at: now, baseUrl: deps.config.baseUrl }, b, response || null);
    await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing.notes-verified', entity: 'briefing', entityId: b.id, before: { notesStatus: b.notesStatus, version: b.version }, after: { notesStatus: 'final', response: response || null, version: b.version + 1 } }, now);
  });
  return (await findBriefing(q, b.id))!;
}

export async function recordReport(deps: BriefingDeps, actor: Actor, user: CurrentUser, id: number, input: { version: unknown; title?: unknown; text?: unknown }): Promise<Briefing> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const today = ukDate(now);
  const b = await briefingFor(deps, user, id);
  if (!mayAct(await standingOn(q, user, b, today), 'report')) throw new ForbiddenError('Only the officer may record a report they prepared for the group');
  await checkVersion(b, input.version);
  if (!hasDuty(b.duties, 'announce-reports')) throw new ConflictError('The council’s protocol says nothing of reports for a group on this briefing, so there is nothing to announce.');
  if (b.status !== 'accepted' && b.status !== 'held') throw new ConflictError(`${briefingReference(b.id)} is ${STATUS_LABELS[b.status].toLowerCase()}: a report goes with an accepted or held briefing.`);
  if (b.reportTitle) throw new ConflictError(`A report, “${b.reportTitle}”, is already recorded for ${briefingReference(b.id)}.`);
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  const problems: FieldError[] = [];
  if (!title || title.length > 200) problems.push({ field: 'reportTitle', message: title ? 'Keep the title to 200 characters or fewer' : 'Enter the report’s title' });
  if (!text || text.length > 50_000) problems.push({ field: 'reportText', message: text ? 'Keep the report to 50,000 characters or fewer' : 'Enter the report, as sent to any group that asks for a copy' });
  if (problems.length) throw new ValidationError(problems);
  const at = now.toISOString();
  await q.transaction().execute(async (trx) => {
    if (!(await updateBriefing(trx, b.id, b.version, { report_title: title, report_text: text, report_at: at }, at))) throw conflict(b);
    const told = await announceReport({ trx, at: now, baseUrl: deps.config.baseUrl }, { ...b, reportTitle: title, reportText: text }, today);
    await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing.report', entity: 'briefing', entityId: b.id, after: { title, groupsTold: told, version: b.version + 1 } }, now);
  });
  return (await findBriefing(q, b.id))!;
}

/** Another group asks for a copy of a report it was told of; the copy goes to its leader (or the member asking). */
export async function requestReportCopy(deps: BriefingDeps, actor: Actor, user: CurrentUser, id: number): Promise<void> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const today = ukDate(now);
  const side = await groupSideOf(q, user, today);
  const b = await findBriefing(q, id);
  const notices = b && side ? await listNotices(q, { briefingId: b.id }) : [];
  const mine = (n: (typeof notices)[number]) => (side!.groupId !== null ? n.groupId === side!.groupId : n.memberId === side!.memberId && n.groupId === null);
  if (!b || !side || !b.reportTitle || !notices.some((n) => n.kind === 'report' && mine(n))) throw new ForbiddenError('Your group was not told of a report for this briefing');
  if (side.groupId !== null && !side.speaksForGroup) throw new ForbiddenError('Your group’s leader, deputy leader or secretary may ask for the copy');
  if (notices.some((n) => n.kind === 'report-copy' && mine(n))) throw new ConflictError('A copy has already been sent to you; ask the officer if you need another.');
  await q.transaction().execute(async (trx) => {
    const member = { memberId: side.memberId, name: side.memberName, email: (await trx.selectFrom('members').select('email').where('id', '=', side.memberId).executeTakeFirst())?.email ?? null, groupId: side.groupId, groupName: side.groupName };
    await sendReportCopy({ trx, at: now, baseUrl: deps.config.baseUrl }, b, { groupId: side.groupId, groupName: side.groupName, member });
    await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing.report-copy', entity: 'briefing', entityId: b.id, after: { groupId: side.groupId, memberId: side.memberId } }, now);
  });
}
