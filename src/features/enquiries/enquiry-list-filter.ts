// The enquiry list's filters as they arrive in the address: read, checked against the directory, and written
// back into links (pages, views, report counts) so that a link shows exactly the enquiries it promises.
import type { FieldError } from '../../errors.ts';
import type { ListFilter } from './enquiry-query.repository.ts';
import { STATUSES } from './enquiry.types.ts';
import { isIsoDate } from '../../dates.ts';

export const LIST_VIEWS = [
  ['open', 'Open'],
  ['overdue', 'Overdue'],
  ['answered', 'Answered'],
  ['closed', 'Closed'],
  ['all', 'All'],
] as const;

type Query = Record<string, string | string[] | undefined>;
type Known = { wards: { id: number }[]; services: { id: number }[]; officers: { id: number }[] };

/** The filters a link may carry; `none` selects enquiries with no ward or service, or not yet assigned. */
export type ListParams = { view: string; q: string; ward: string; service: string; officer: string; receivedFrom: string; receivedTo: string; answeredFrom: string; answeredTo: string };

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

/** A GOV.UK date input's three fields (name-day, name-month, name-year), or a whole date in `name`. */
function readDate(query: Query, name: string, label: string, problems: FieldError[]): { value: string; parts: { day: string; month: string; year: string } } {
  const whole = one(query[name]);
  const [y, m, d] = /^\d{4}-\d{2}-\d{2}$/.test(whole) ? whole.split('-') : [one(query[`${name}-year`]), one(query[`${name}-month`]), one(query[`${name}-day`])];
  const parts = { day: d ?? '', month: m ?? '', year: y ?? '' };
  if (!parts.day && !parts.month && !parts.year) return { value: '', parts };
  const value = `${parts.year.padStart(4, '0')}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  if (![parts.day, parts.month, parts.year].every((p) => /^\d+$/.test(p)) || parts.year.length !== 4 || !isIsoDate(value)) {
    problems.push({ field: `${name}-day`, message: `${label} must be a real date, for example 27 3 2026` });
    return { value: '', parts };
  }
  return { value, parts };
}

function readChoice(raw: string, known: { id: number }[], field: string, message: string, problems: FieldError[], allowNone: boolean): number | null | undefined {
  if (!raw) return undefined;
  if (allowNone && raw === 'none') return null;
  const found = /^\d{1,9}$/.test(raw) ? known.find((k) => k.id === Number(raw)) : undefined;
  if (!found) problems.push({ field, message });
  return found?.id;
}

export function readListFilter(query: Query, known: Known, today: string, pageSize: number) {
  const problems: FieldError[] = [];
  const filter: ListFilter = { limit: pageSize, offset: 0 };
  const view = one(query.view) || 'open';
  if (view === 'open') filter.status = 'open';
  else if (view === 'overdue') filter.overdueOn = today;
  else if ((STATUSES as readonly string[]).includes(view)) filter.status = view as ListFilter['status'];
  else if (view !== 'all') problems.push({ field: 'view', message: 'Choose which enquiries to show from the list' });
  const words = one(query.q);
  if (words.length > 200) problems.push({ field: 'q', message: 'Search for 200 characters or fewer' });
  else if (words) filter.words = words;
  filter.wardId = readChoice(one(query.ward), known.wards, 'ward', 'Select a ward from the list', problems, true);
  filter.serviceId = readChoice(one(query.service), known.services, 'service', 'Select a service from the list', problems, true);
  filter.officerId = readChoice(one(query.officer), known.officers, 'officer', 'Select an officer from the list', problems, true);
  const from = readDate(query, 'receivedFrom', 'The first date received', problems);
  const to = readDate(query, 'receivedTo', 'The last date received', problems);
  if (from.value) filter.receivedFrom = from.value;
  if (to.value) filter.receivedTo = to.value;
  if (from.value && to.value && from.value > to.value) problems.push({ field: 'receivedTo-day', message: 'The last date received must be the same as or after the first' });
  // Answered between two days: only ever in a link from the statistics, so a whole date, not a date input.
  for (const name of ['answeredFrom', 'answeredTo'] as const) {
    const value = one(query[name]);
    if (value && !isIsoDate(value)) problems.push({ field: 'view', message: 'The dates answered in this link are not real dates' });
    else if (value) filter[name] = value;
  }
  const page = /^\d{1,5}$/.test(one(query.page)) ? Math.max(1, Number(one(query.page))) : 1;
  filter.offset = (page - 1) * pageSize;
  const params: ListParams = {
    view,
    q: words,
    ward: one(query.ward),
    service: one(query.service),
    officer: one(query.officer),
    receivedFrom: from.value,
    receivedTo: to.value,
    answeredFrom: filter.answeredFrom ?? '',
    answeredTo: filter.answeredTo ?? '',
  };
  return { filter, problems, page, params, dates: { receivedFrom: from.parts, receivedTo: to.parts } };
}

/** The list's address for these filters; empty ones are left out. */
export function listHref(params: Partial<ListParams> & { page?: number }): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) search.set(key, String(value));
  const text = search.toString();
  return text ? `/enquiries?${text}` : '/enquiries';
}
