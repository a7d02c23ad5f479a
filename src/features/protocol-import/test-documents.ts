// Small Word and PDF documents built in the tests, so that no council's file is kept in the project:
// a .docx is a ZIP of WordprocessingML parts; a PDF here is one page of Helvetica lines.
import { strToU8, zipSync } from 'fflate';

export type WordParagraph =
  | string
  /** A paragraph numbered automatically by Word, at a list level (0 = top). */
  | { numbered: string; level: number }
  | { table: string[][] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph; a "\n" in its text is a line break within it (Shift+Enter in Word). */
function paragraphXml(text: string, numbering = ''): string {
  const runs = text.split('\n').map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`);
  return `<w:p>${numbering ? `<w:pPr>${numbering}</w:pPr>` : ''}<w:r>${runs.join('<w:br/>')}</w:r></w:p>`;
}

function bodyXml(paragraph: WordParagraph): string {
  if (typeof paragraph === 'string') return paragraphXml(paragraph);
  if ('numbered' in paragraph) return paragraphXml(paragraph.numbered, `<w:numPr><w:ilvl w:val="${paragraph.level}"/><w:numId w:val="1"/></w:numPr>`);
  const rows = paragraph.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraphXml(cell)}</w:tc>`).join('')}</w:tr>`);
  return `<w:tbl>${rows.join('')}</w:tbl>`;
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

export function wordDocument(paragraphs: readonly WordParagraph[]): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${paragraphs.map(bodyXml).join('')}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(NUMBERING),
  });
}

/**
 * A PDF line: its text (or table cells, 110 points apart), and how far below the previous line it
 * sits, in points (14 is the next line; more is a paragraph break).
 */
export type PdfLine = { text: string; drop?: number } | { cells: string[]; drop?: number };

/** Typographic marks outside Latin-1, as octal codes in Helvetica's WinAnsi encoding. */
const WIN_ANSI: Record<string, string> = { '‘': '\\221', '’': '\\222', '“': '\\223', '”': '\\224', '•': '\\225', '–': '\\226', '—': '\\227', '…': '\\205' };

function escapePdf(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[\u0100-\uffff]/g, (c) => WIN_ANSI[c] ?? '?');
}

/** Lines on a page's text layer, in PDF operators. */
function pageContent(lines: readonly PdfLine[], header: string | undefined, page: number): string {
  const operations = header ? ['BT', '/F1 9 Tf', `72 810 Td (${escapePdf(header)}) Tj`, 'ET', 'BT', '/F1 9 Tf', `290 40 Td (Page ${page}) Tj`, 'ET'] : [];
  operations.push('BT', '/F1 11 Tf', '72 770 Td');
  let x = 0;
  lines.forEach((line, i) => {
    // Td moves relative to the start of the current line: come back to the margin first.
    if (i > 0) operations.push(`${-x} -${line.drop ?? 14} Td`);
    x = 0;
    const cells = 'cells' in line ? line.cells : [line.text];
    cells.forEach((cell, c) => {
      if (c > 0) {
        operations.push('110 0 Td');
        x += 110;
      }
      operations.push(`(${escapePdf(cell)}) Tj`);
    });
  });
  operations.push('ET');
  return operations.join('\n');
}

/**
 * A4 pages of 11-point Helvetica with a real text layer and a correct cross-reference table; lines run
 * on to a new page at the foot of one. A running header, if given, heads each page, and a page number
 * sits at its foot.
 */
export function pdfDocument(lines: readonly PdfLine[], runningHeader?: string): Uint8Array {
  const pages: PdfLine[][] = [[]];
  let y = 770;
  for (const line of lines) {
    const drop = pages.at(-1)!.length ? (line.drop ?? 14) : 0;
    if (y - drop < 72) {
      pages.push([]);
      y = 770;
    } else y -= drop;
    pages.at(-1)!.push(line);
  }
  const fontId = 3 + pages.length * 2;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...pages.flatMap((page, i) => {
      const content = pageContent(page, runningHeader, i + 1);
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${4 + i * 2} 0 R /Resources << /Font << /F1 ${fontId} 0 R >> >> >>`,
        `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
      ];
    }),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** A text document laid out as PDF lines: wrapped at `width` characters, a gap for each blank line, tab-separated rows as table cells. */
export function pdfLinesOf(text: string, width: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let drop = 14;
  for (const raw of text.split('\n')) {
    if (!raw.trim()) {
      drop = 28;
      continue;
    }
    if (raw.includes('\t')) {
      lines.push({ cells: raw.split('\t'), drop });
      drop = 14;
      continue;
    }
    let line = '';
    for (const word of raw.trim().split(/\s+/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push({ text: line, drop });
        drop = 14;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push({ text: line, drop });
    drop = 14;
  }
  return lines;
}

/** A text document as Word paragraphs: each block between blank lines one paragraph, its lines kept as line breaks; tab-separated rows as a table. */
export function wordParagraphsOf(text: string): WordParagraph[] {
  const paragraphs: WordParagraph[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    const rows = lines.filter((l) => l.includes('\t'));
    if (rows.length) paragraphs.push({ table: rows.map((row) => row.split('\t')) });
    else if (lines.length) paragraphs.push(lines.join('\n'));
  }
  return paragraphs;
}
