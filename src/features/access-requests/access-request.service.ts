// Asking to see a document (or for information that is no paper) and deciding: the member asks with a purpose and reasons, the protocol answers at
// once or names the decider, the Monitoring Officer advises first where `model` 114 says so, and the decider
// grants (perhaps with conditions) or refuses with reasons. Each step is one transaction with its audit event
// and its mail; each change is made only to the version read, so two deciders at once get a conflict.
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import { addClearDays } from '../../protocol/working-days.ts';
import type { CurrentUser } from '../../web/access.ts';
import { formatDate } from '../../web/format.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { documentSight, documentViewerOf } from '../documents/document-access.ts';
import { findDocument, listFileVersions } from '../documents/document.repository.ts';
import { inOfficeMember, isRequester, mayAdvise, mayDecide } from './access-request-access.ts';
import { accessFacts, bodyRecord, documentRecord, informationFacts, isExecutiveDocument, memberRecord, sitsOnScrutiny, type AccessFacts, type MemberRecord } from './access-request-facts.ts';
import { askedFor, mailToAdviser, mailToDecider, mailToMember, type RequestMailContext } from './access-request-mail.ts';
import { findAccessRequest, insertAccessRequest, listRequestsIn, updateAccessRequest, type RequestChange } from './access-request.repository.ts';
import { disputeDecider, routeAccessRequest } from './access-request-routing.ts';
import { DECIDER_TITLES, grantLastDay, OPEN_STATUSES, PURPOSES, type AccessRequest } from './access-request.types.ts';
import { readLocalDecider } from './local-decider.ts';
import { scheduleReg17Reminder } from './access-request-jobs.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { text } from '../../web/text.ts';
import { isIsoDate } from '../../dates.ts';

export type AccessRequestDeps = Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'profileId'> & Partial<Pick<Deps['config'], 'baseUrl'>> };

/** reg 17 of SI 2012/2089: a scrutiny member's request for an executive document is met, or refused in writing
 * with reasons, within 10 clear days. */
export const SCRUTINY_CLEAR_DAYS = 10;

/** A member's or officer's own words: required, with the same length message on every field. */
const words = (label: string, max: number, missing: string) => text(label, { required: missing, max, tooLong: `Use ${max.toLocaleString('en-GB')} characters or fewer` });
const yesNo = (missing: string) => z.preprocess((v) => (v === true || v === 'yes' ? true : v === false || v === 'no' ? false : v), z.boolean({ error: missing }));

/** A condition's checkbox: ticked or not; anything but a tick is no condition. */
const ticked = z.preprocess((v) => v === true || v === 'yes', z.boolean());

const requestSchema = z.object({
  documentId: z.coerce.number({ error: 'Select the document you want to see' }).int('Select the document you want to see').positive('Select the document you want to see').max(LARGEST_INTEGER, 'Select the document you want to see'),
  purpose: z.enum(PURPOSES, { error: 'Select what you need the document for' }),
  reason: words('Reason', 2000, 'Say why you need to see the document'),
  personalInterest: yesNo('Say whether you have a personal interest in the subject'),
});

const informationSchema = z.object({
  information: words('Information', 2000, 'Say what information you want'),
  bodyId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: 'Select a committee or body from the list' }).int('Select a committee or body from the list').positive('Select a committee or body from the list').max(LARGEST_INTEGER, 'Select a committee or body from the list').optional()),
  purpose: z.enum(PURPOSES, { error: 'Select what you need the information for' }),
  reason: words('Reason', 2000, 'Say why you need the information'),
  personalInterest: yesNo('Say whether you have a personal interest in the subject'),
  personalData: yesNo('Say whether the information includes personal data about other people'),
});

const decisionSchema = z.object({
  decision: z.enum(['grant', 'refuse'], { error: 'Select whether to grant or refuse the request' }),
  reasons: words('Reasons', 5000, 'Give the reasons for the decision'),
  viewOnly: ticked,
  inOffice: ticked,
  redactedOnly: ticked,
  untilOn: z.preprocess((v) => (v === '' ? undefined : v), text('End date').refine(isIsoDate, 'The end date must be a real date').optional()),
});

