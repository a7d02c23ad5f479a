// A Word document (.docx) as plain text for the importer, read with mammoth. Paragraphs become
// paragraphs, table rows become tab-separated lines (so that a version table stays a table), and
// footnotes come last, each opening with its superscript number as in a text export.
import { superscriptDigits } from '../../protocol/importer/source-lines.ts';

type WordElement = {
  type: string;
  children?: WordElement[];
  value?: string;
  numbering?: { level: string; isOrdered: boolean } | null;
};

/**
 * Word keeps automatic paragraph numbers as list formatting, not text, and mammoth does not say how
 * each level is written. We write them back as 1., 1.1, 1.1.1 (the usual style of a protocol), counting
 * on across interruptions as Word does within one list, and warn that they need checking.
 */
function writeAutomaticNumbers(document: WordElement): boolean {
  const counts: number[] = [];
  let numbered = false;
  const visit = (element: WordElement) => {
    if (element.type === 'paragraph' && element.numbering) {
      const level = Math.max(0, Number(element.numbering.level) || 0);
      let label = '-';
      if (element.numbering.isOrdered) {
        counts.length = level + 1;
        for (let i = 0; i < level; i++) counts[i] ??= 1;
        counts[level] = (counts[level] ?? 0) + 1;
        label = level === 0 ? `${counts[0]}.` : counts.join('.');
        numbered = true;
      }
      element.children = [{ type: 'text', value: `${label} ` }, ...(element.children ?? [])];
      element.numbering = null;
    }
    element.children?.forEach(visit);
  };
  visit(document);
  return numbered;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** mammoth's HTML (a small, regular subset) as lines of text. */
export function wordHtmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  /** "- " or a footnote's number, written when the item's first text arrives (it may open with a <p>). */
  let prefix = '';
  let cellDepth = 0;
  let cellsInRow = 0;
  let inSuperscript = false;
  let skippingBacklink = false;
  const endLine = (paragraphBreak: boolean) => {
    if (line.trim()) lines.push(line.trim());
    line = '';
    if (paragraphBreak && lines.at(-1) !== '') lines.push('');
  };
  for (const [, closing, tagName, attributes, text] of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    if (text !== undefined) {
      if (skippingBacklink) continue;
      const decoded = decodeEntities(text);
      // A footnote reference "[2]" is written as a superscript ², as text exports of protocols have it.
      const reference = inSuperscript ? /^\[(\d+)\]$/.exec(decoded) : null;
      const piece = reference ? superscriptDigits(reference[1]!) : decoded;
      if (!line.trim() && piece.trim()) {
        line = prefix + piece.trimStart();
        prefix = '';
      } else line += piece;
      continue;
    }
    const tag = tagName!.toLowerCase();
    const opening = closing !== '/';
    if (tag === 'sup') inSuperscript = opening;
    else if (tag === 'a' && opening && /href="#(?:footnote|endnote)-ref-/.test(attributes ?? '')) skippingBacklink = true;
    else if (tag === 'a' && !opening) skippingBacklink = false;
    else if (tag === 'tr') {
      if (opening) cellsInRow = 0;
      else endLine(false);
    } else if (tag === 'td' || tag === 'th') {
      if (opening && cellsInRow++ > 0) line += '\t';
      cellDepth += opening ? 1 : -1;
    } else if (tag === 'table' && !opening) endLine(true);
    else if (tag === 'br') {
      if (cellDepth) line += ' ';
      else endLine(false);
    } else if (/^(?:p|h[1-6]|li)$/.test(tag)) {
      if (cellDepth) {
        if (opening && line && !line.endsWith('\t')) line += ' ';
        continue;
      }
      endLine(!opening);
      if (!opening && tag === 'li') prefix = '';
      const note = opening && tag === 'li' ? /id="(?:footnote|endnote)-(\d+)"/.exec(attributes ?? '') : null;
      if (note) prefix = `${superscriptDigits(note[1]!)} `;
      else if (opening && tag === 'li') prefix = '- ';
    }
  }
  endLine(false);
  return lines.join('\n');
}

export async function wordDocumentText(bytes: Uint8Array): Promise<{ text: string; warnings: string[] }> {
  let automaticNumbers = false;
  // Loaded when first needed: most instances never read a Word document, and mammoth is large.
  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      // Pictures are never unpacked: only the words are wanted, and a picture may be the largest part.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      transformDocument: (document: WordElement) => {
        automaticNumbers = writeAutomaticNumbers(document);
        return document;
      },
    },
  );
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `the Word document could not be read in full: ${m.message}`);
  if (automaticNumbers) {
    warnings.unshift('the Word document numbers its paragraphs automatically: the numbers were rebuilt as 1., 1.1, 1.1.1, so check them against the printed document');
  }
  return { text: wordHtmlToText(result.value), warnings };
}
