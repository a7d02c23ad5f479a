// How a protocol's own words mark its structure: a heading line, the name of a part whose numbering
// starts again, and the lead-in that names a second list within one clause.

const LAST_WORDS_OF_A_SENTENCE = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'that', 'the', 'to', 'which', 'who', 'with']);

/** A heading: a few words, no closing punctuation, not stopping in mid-sentence ("… employees of the"). */
export function looksLikeTitle(text: string): boolean {
  const plain = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '').trim();
  const words = plain.split(' ');
  if (!plain || words.length > 10 || !/^[A-Z0-9]/.test(plain) || /[.;:,!?\-–]$/.test(plain)) return false;
  return !LAST_WORDS_OF_A_SENTENCE.has(words.at(-1)!.toLowerCase());
}

/** The name a restarted numbering takes from the headings above it: "Additional Guidance Notes" → "Guidance". */
export function partName(headings: readonly string[]): string | null {
  for (const heading of [...headings].reverse()) {
    const match = /\b(guidance|appendix|annexe?|schedule|part)\b/i.exec(heading);
    if (!match) continue;
    const word = match[1]!.charAt(0).toUpperCase() + match[1]!.slice(1).toLowerCase();
    const label = /^\s+([A-Z]|\d{1,3}|[IVX]{1,4})\b/.exec(heading.slice(match.index + match[0].length));
    return label ? `${word} ${label[1]}` : word;
  }
  return null;
}

/** "Officers can expect from Members:" introduces "officers' expectations". */
export function listLabel(intro: string | null): string | null {
  const match = intro ? /^(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:can|may|should|will|shall)\s+expect\b/i.exec(intro) : null;
  if (!match) return null;
  const who = match[1]!.toLowerCase();
  return `${who}${who.endsWith('s') ? "'" : "'s"} expectations`;
}
