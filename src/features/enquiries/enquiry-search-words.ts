// What a person types into the search box, read the way PostgreSQL's websearch_to_tsquery reads it: words are
// all required, "quoted words" must come together, `or` between words offers either side, and -word excludes.
// SQLite has no such parser, so its FTS5 query is built from this reading (PostgreSQL parses the text itself).

/** One way to match: every phrase present and no excluded phrase. A search matches if any alternative does. */
export type SearchAlternative = { phrases: string[][]; excluded: string[][] };

// PostgreSQL's English stop words (the Snowball list): it drops them from a search, so SQLite must too, or
// "the pothole" would find less on SQLite than on PostgreSQL.
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it
  its itself they them their theirs themselves what which who whom this that these those am is are was were be been
  being have has had having do does did doing a an the and but if or because as until while of at by for with about
  against between into through during before after above below to from up down in out on off over under again further
  then once here there when where why how all any both each few more most other some such no nor not only own same so
  than too very s t can will just don should now`.split(/\s+/),
);

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
}

export function readSearch(text: string): SearchAlternative[] {
  const alternatives: SearchAlternative[] = [];
  let current: SearchAlternative = { phrases: [], excluded: [] };
  let orPending = false;
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const quoted = match[2];
    let raw = quoted ?? match[3] ?? '';
    let negated = match[1] === '-';
    if (quoted === undefined && raw.toLowerCase() === 'or') {
      orPending = current.phrases.length + current.excluded.length > 0;
      continue;
    }
    if (quoted === undefined && raw.startsWith('-')) {
      negated = true;
      raw = raw.slice(1);
    }
    const words = wordsOf(raw);
    if (!words.length) continue;
    if (orPending) {
      alternatives.push(current);
      current = { phrases: [], excluded: [] };
      orPending = false;
    }
    (negated ? current.excluded : current.phrases).push(words);
  }
  if (current.phrases.length + current.excluded.length) alternatives.push(current);
  return alternatives;
}

/** Phrases as an FTS5 query: each a quoted string (FTS5 phrase), all required. */
export function fts5Query(phrases: string[][]): string {
  return phrases.map((words) => `"${words.join(' ').replaceAll('"', '""')}"`).join(' AND ');
}

/** Excluded phrases as one FTS5 query matching any of them. */
export function fts5AnyOf(phrases: string[][]): string {
  return phrases.map((words) => `"${words.join(' ').replaceAll('"', '""')}"`).join(' OR ');
}
