// Asking for a briefing and the officer's answer. The protocol decides at the request whether the officer may
// attend, with its clauses and the duties that follow; each change is one transaction with its audit event.
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Tables } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import type { CurrentUser } from '../../web/access.ts';
import { check } from '../../protocol/check.ts';
import { dutiesOf } from '../../protocol/duties.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import type { Decision } from '../../protocol/types.ts';
import { formatDate } from '../../web/format.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { findOfficer } from '../directory/officers.repository.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { groupSideOf, mayAct, maySee, standingOn } from './briefing-access.ts';
import { offerIdenticalSessions } from './briefing-duties.ts';
import { mailAnswer, mailInvitation } from './briefing-mail.ts';
import { matterOf, sameMatter } from './briefing-matter.ts';
import { acceptedByOfficerForOtherGroups, findBriefing, insertBriefing, updateBriefing } from './briefing.repository.ts';
import { briefingReference, groupPhrase, STATUS_LABELS, type Briefing, type StoredDecision } from './briefing.types.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { optionalText, text } from '../../web/text.ts';
import { isIsoDate } from '../../dates.ts';

export type BriefingDeps = Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'profileId'> & Partial<Pick<Deps['config'], 'baseUrl'>> };

const yesNo = (message: string) => z.union([z.boolean(), z.enum(['yes', 'no'], { error: message })], { error: message }).transform((v) => v === true || v === 'yes');
const required = (label: string, max: number, missing: string) => text(label, { required: missing, max, tooLong: `Keep it to ${max} characters or fewer` });

