// The council's settings: a few named values kept as text, each read with its default.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;

export type ReferenceYear = 'calendar' | 'financial';

export type CouncilSettings = {
  /** Days the council is closed (YYYY-MM-DD), beyond bank holidays: not working days for any deadline. */
  closures: string[];
  /** The council's own standard for an enquiry reply, in working days, where its protocol sets none. */
  localEnquiryDays: number;
  /** Working days after an answer in which the member may reopen the enquiry rather than log a new one. */
  enquiryFollowUpDays: number;
  /** Whether enquiry references are numbered per calendar year or per financial year (from 1 April). */
  referenceYear: ReferenceYear;
  /** Days a party group has to take up an identical briefing offered to it before the offer lapses. */
  briefingOfferLapseDays: number;
};

export const DEFAULT_SETTINGS: CouncilSettings = { closures: [], localEnquiryDays: 10, enquiryFollowUpDays: 10, referenceYear: 'calendar', briefingOfferLapseDays: 14 };

const KEYS = { closures: 'closures', localEnquiryDays: 'enquiries.local-deadline-days', enquiryFollowUpDays: 'enquiries.follow-up-days', referenceYear: 'enquiries.reference-year', briefingOfferLapseDays: 'briefings.offer-lapse-days' } as const;

function parseList(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) : [];
  } catch {
    return [];
  }
}

function parseDays(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 100 ? n : fallback;
}

export async function readSettings(q: Q): Promise<CouncilSettings> {
  const rows = await q.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return {
    closures: parseList(value(KEYS.closures)),
    localEnquiryDays: parseDays(value(KEYS.localEnquiryDays), DEFAULT_SETTINGS.localEnquiryDays),
    enquiryFollowUpDays: parseDays(value(KEYS.enquiryFollowUpDays), DEFAULT_SETTINGS.enquiryFollowUpDays),
    referenceYear: value(KEYS.referenceYear) === 'financial' ? 'financial' : 'calendar',
    briefingOfferLapseDays: parseDays(value(KEYS.briefingOfferLapseDays), DEFAULT_SETTINGS.briefingOfferLapseDays),
  };
}

export async function saveSettings(q: Q, settings: CouncilSettings): Promise<void> {
  const rows = [
    { key: KEYS.closures, value: JSON.stringify([...settings.closures].sort()) },
    { key: KEYS.localEnquiryDays, value: String(settings.localEnquiryDays) },
    { key: KEYS.enquiryFollowUpDays, value: String(settings.enquiryFollowUpDays) },
    { key: KEYS.referenceYear, value: settings.referenceYear },
    { key: KEYS.briefingOfferLapseDays, value: String(settings.briefingOfferLapseDays) },
  ];
  for (const row of rows) {
    await q.insertInto('settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value })).execute();
  }
}
