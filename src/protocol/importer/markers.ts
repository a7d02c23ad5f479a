// How councils number their text: paragraph and clause numbers ("112.", "1.7.2") and the markers of
// sub-items ("(a)", "b)", "(iv)", "3)"), with the order each kind of list runs in.

/** Lower and upper case lists are different lists: "(A)" never continues "(a)". */
export type ListKind = 'letter' | 'Letter' | 'roman' | 'Roman' | 'digit';

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

/** The kinds of list a marker could belong to: "i" may be the ninth letter or the first roman numeral. */
export function kindsOf(marker: string): ListKind[] {
  if (/^\d{1,2}$/.test(marker)) return ['digit'];
  const upper = marker === marker.toUpperCase();
  const lower = marker.toLowerCase();
  const kinds: ListKind[] = [];
  // "(aa)" follows "(z)" in long lists.
  if (/^[a-z]$/.test(lower) || /^([a-z])\1$/.test(lower)) kinds.push(upper ? 'Letter' : 'letter');
  if (ROMAN.includes(lower)) kinds.push(upper ? 'Roman' : 'roman');
  return kinds;
}

/** 1 for the first item of the kind ("a", "i", "1"), 0 when the marker is not of that kind. */
export function positionIn(kind: ListKind, marker: string): number {
  if (!kindsOf(marker).includes(kind)) return 0;
  const lower = marker.toLowerCase();
  if (kind === 'digit') return Number(marker);
  if (kind === 'roman' || kind === 'Roman') return ROMAN.indexOf(lower) + 1;
  const letter = lower.charCodeAt(0) - 96;
  return lower.length === 2 ? 26 + letter : letter;
}

export function isNextIn(kind: ListKind, last: string, marker: string): boolean {
  const position = positionIn(kind, marker);
  return position > 0 && position === positionIn(kind, last) + 1;
}

export function firstKindOf(marker: string): ListKind | undefined {
  return kindsOf(marker).find((kind) => positionIn(kind, marker) === 1);
}

/** "(a) text", "a) text", "(iv) text", "3) text": the marker as written, its value, and the rest. */
export function itemMarker(line: string): { written: string; marker: string; rest: string } | null {
  const match = /^(\(?([a-z]{1,2}|[ivxl]{1,5}|\d{1,2})\))(?:\s+|$)(.*)$/i.exec(line);
  if (!match || !kindsOf(match[2]!).length) return null;
  return { written: match[1]!, marker: match[2]!, rest: match[3]! };
}

/**
 * "a. text" and "iv. text": accepted as items only where a list could start or go on there, since
 * a line may also begin with an initial or an abbreviation.
 */
export function dottedMarker(line: string): { written: string; marker: string; rest: string } | null {
  const match = /^(([a-z]|[ivx]{2,4})\.)\s+(.*)$/.exec(line);
  return match ? { written: match[1]!, marker: match[2]!, rest: match[3]! } : null;
}

/**
 * "12. text", "1.7.2 text", "2.1. text": a paragraph or clause number. A bare integer needs its full
 * stop ("12 months" is not paragraph 12).
 */
export function clauseNumber(line: string): { number: string; segments: number[]; rest: string } | null {
  const match = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)(?:\s+(.*))?$/.exec(line);
  if (!match) return null;
  const number = match[1]!;
  const segments = number.split('.').map(Number);
  if (segments.length === 1 && !match[2]) return null;
  return { number, segments, rest: match[3] ?? '' };
}

/** The number that may properly follow `last`: its first child, or the next at any level ("1.4.7" → "1.5"). */
export function followsOn(last: readonly number[], next: readonly number[]): boolean {
  if (next.length === last.length + 1 && last.every((s, i) => next[i] === s) && next.at(-1) === 1) return true;
  for (let level = 0; level < last.length; level++) {
    const samePrefix = last.slice(0, level).every((s, i) => next[i] === s);
    const stepped = next[level] === last[level]! + 1;
    const restStartAtOne = next.slice(level + 1).every((s) => s === 1);
    if (samePrefix && stepped && restStartAtOne && next.length <= last.length + 1) return true;
  }
  return false;
}

/** Whether `next` goes back to or before `last`, as a new part's numbering does. */
export function goesBack(last: readonly number[], next: readonly number[]): boolean {
  for (let i = 0; i < Math.min(last.length, next.length); i++) {
    if (next[i]! !== last[i]!) return next[i]! < last[i]!;
  }
  return next.length <= last.length;
}
