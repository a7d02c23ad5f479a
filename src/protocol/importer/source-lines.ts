// A protocol's text as logical lines: each starts a numbered clause, a sub-item, a footnote, a bullet or
// a paragraph, with the lines it wraps onto joined back. Documents reach us wrapped at a page width,
// broken across pages, exported to Markdown or copied out of a PDF, so the text is cleaned first.
import { clauseNumber, dottedMarker, itemMarker } from './markers.ts';

export type SourceLine = {
  kind: 'numbered' | 'item' | 'dotted' | 'footnote' | 'text';
  /** Written as "- …" or "• …". */
  bullet: boolean;
  /** A blank line (a paragraph break) comes before it. */
  blankBefore: boolean;
  /** "1.7.2" for a numbered line, "a" for an item, "2" for footnote ². */
  label: string;
  segments: number[];
  /** The item marker as written: "(a)", "a)", "3)". */
  written: string;
  text: string;
};

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };

export function superscriptDigits(digits: string): string {
  return [...digits].map((d) => SUPERSCRIPT[Number(d)] ?? d).join('');
}

/** One physical line made plain: Markdown links and escapes undone, odd spaces and ligatures evened out. */
export function cleanLine(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()[\]*_#.!-])/g, '$1')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[ﬀﬁﬂﬃﬄ]/g, (l) => LIGATURES[l] ?? l)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * A running page number ("7", "Page 7 of 12", "- 7 -") or a line of a table of contents ("2. Roles ..... 4")
 * is no part of the text; a contents line would otherwise be read as the clause it points to.
 */
function isPageFurniture(line: string): boolean {
  return /^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$/i.test(line) || /^-\s*\d{1,3}\s*-$/.test(line) || /(?:\.{4,}|…{2,})\s*\d{1,3}$/.test(line);
}

function classify(line: string, blankBefore: boolean): SourceLine {
  const bulletMatch = /^[-•*·▪◦–]\s+/.exec(line);
  const bullet = bulletMatch !== null;
  const body = bullet ? line.slice(bulletMatch[0].length) : line;
  const base = { bullet, blankBefore, label: '', segments: [] as number[], written: '' };
  const footnote = new RegExp(`^([${SUPERSCRIPT}]+)\\s*(.*)$`).exec(body);
  if (footnote) {
    const digits = [...footnote[1]!].map((c) => String(SUPERSCRIPT.indexOf(c))).join('');
    return { ...base, kind: 'footnote', label: digits, text: footnote[2]! };
  }
  const numbered = clauseNumber(body);
  if (numbered) return { ...base, kind: 'numbered', label: numbered.number, segments: numbered.segments, text: numbered.rest };
  const item = itemMarker(body);
  if (item) return { ...base, kind: 'item', label: item.marker, written: item.written, text: item.rest };
  const dotted = dottedMarker(body);
  if (dotted) return { ...base, kind: 'dotted', label: dotted.marker, written: dotted.written, text: dotted.rest };
  return { ...base, kind: 'text', text: body };
}

function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  // A word hyphenated at the end of a line: "respon-" + "sibility".
  if (/[a-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}

export function sourceLines(physical: readonly string[]): SourceLine[] {
  const lines: SourceLine[] = [];
  let blank = true;
  for (const raw of physical) {
    const line = cleanLine(raw);
    if (!line) {
      blank = true;
      continue;
    }
    if (isPageFurniture(line)) continue;
    let next = classify(line, blank);
    const previous = lines.at(-1);
    // A clause number cannot begin in mid-sentence: "… under the Act of" / "1989. The …" is one sentence.
    if (next.kind === 'numbered' && !blank && previous && !/[.:;!?)"”’]$/.test(previous.text) && /^[a-z]/.test(next.text)) {
      next = { ...next, kind: 'text', text: line };
    }
    // Wrapped lines join their line; so does text that starts in lower case after a page break.
    const wraps = next.kind === 'text' && !next.bullet && previous !== undefined && (!blank || /^[a-z]/.test(next.text));
    if (wraps) previous.text = joinWrapped(previous.text, next.text);
    else lines.push(next);
    blank = false;
  }
  return lines;
}