export const briefingRequestSchema = z.object({
  officerId: z.coerce.number({ error: 'Select the officer you would like to brief the group' }).int('Select the officer you would like to brief the group').positive('Select the officer you would like to brief the group').max(LARGEST_INTEGER, 'Select the officer you would like to brief the group'),
  subject: required('Subject', 200, 'Enter the subject of the briefing'),
  meetsOn: text('Date of the meeting', { missing: 'Enter the date of the meeting' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of the meeting as a real date, for example 3 12 2026'),
  attendees: required('Attendees', 2000, 'Say who will be at the meeting'),
  nonMembersPresent: yesNo('Say whether anyone there will be neither a councillor nor a council officer'),
  nonMembers: optionalText('Non-members', { max: 2000, tooLong: 'Keep it to 2000 characters or fewer' }),
  partyBusiness: yesNo('Say whether the subject is party business rather than council business'),
  subjectConsent: z.union([z.boolean(), z.literal('yes'), z.literal('')]).optional().transform((v) => v === true || v === 'yes'),
});
export type BriefingRequest = z.input<typeof briefingRequestSchema>;
/** The request form's fields its schema reads as text: the date's boxes make meetsOn. */
export const BRIEFING_REQUEST_TEXT = ['subject', 'attendees', 'nonMembers', 'meetsOn-day', 'meetsOn-month', 'meetsOn-year'] as const;

function stored(d: Decision): StoredDecision {
  return { profile: d.profile, version: d.version, outcome: d.outcome, strength: d.strength, decider: d.decider, route: d.route, clauses: d.clauses, obligations: d.obligations, explanation: d.explanation, warnings: d.warnings };
}

async function profileIdOf(deps: BriefingDeps): Promise<string> {
  return (await councilSummary(deps.db.kysely))?.profileId ?? deps.config.profileId;
}

/** The officer's accepted or given briefing of another group on the same matter, if there is one (model 91). */
export async function earlierOnSameMatter(deps: BriefingDeps, officerId: number, groupId: number, matter: string): Promise<Briefing | undefined> {
  return (await acceptedByOfficerForOtherGroups(deps.db.kysely, officerId, groupId)).find((b) => sameMatter(b.matter, matter));
}

/** The field a forbidding rule is about, so that the error summary points at what would have to change. */
function fieldOfForbid(profileId: string, decision: Decision): string {
  const held = new Set(decision.explanation.filter((l) => l.held === true).map((l) => l.rule));
  const rule = findFullProfile(profileId)?.rules.find((r) => r.question === 'group-briefing' && r.effect === 'forbid' && held.has(r.id));
  const facts = Object.keys(rule?.when ?? {});
  return facts.includes('partyBusiness') ? 'partyBusiness' : facts.includes('nonMembersPresent') ? 'nonMembersPresent' : 'officerId';
}

export type RequestOptions = {
  offeredFromBriefingId?: number;
  groupId?: number;
  /** Whatever must be stored with the request or not at all (an offer marked as taken up). */
  alsoInTransaction?: (trx: Transaction<Tables>, briefingId: number) => Promise<void>;
};

export async function requestBriefing(deps: BriefingDeps, actor: Actor, user: CurrentUser, input: unknown, options: RequestOptions = {}): Promise<Briefing> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const today = ukDate(now);
  const side = await groupSideOf(q, user, today);
  const groupId = options.groupId ?? side?.groupId ?? null;
  if (!side || groupId === null || side.groupId !== groupId || !side.speaksForGroup) throw new ForbiddenError('Only a party group’s leader, deputy leader or secretary may ask for a briefing for the group');
  const parsed = briefingRequestSchema.safeParse(input);
  const problems: FieldError[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'briefing'), message: i.message }));
  const data = parsed.success ? parsed.data : undefined;
  const officer = data ? await findOfficer(q, data.officerId) : undefined;
  if (data && (!officer || (officer.leftOn !== null && officer.leftOn <= today))) problems.push({ field: 'officerId', message: 'Select an officer who works for the council' });
  // The date is checked even when other fields are wrong, so that one error summary lists every problem.
  const meetsOn = typeof (input as { meetsOn?: unknown } | null)?.meetsOn === 'string' ? (input as { meetsOn: string }).meetsOn : '';
  if (!data && /^\d{4}-\d{2}-\d{2}$/.test(meetsOn) && !isIsoDate(meetsOn)) problems.push({ field: 'meetsOn', message: 'Enter the date of the meeting as a real date, for example 3 12 2026' });
  if (data && !isIsoDate(data.meetsOn)) problems.push({ field: 'meetsOn', message: 'Enter the date of the meeting as a real date, for example 3 12 2026' });
  else if (data && data.meetsOn < today) problems.push({ field: 'meetsOn', message: 'The meeting must be today or later' });
  if (data?.nonMembersPresent && !data.nonMembers) problems.push({ field: 'nonMembers', message: 'Say who will be there who is neither a councillor nor an officer' });
  if (problems.length || !data || !officer) throw new ValidationError(problems);

  const profileId = await profileIdOf(deps);
  const matter = matterOf(data.subject);
  const earlier = await earlierOnSameMatter(deps, officer.id, groupId, matter);
  const facts = { officerGrade: officer.grade, nonMembersPresent: data.nonMembersPresent, partyBusiness: data.partyBusiness, briefedOtherGroupOnSameMatter: earlier !== undefined };
  const decision = check(profileId, { question: 'group-briefing', facts }, today);
  if (decision.outcome === 'forbid' && decision.strength === 'must') {
    throw new ValidationError([{ field: fieldOfForbid(profileId, decision), message: `The council’s protocol does not allow this briefing (clause ${decision.clauses.join(', ')}): ${decision.explanation.find((l) => l.held && decision.clauses.some((c) => l.clauses.includes(c)))?.because ?? 'see the protocol'}` }]);
  }
  const profile = findFullProfile(profileId);
  // An officer may still attend what the protocol only advises against; the duties then apply all the same.
  const duties = profile ? dutiesOf(profile, decision, { despiteAdvice: true }) : [];
  const at = now.toISOString();
  const id = await q.transaction().execute(async (trx) => {
    const id = await insertBriefing(trx, { groupId, requestedByMemberId: side.memberId, officerId: officer.id, subject: data.subject, matter, meetsOn: data.meetsOn, attendees: data.attendees, nonMembersPresent: data.nonMembersPresent, nonMembers: data.nonMembersPresent ? data.nonMembers : null, partyBusiness: data.partyBusiness, subjectConsent: data.subjectConsent, offeredFromBriefingId: options.offeredFromBriefingId ?? null, profileId, decision: stored(decision), duties }, at);
    await mailInvitation({ trx, at: now, baseUrl: deps.config.baseUrl }, { id, subject: data.subject, groupName: side.groupName ?? '', meetsOn: data.meetsOn, officerId: officer.id, requestedByMemberId: side.memberId });
    await appendAudit(trx, deps.db.dialect, actor, { action: 'briefing.requested', entity: 'briefing', entityId: id, after: { groupId, officerId: officer.id, subject: data.subject, meetsOn: data.meetsOn, facts, outcome: decision.outcome, clauses: decision.clauses, earlierBriefingId: earlier?.id ?? null } }, now);
    await options.alsoInTransaction?.(trx, id);
    return id;
  });
  return (await findBriefing(q, id))!;
}

