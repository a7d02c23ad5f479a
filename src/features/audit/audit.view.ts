// How the audit trail reads on a page: the filter a person types, and each event's before and after as a
// table of the fields that changed.
import type { FieldError } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../web/format.ts';
import type { AuditFilter, StoredEvent } from './audit.repository.ts';

export type AuditQuery = { actor: string; action: string; entity: string; entityId: string; from: string; to: string };

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });

/**
 * The UTC instant a day begins in the UK. Clocks change at 01:00 UTC, never at midnight, so London's offset at
 * midnight UTC on a day is its offset at the start of that day.
 */
export function ukDayStartUtc(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const offset = londonOffset.formatToParts(new Date(midnightUtc)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hours = Number(/GMT([+-]\d+)/.exec(offset)?.[1] ?? '0');
  return new Date(midnightUtc - hours * 3_600_000).toISOString();
}

/** 23/11/2026 or 2026-11-23 as YYYY-MM-DD, or null when it is not a real date. */
export function readDay(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [year, month, day] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function text(value: unknown, max = 200): string {
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** Reads the filter from the query string; dates are the council's (UK) days, from and to inclusive. */
export function readAuditQuery(query: Record<string, unknown>): { values: AuditQuery; filter: AuditFilter; problems: FieldError[] } {
  const values: AuditQuery = { actor: text(query.actor), action: text(query.action), entity: text(query.entity), entityId: text(query.entityId), from: text(query.from, 20), to: text(query.to, 20) };
  const problems: FieldError[] = [];
  const from = values.from ? readDay(values.from) : null;
  const to = values.to ? readDay(values.to) : null;
  if (values.from && !from) problems.push({ field: 'from', message: 'Date from must be a real date, for example 23/11/2026' });
  if (values.to && !to) problems.push({ field: 'to', message: 'Date to must be a real date, for example 23/11/2026' });
  if (from && to && to < from) problems.push({ field: 'to', message: 'Date to must be the same as or after date from' });
  const filter: AuditFilter = {
    actor: values.actor || undefined,
    action: values.action || undefined,
    entity: values.entity || undefined,
    entityId: values.entityId || undefined,
    fromUtc: from ? ukDayStartUtc(from) : undefined,
    beforeUtc: to ? ukDayStartUtc(nextDay(to)) : undefined,
  };
  return { values, filter, problems };
}

export type ChangeRow = { field: string; before: string; after: string };

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Before and after side by side, one row a field; a value that is not an object is one row of its own. */
export function changeRows(event: Pick<StoredEvent, 'before_json' | 'after_json'>): ChangeRow[] {
  const before = parse(event.before_json);
  const after = parse(event.after_json);
  if (before === undefined && after === undefined) return [];
  if ((before === undefined || isRecord(before)) && (after === undefined || isRecord(after))) {
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    return fields.map((field) => ({ field, before: show(before?.[field]), after: show(after?.[field]) }));
  }
  return [{ field: '(value)', before: show(before), after: show(after) }];
}

export type EventView = {
  seq: number;
  occurredAt: string;
  day: string;
  time: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  hash: string;
  changes: ChangeRow[];
  /** The event has a before and after that this reader may not read: the record is not theirs to see. */
  hidden: boolean;
};

export function eventView(event: StoredEvent, hideText = false): EventView {
  const hidden = hideText && (event.before_json !== null || event.after_json !== null);
  return {
    seq: event.seq,
    occurredAt: event.occurred_at,
    day: formatDate(event.occurred_at),
    time: formatDateTime(event.occurred_at).split(' at ')[1] ?? '',
    actor: event.actor,
    action: event.action,
    entity: event.entity,
    entityId: event.entity_id,
    ip: event.ip,
    requestId: event.request_id,
    hash: event.hash,
    changes: hidden ? [] : changeRows(event),
    hidden,
  };
}
