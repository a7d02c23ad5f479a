// What kind of body a committee is. modern.gov gives a title and sometimes a category; the kind is read from
// whichever says it plainly, because the protocol treats cabinet, scrutiny, regulatory, standards and
// employment bodies differently.

export const BODY_KINDS = ['full-council', 'cabinet', 'scrutiny', 'regulatory', 'standards', 'employment', 'town-committee', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

// Order matters: "Appointments Committee of the Cabinet" is employment; "Standards and Audit" is standards.
const BY_WORDS: [RegExp, BodyKind][] = [
  [/^(full |annual |extraordinary |ordinary |budget )?(meeting of (the )?)?(city |county |borough |district |town |parish )?council( meeting)?$/i, 'full-council'],
  [/\bstandards?\b/i, 'standards'],
  [/\b(appointments?|employment|personnel|staffing|chief officers?|human resources|hr|remuneration|appraisal|appeals?)\b/i, 'employment'],
  [/\b(planning|licensing|licence|regulatory|development (control|management)|rights of way|taxi)\b/i, 'regulatory'],
  [/\b(scrutiny|overview|select committee)\b/i, 'scrutiny'],
  [/\b(cabinet|executive)\b/i, 'cabinet'],
];

/** The kind named by a title or category, or null when it names none. */
export function kindFromWords(words: string): BodyKind | null {
  const plain = words.trim().replace(/\s+/g, ' ');
  if (!plain) return null;
  const exact = BODY_KINDS.find((k) => k === plain.toLowerCase().replace(/\s+/g, '-'));
  if (exact) return exact;
  return BY_WORDS.find(([pattern]) => pattern.test(plain))?.[1] ?? null;
}

/**
 * A committee's kind from its title, or else modern.gov's category when that names a kind. A category never
 * makes a body the full council: some councils file every committee under "Council". A town or parish
 * council's committees, other than the council itself and its staffing committee, are town committees.
 */
export function inferBodyKind(title: string, category: string | undefined, councilKind: 'principal' | 'town'): BodyKind {
  const fromCategory = kindFromWords(category ?? '');
  const kind = kindFromWords(title) ?? (fromCategory === 'full-council' ? null : fromCategory) ?? 'other';
  if (councilKind === 'town' && kind !== 'full-council' && kind !== 'employment') return 'town-committee';
  return kind;
}