/** The page fields each step's schema reads as text, which it refuses a control character in by name. */
export const ACCESS_REQUEST_TEXT = { new: ['information', 'reason'], advice: ['advice'], decision: ['reasons', 'untilOn-day', 'untilOn-month', 'untilOn-year'], dispute: ['reason'] } as const;

/** Every problem with the input, field by field, so the error summary lists them all. */
function parseFields<S extends z.ZodObject>(schema: S, input: unknown): z.infer<S> {
  const given = (input ?? {}) as Record<string, unknown>;
  const problems: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const result = fieldSchema.safeParse(given[field]);
    if (result.success) values[field] = result.data;
    else problems.push({ field, message: result.error.issues[0]?.message ?? 'Enter a valid value' });
  }
  if (problems.length) throw new ValidationError(problems);
  return values as z.infer<S>;
}

function mailContext(deps: AccessRequestDeps, trx: RequestMailContext['trx'], at: Date): RequestMailContext {
  return { trx, at, day: ukDate(at), baseUrl: deps.config.baseUrl };
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/** What routing and storing need, whether a paper or information is asked for. */
type Asked = {
  documentId: number | null;
  information: string | null;
  informationBodyId: number | null;
  subject: string;
  facts: AccessFacts;
  executive: boolean;
  purpose: AccessRequest['purpose'];
  reason: string;
  personalInterest: boolean;
};

async function askedForDocument(deps: AccessRequestDeps, user: CurrentUser & { memberId: number }, input: unknown, day: string): Promise<{ asked: Asked; member: MemberRecord }> {
  const asked = parseFields(requestSchema, input);
  const q = deps.db.kysely;
  const entry = await findDocument(q, asked.documentId);
  const sight = entry && documentSight(await documentViewerOf(q, user, day), entry);
  if (!entry || !sight?.entry) throw new ValidationError([{ field: 'documentId', message: 'Select a document from the register' }]);
  if (sight.file || sight.grant) throw new ValidationError([{ field: 'documentId', message: 'You can already see this document' }]);
  const [member, document] = await Promise.all([memberRecord(q, user.memberId), documentRecord(q, entry.id)]);
  if (!member || !document) throw new NotFoundError('Member');
  const facts = accessFacts(member, document, asked);
  return { member, asked: { documentId: entry.id, information: null, informationBodyId: null, subject: entry.title, facts, executive: isExecutiveDocument(document), purpose: asked.purpose, reason: asked.reason, personalInterest: asked.personalInterest } };
}

async function askedForInformation(deps: AccessRequestDeps, user: CurrentUser & { memberId: number }, input: unknown): Promise<{ asked: Asked; member: MemberRecord }> {
  const asked = parseFields(informationSchema, input);
  const q = deps.db.kysely;
  const body = asked.bodyId === undefined ? undefined : await bodyRecord(q, asked.bodyId);
  if (asked.bodyId !== undefined && !body) throw new ValidationError([{ field: 'bodyId', message: 'Select a committee or body from the list' }]);
  const member = await memberRecord(q, user.memberId);
  if (!member) throw new NotFoundError('Member');
  const facts = informationFacts(member, body, asked);
  return { member, asked: { documentId: null, information: asked.information, informationBodyId: body?.id ?? null, subject: asked.information, facts, executive: body?.kind === 'cabinet', purpose: asked.purpose, reason: asked.reason, personalInterest: asked.personalInterest } };
}

/** A paper of the register by its id, or information in the member's words: one of the two, never both. */
export async function createAccessRequest(deps: AccessRequestDeps, actor: Actor, user: CurrentUser | null, input: unknown): Promise<AccessRequest> {
  if (!inOfficeMember(user)) throw new ForbiddenError('Only a member in office may ask to see a document or for information');
  const fields = (input ?? {}) as Record<string, unknown>;
  if (given(fields.documentId) && given(fields.information)) throw new ValidationError([{ field: 'information', message: 'Ask for a document of the register or for information, not both' }]);
  const q = deps.db.kysely;
  const now = deps.clock.now();
  const day = ukDate(now);
  const { asked, member } = 'information' in fields && !given(fields.documentId) ? await askedForInformation(deps, user, input) : await askedForDocument(deps, user, input, day);
  const council = await councilSummary(q);
  const profileId = council?.profileId ?? deps.config.profileId;
  const facts = asked.facts;
  const routed = routeAccessRequest(profileId, facts, day, await readLocalDecider(q, council?.kind ?? 'principal'));
  const scrutinyDueOn = sitsOnScrutiny(member) && asked.executive && !['granted', 'refused'].includes(routed.status) ? addClearDays(day, SCRUTINY_CLEAR_DAYS) : null;
  const id = await q.transaction().execute(async (trx) => {
    if (asked.documentId !== null && (await trx.selectFrom('access_requests').select('id').where('member_id', '=', member.id).where('document_id', '=', asked.documentId).where('status', 'in', OPEN_STATUSES).executeTakeFirst()) !== undefined) {
      throw new ValidationError([{ field: 'documentId', message: 'You have already asked to see this document: your request is still open' }]);
    }
    const id = await insertAccessRequest(trx, {
      documentId: asked.documentId, information: asked.information, informationBodyId: asked.informationBodyId, memberId: member.id, requestedByUserId: user.id, purpose: asked.purpose, reason: asked.reason, personalInterest: asked.personalInterest,
      facts, answer: routed.answer, decider: routed.decider, deciderBasis: routed.basis, consult: routed.consult, clauses: routed.clauses, status: routed.status,
      adviceFirst: routed.adviceFirst, scrutinyDueOn, reasons: routed.reasons, decidedBy: routed.reasons === null ? null : `The council’s protocol (${routed.answer.profile})`,
    }, now.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, { action: 'access-request.created', entity: 'access-request', entityId: id, after: { documentId: asked.documentId, information: asked.information, informationBodyId: asked.informationBodyId, memberId: member.id, purpose: asked.purpose, reason: asked.reason, personalInterest: asked.personalInterest, facts, outcome: routed.answer.outcome, status: routed.status, decider: routed.decider, deciderBasis: routed.basis, clauses: routed.clauses, scrutinyDueOn } }, now);
    const ctx = mailContext(deps, trx, now);
    const forMail = { id, memberId: member.id, documentId: asked.documentId, subject: asked.subject, decider: routed.decider };
    if (routed.status === 'granted') await mailToMember(ctx, forMail, 'granted', `Your request ${askedFor(forMail)} is granted under the council’s protocol.\n\n${routed.reasons}\n\n${CONFIRM_NOTE(forMail)}`);
    else if (routed.status === 'refused') await mailToMember(ctx, forMail, 'refused', `Your request ${askedFor(forMail)} is refused under the council’s protocol.\n\n${routed.reasons}\n\nYou may dispute this decision.`);
    else if (routed.status === 'awaiting-advice') await mailToAdviser(ctx, forMail, member.fullName);
    else await mailToDecider(ctx, forMail, 'new', member.fullName);
    if (scrutinyDueOn) await scheduleReg17Reminder(trx, id, scrutinyDueOn, now);
    return id;
  });
  return (await findAccessRequest(q, id))!;
}

/** Information is given as the decider's reasons say, so those reach the member only once the purpose is confirmed. */
const CONFIRM_NOTE = (r: { documentId: number | null }) =>
  r.documentId === null ? 'Confirm in Nolan that you will use it only for the purpose you gave, and the decision then shows how the information is given to you.' : 'Confirm that you will use it only for the purpose you gave, and it opens for you.';

/** Loads the request, checks the step is allowed, applies the change to the version read, and audits it. */
async function step(
  deps: AccessRequestDeps,
  actor: Actor,
  id: number,
  version: number,
  plan: (r: AccessRequest, day: string, trx: RequestMailContext['trx']) => Promise<{ change: RequestChange; action: string; after: Record<string, unknown>; mail: (ctx: RequestMailContext, r: AccessRequest) => Promise<void> }>,
): Promise<AccessRequest> {
  const q = deps.db.kysely;
  const now = deps.clock.now();
  await q.transaction().execute(async (trx) => {
    const before = await findAccessRequest(trx, id);
    if (!before) throw new NotFoundError('Access request');
    const conflict = () => new ConflictError('Someone else acted on this request after you opened it. Nothing you sent was saved: check the request as it is now.');
    if (before.version !== version) throw conflict();
    const { change, action, after, mail } = await plan(before, ukDate(now), trx);
    if (!(await updateAccessRequest(trx, id, version, change, now.toISOString()))) throw conflict();
    await appendAudit(trx, deps.db.dialect, actor, { action, entity: 'access-request', entityId: id, before: { status: before.status, version: before.version }, after }, now);
    await mail(mailContext(deps, trx, now), (await findAccessRequest(trx, id))!);
  });
  return (await findAccessRequest(q, id))!;
}

function stillAt(r: AccessRequest, allowed: AccessRequest['status'][], what: string): void {
  if (!allowed.includes(r.status)) throw new ConflictError(`This request is ${r.status.replace('-', ' ')} now, so it cannot be ${what}. Check the request as it is now.`);
}

export async function adviseOnRequest(deps: AccessRequestDeps, actor: Actor, user: CurrentUser | null, id: number, version: number, input: unknown): Promise<AccessRequest> {
  const { advice } = parseFields(z.object({ advice: words('Advice', 5000, 'Enter your advice') }), input);
  return step(deps, actor, id, version, async (r) => {
    if (!mayAdvise(user)) throw new ForbiddenError('Only the Monitoring Officer gives this advice');
    stillAt(r, ['awaiting-advice'], 'advised on');
    return {
      change: { status: 'awaiting-decision', advice, advised_by: user!.fullName, advised_at: deps.clock.now().toISOString() },
      action: 'access-request.advised',
      after: { status: 'awaiting-decision', advice },
      mail: (ctx, now) => (now.decider === 'monitoring-officer' ? Promise.resolve() : mailToDecider(ctx, now, 'advised', now.memberName)),
    };
  });
}

export async function decideRequest(deps: AccessRequestDeps, actor: Actor, user: CurrentUser | null, id: number, version: number, input: unknown): Promise<AccessRequest> {
  const d = parseFields(decisionSchema, input);
  return step(deps, actor, id, version, async (r, day, trx) => {
    if (!mayDecide(user, r)) throw new ForbiddenError(`Only ${DECIDER_TITLES[r.decider]} decides this request`);
    if (r.status === 'awaiting-advice') throw new ConflictError('The Monitoring Officer’s advice comes first: record it before the decision.');
    stillAt(r, ['awaiting-decision', 'disputed'], 'decided');
    const grant = d.decision === 'grant';
    const problems: FieldError[] = [];
    if (grant && d.untilOn !== undefined && d.untilOn < day) problems.push({ field: 'untilOn', message: 'The end date must be today or later' });
    if (grant && r.documentId === null) {
      // Information has no file: it is given as the reasons say, so only the date and the office may bind it.
      if (d.viewOnly) problems.push({ field: 'viewOnly', message: 'Information has no file to view: say in the reasons how it will be given' });
      if (d.redactedOnly) problems.push({ field: 'redactedOnly', message: 'Information has no file to redact: say in the reasons what will be left out' });
    } else if (grant && d.redactedOnly && !(await listFileVersions(trx, r.documentId!)).some((v) => v.redacted)) {
      problems.push({ field: 'redactedOnly', message: 'There is no redacted version of the file yet: upload one marked as redacted first' });
    }
    if (problems.length) throw new ValidationError(problems);
    const conditions = { view_only: grant && d.viewOnly, in_office: grant && d.inOffice, redacted_only: grant && d.redactedOnly, until_on: grant ? (d.untilOn ?? null) : null };
    const lastDay = grantLastDay(conditions.until_on, r.memberTermEnd);
    return {
      change: { status: grant ? 'granted' : 'refused', reasons: d.reasons, decided_by_user_id: user!.id, decided_by: user!.fullName, decided_at: deps.clock.now().toISOString(), ...conditions },
      action: grant ? 'access-request.granted' : 'access-request.refused',
      after: { status: grant ? 'granted' : 'refused', reasons: d.reasons, ...conditions },
      mail: (ctx, now) =>
        mailToMember(ctx, now, grant ? 'granted' : 'refused', grant
          ? `Your request ${askedFor(now)} is granted until ${formatDate(lastDay)}.\n\n${now.documentId === null ? '' : `Reasons: ${d.reasons}\n\n`}${CONFIRM_NOTE(now)}`
          : `Your request ${askedFor(now)} is refused.\n\nReasons: ${d.reasons}${now.disputedAt ? '' : '\n\nYou may dispute this decision.'}`),
    };
  });
}

export async function withdrawRequest(deps: AccessRequestDeps, actor: Actor, user: CurrentUser | null, id: number, version: number): Promise<AccessRequest> {
  return step(deps, actor, id, version, async (r) => {
    if (!isRequester(user, r)) throw new ForbiddenError('Only the member who asked may withdraw the request');
    stillAt(r, OPEN_STATUSES, 'withdrawn');
    return { change: { status: 'withdrawn' }, action: 'access-request.withdrawn', after: { status: 'withdrawn' }, mail: () => Promise.resolve() };
  });
}

export async function disputeRequest(deps: AccessRequestDeps, actor: Actor, user: CurrentUser | null, id: number, version: number, input: unknown): Promise<AccessRequest> {
  const { reason } = parseFields(z.object({ reason: words('Reason', 2000, 'Say why you dispute the decision') }), input);
  return step(deps, actor, id, version, async (r, day, trx) => {
    if (!isRequester(user, r)) throw new ForbiddenError('Only the member who asked may dispute the decision');
    stillAt(r, ['refused'], 'disputed');
    if (r.disputedAt !== null) throw new ConflictError('This refusal has already been reviewed once on dispute.');
    const council = await councilSummary(trx);
    const to = disputeDecider(council?.profileId ?? deps.config.profileId, r.facts as AccessFacts, day, await readLocalDecider(trx, council?.kind ?? 'principal'));
    return {
      change: { status: 'disputed', dispute_reason: reason, disputed_at: deps.clock.now().toISOString(), decider: to.decider, decider_basis: to.basis, clauses_json: JSON.stringify([...new Set([...r.clauses, ...to.clauses])]) },
      action: 'access-request.disputed',
      after: { status: 'disputed', reason, decider: to.decider, deciderBasis: to.basis, clauses: to.clauses },
      mail: (ctx, now) => mailToDecider(ctx, now, 'disputed', now.memberName),
    };
  });
}

/** `model` 115: the member confirms the information is for the purpose asked for, before the first view. */
export async function confirmPurpose(deps: AccessRequestDeps, actor: Actor, user: CurrentUser | null, id: number, version: number, input: unknown): Promise<AccessRequest> {
  const confirmed = (input as Record<string, unknown> | null)?.confirm;
  if (confirmed !== 'yes' && confirmed !== true) throw new ValidationError([{ field: 'confirm', message: 'Confirm that you will use the document only for the purpose you gave' }]);
  return step(deps, actor, id, version, async (r, day) => {
    if (!isRequester(user, r)) throw new ForbiddenError('Only the member granted access confirms its purpose');
    stillAt(r, ['granted'], 'confirmed');
    if (day > grantLastDay(r.conditions.untilOn, r.memberTermEnd)) throw new ConflictError('This grant has ended.');
    if (r.purposeConfirmedAt !== null) throw new ConflictError('You have already confirmed the purpose.');
    return { change: { purpose_confirmed_at: deps.clock.now().toISOString() }, action: 'access-request.purpose-confirmed', after: { purpose: r.purpose }, mail: () => Promise.resolve() };
  });
}

/** The decider's queue: what awaits advice, a decision or a review, oldest first, with reg 17's due dates. */
export async function openRequests(deps: Pick<AccessRequestDeps, 'db'>): Promise<AccessRequest[]> {
  return listRequestsIn(deps.db.kysely, OPEN_STATUSES);
}
