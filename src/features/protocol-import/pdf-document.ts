// A PDF's text layer as plain text for the importer, read with unpdf (PDF.js built without the native
// canvas that pdfjs-dist brings). PDF text comes as positioned fragments, so lines are rebuilt from
// where the fragments sit: fragments at one height are one line, a wide gap within a line is a table
// column, and a gap between lines wider than the line spacing is a paragraph break.
import type { StructuredTextItem } from 'unpdf';
import { looksLikeTitle } from '../../protocol/importer/headings.ts';
import { DocumentLimitError } from './text-limits.ts';

type Line = { y: number; size: number; items: StructuredTextItem[] };

function pageLines(items: readonly StructuredTextItem[]): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const size = item.fontSize || item.height || 10;
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.min(l.size, size) * 0.5);
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, size);
    } else lines.push({ y: item.y, size, items: [item] });
  }
  // PDF coordinates run upwards: the top line has the largest y.
  return lines.sort((a, b) => b.y - a.y);
}

function lineText(line: Line): string {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  let text = '';
  let end: number | null = null;
  for (const item of items) {
    if (end !== null) {
      const gap = item.x - end;
      if (gap > line.size * 2) text += '\t';
      else if (gap > line.size * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    }
    text += item.str;
    end = item.x + item.width;
  }
  return text.trimEnd();
}

type PageLine = { y: number; text: string };

/** A header or footer is the same line in the same place; short ones may carry a page number. */
function edgeKey(line: PageLine): string {
  const text = line.text.split(' ').length <= 6 ? line.text.replace(/\d+/g, '#') : line.text;
  return `${Math.round(line.y)}:${text}`;
}

/**
 * Running headers and footers ("Constitution – Part 5", "Part 5 – page 3") repeat at the top or foot
 * of most pages and would otherwise land in the middle of a clause.
 */
function runningLines(pages: readonly PageLine[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set([lines[0], lines.at(-1)].filter((l) => l !== undefined).map(edgeKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count >= 3 && count > pages.length / 2).map(([key]) => key));
}

/** maxPages: a PDF of more pages is refused before any page is read. */
export async function pdfDocumentText(bytes: Uint8Array, limit?: { maxPages: number; fileName: string }): Promise<{ text: string; warnings: string[] }> {
  // PDF.js may take over the buffer it is given: hand it a copy.
  // Loaded when first needed, as a PDF is read only when a protocol is imported.
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  if (limit && pdf.numPages > limit.maxPages) {
    throw new DocumentLimitError(`${limit.fileName} has ${pdf.numPages.toLocaleString('en-GB')} pages: a PDF may have ${limit.maxPages.toLocaleString('en-GB')} pages at most`);
  }
  const { items } = await extractTextItems(pdf);
  const pages = items.map((pageItems) => pageLines(pageItems).map((line) => ({ y: line.y, size: line.size, text: lineText(line) })));
  const running = runningLines(pages);
  const out: string[] = [];
  for (const page of pages) {
    // A page break is a paragraph break, unless the page stops in mid-sentence.
    const last = out.at(-1) ?? '';
    if (out.length && (/[.:;!?)"”’]$/.test(last) || looksLikeTitle(last))) out.push('');
    let previous: (typeof page)[number] | null = null;
    for (const line of page.filter((l, i) => !((i === 0 || i === page.length - 1) && running.has(edgeKey(l))))) {
      if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 1.6) out.push('');
      out.push(line.text);
      previous = line;
    }
  }
  const warnings = out.some((l) => l.trim()) ? [] : ['the PDF has no text layer (it may be a scanned image): run it through text recognition first'];
  return { text: out.join('\n'), warnings };
}