/** A briefing the person may see, or not found: another group's briefing does not exist for them. */
export async function briefingFor(deps: Pick<BriefingDeps, 'db' | 'clock'>, user: CurrentUser, id: number): Promise<Briefing> {
  const briefing = await findBriefing(deps.db.kysely, id);
  if (!briefing || !maySee(await standingOn(deps.db.kysely, user, briefing, ukDate(deps.clock.now())))) throw new NotFoundError('Briefing');
  return briefing;
}

export async function checkVersion(b: Briefing, version: unknown): Promise<void> {
  if (Number(version) !== b.version) throw new ConflictError(`Someone changed ${briefingReference(b.id)} after you opened it. Here it is as it stands now: check it, then try again.`);
}

export type AnswerInput = { version: unknown; answer: unknown; reason?: unknown };

/** Why an officer may not decline, if the protocol says so: they accepted another group on the same matter. */
async function noDeclineBecause(deps: BriefingDeps, b: Briefing, today: string): Promise<string | null> {
  const earlier = await earlierOnSameMatter(deps, b.officerId, b.groupId, b.matter);
  if (!earlier) return null;
  const facts = { officerGrade: b.officerGrade, nonMembersPresent: b.nonMembersPresent, partyBusiness: b.partyBusiness, briefedOtherGroupOnSameMatter: true };
  const decision = check(b.profileId, { question: 'group-briefing', facts }, today);
  const profile = findFullProfile(b.profileId);
  const bar = profile ? dutiesOf(profile, decision).find((d) => d.duty === 'no-decline-on-same-matter') : undefined;
  if (!bar) return null;
  return `You accepted ${groupPhrase(earlier.groupName)}’s invitation on “${earlier.subject}” (${briefingReference(earlier.id)}, ${formatDate(earlier.meetsOn)}). Under clause ${bar.clauses.join(', ')} you may not decline another group on the same matter, and you give it substantially the same advice.`;
}

export async function answerBriefing(deps: BriefingDeps, actor: Actor, user: CurrentUser, id: number, input: AnswerInput): Promise<Briefing> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const today = ukDate(now);
  const b = await briefingFor(deps, user, id);
  if (!mayAct(await standingOn(q, user, b, today), 'answer')) throw new ForbiddenError('Only the officer invited may accept or decline');
  await checkVersion(b, input.version);
  if (b.status !== 'requested') throw new ConflictError(`${briefingReference(b.id)} is ${STATUS_LABELS[b.status].toLowerCase()}, so it cannot be answered now.`);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  const problems: FieldError[] = [];
  if (input.answer !== 'accept' && input.answer !== 'decline') problems.push({ field: 'answer', message: 'Select whether you accept or decline' });
  if (reason.length > 2000) problems.push({ field: 'reason', message: 'Keep it to 2000 characters or fewer' });
  if (input.answer === 'decline') {
    if (!reason) problems.push({ field: 'reason', message: 'Give the reason you decline' });
    const bar = await noDeclineBecause(deps, b, today);
    if (bar) problems.push({ field: 'answer', message: bar });
  }
  // Attending against a "normally not", or where the protocol sends the officer for guidance, is on the record.
  const caution = b.decision.outcome === 'forbid' || b.decision.outcome === 'refer';
  if (input.answer === 'accept' && caution && !reason) problems.push({ field: 'reason', message: b.decision.outcome === 'refer' ? 'Record the guidance you were given before accepting' : 'Say why you accept although the protocol says officers should not normally attend' });
  if (problems.length) throw new ValidationError(problems);
  const accepted = input.answer === 'accept';
  const settings = await readSettings(q);
  const at = now.toISOString();
  await q.transaction().execute(async (trx) => {
    const changes = { status: accepted ? ('accepted' as const) : ('declined' as const), answer_reason: reason || null, answered_at: at };
    if (!(await updateBriefing(trx, b.id, b.version, changes, at))) throw new ConflictError(`Someone changed ${briefingReference(b.id)} after you opened it. Here it is as it stands now: check it, then try again.`);
    const ctx = { trx, at: now, baseUrl: deps.config.baseUrl };
    await mailAnswer(ctx, b, accepted, reason || null);
    const lapsesOn = new Date(now.getTime() + settings.briefingOfferLapseDays * 86_400_000).toISOString().slice(0, 10);
    const offers = accepted ? await offerIdenticalSessions(ctx, { ...b, status: 'accepted' }, today, lapsesOn) : 0;
    await appendAudit(trx, deps.db.dialect, actor, { action: accepted ? 'briefing.accepted' : 'briefing.declined', entity: 'briefing', entityId: b.id, before: { status: b.status, version: b.version }, after: { status: changes.status, reason: reason || null, offers, version: b.version + 1 } }, now);
  });
  return (await findBriefing(q, b.id))!;
}
