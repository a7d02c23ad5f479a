// Whether two briefings are "about the same matter" (model 91), judged from their subjects: the significant
// words of each, compared as sets, so that "Local Plan consultation" and "The local plan: consultation" match.

const LITTLE_WORDS = new Set(['a', 'an', 'the', 'of', 'on', 'for', 'to', 'and', 'in', 'at', 'by', 'with', 'about', 'our', 'briefing', 're', 'update']);

export function matterOf(subject: string): string {
  const words = subject
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}/\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !LITTLE_WORDS.has(w));
  return [...new Set(words)].sort().join(' ');
}

/** Same matter: the same significant words, or at least two thirds of them shared (Jaccard). */
export function sameMatter(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const left = new Set(a.split(' ').filter(Boolean));
  const right = new Set(b.split(' ').filter(Boolean));
  if (!left.size || !right.size) return false;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared += 1;
  return shared / (left.size + right.size - shared) >= 2 / 3;
}
