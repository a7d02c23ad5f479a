// Access requests as pages show them: the state as a tag, who decides and on whose authority, a grant's
// conditions and end, the reg 17 date, the member's roles, and the facts the protocol was given.
import { findFullProfile } from '../../protocol/profiles/index.ts';
import { findQuestion } from '../../protocol/questions/index.ts';
import { formatDate } from '../../web/format.ts';
import { answerView } from '../protocol/answer-view.ts';
import type { MemberRecord } from './access-request-facts.ts';
import { DECIDER_TITLES, grantLastDay, PURPOSE_LABELS, STATUS_LABELS, type AccessRequest, type Status } from './access-request.types.ts';

const TAG_COLOURS: Record<Status, string> = {
  'awaiting-advice': 'govuk-tag--yellow',
  'awaiting-decision': 'govuk-tag--blue',
  disputed: 'govuk-tag--orange',
  granted: 'govuk-tag--green',
  refused: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
};

export function statusTag(r: Pick<AccessRequest, 'status'>): { text: string; classes: string } {
  return { text: STATUS_LABELS[r.status], classes: TAG_COLOURS[r.status] };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Who decides, and why them: the protocol's clauses, or the council's own setting where the protocol is silent. */
export function deciderText(r: Pick<AccessRequest, 'decider' | 'deciderBasis' | 'clauses'>): string {
  const who = capital(DECIDER_TITLES[r.decider]);
  if (r.deciderBasis === 'local') return `${who}, under the council’s own setting. This is a local rule, not the protocol’s: the protocol names no one to decide this.`;
  return `${who}, as the protocol says${r.clauses.length ? ` (clause ${r.clauses.join(', ')})` : ''}.`;
}

export function conditionsList(r: Pick<AccessRequest, 'conditions' | 'memberTermEnd'>): string[] {
  const c = r.conditions;
  const list: string[] = [];
  if (c.viewOnly) list.push('To view in Nolan only: no download');
  if (c.inOffice) list.push('To view in the council’s offices, by arrangement with democratic services');
  if (c.redactedOnly) list.push('The redacted version only');
  const last = grantLastDay(c.untilOn, r.memberTermEnd);
  list.push(c.untilOn !== null && c.untilOn === last ? `Until ${formatDate(last)}` : `Until ${formatDate(last)}, the last day of the member’s term of office`);
  return list;
}

/** reg 17: the date by which a scrutiny member's request is met or refused in writing; overdue once past. */
export function scrutinyDue(r: Pick<AccessRequest, 'scrutinyDueOn' | 'status'>, today: string): { dueOn: string; overdue: boolean } | null {
  if (r.scrutinyDueOn === null) return null;
  const open = r.status === 'awaiting-advice' || r.status === 'awaiting-decision' || r.status === 'disputed';
  return { dueOn: r.scrutinyDueOn, overdue: open && today > r.scrutinyDueOn };
}

/** The member's roles for the decider; `area` is what the council calls its electoral areas (ward or division). */
export function memberRoles(member: MemberRecord, area: string): { key: { text: string }; value: { text: string } }[] {
  const seats = member.seats.map((s) => s.name);
  const scrutiny = member.seats.filter((s) => s.kind === 'scrutiny').map((s) => s.name);
  return [
    { key: { text: 'Seats on bodies' }, value: { text: seats.length ? seats.join(', ') : 'None' } },
    { key: { text: 'Cabinet portfolio' }, value: { text: member.portfolio ?? 'None' } },
    { key: { text: 'Scrutiny' }, value: { text: scrutiny.length ? scrutiny.join(', ') : 'Not a scrutiny member' } },
    { key: { text: area }, value: { text: member.wardName ?? 'None recorded' } },
    { key: { text: 'Term of office ends' }, value: { text: formatDate(member.termEnd) } },
  ];
}

function factText(value: unknown): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return String(value).replace(/-/g, ' ');
}

/** The protocol's answer as the protocol pages show it, and the facts it was given, with their questions. */
export function reasoning(r: AccessRequest) {
  const question = findQuestion('document-access');
  const labels = question?.labels ?? {};
  const profile = findFullProfile(r.answer.profile);
  const facts = Object.entries(r.facts).map(([name, value]) => ({ key: { text: labels[name] ?? name }, value: { text: factText(value) } }));
  return { facts, answer: profile ? answerView(profile, r.answer, r.facts, labels, r.createdAt.slice(0, 10)) : null };
}

export function purposeText(r: Pick<AccessRequest, 'purpose'>): string {
  return PURPOSE_LABELS[r.purpose];
}
