// Reading the briefing forms: the GOV.UK date input's three boxes into one date, and a posted field as one string.

export function one(value: unknown): string {
  if (Array.isArray(value)) return one(value[0]);
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** "2026-12-02" from the day, month and year boxes; what was typed, if it is not a date at all. */
export function dateFromBoxes(body: Record<string, unknown>, name: string): string {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => one(body[`${name}-${part}`]).trim());
  if (!day && !month && !year) return '';
  return `${year!.padStart(4, '0')}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** The posted form as the request schema reads it. */
export function requestInputFrom(body: Record<string, unknown>): Record<string, unknown> {
  return {
    officerId: one(body.officerId) || undefined,
    subject: one(body.subject),
    meetsOn: dateFromBoxes(body, 'meetsOn') || undefined,
    attendees: one(body.attendees),
    nonMembersPresent: one(body.nonMembersPresent) || undefined,
    nonMembers: one(body.nonMembers),
    partyBusiness: one(body.partyBusiness) || undefined,
    subjectConsent: one(body.subjectConsent),
  };
}

/** A service's field names as the page's fields: the date input's first box stands for the date. */
export function pageField(field: string): string {
  return field === 'meetsOn' ? 'meetsOn-day' : field;
}

export function textValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, one(v)]));
}
