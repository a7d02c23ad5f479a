// Reads a protocol document a council uploads (plain text, Word .docx or PDF) and parses it into
// clauses. The type is told by the content, not the file name, which is often wrong or missing.
import { parseProtocol, type ParsedProtocol } from '../../protocol/importer.ts';
import { pdfDocumentText } from './pdf-document.ts';
import { wordDocumentText } from './word-document.ts';

export type DocumentKind = 'pdf' | 'docx' | 'text';

export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

export function documentKind(bytes: Uint8Array, fileName: string): DocumentKind {
  // "%PDF" may follow a few bytes of junk; PDF readers look in the first kilobyte.
  if (containsAscii(bytes.subarray(0, 1024), '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, 'word/document.xml')) return 'docx';
    throw new UnreadableDocumentError(`${fileName} is a ZIP file but not a Word document (.docx)`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UnreadableDocumentError(`${fileName} is an old Word document (.doc): save it as .docx or PDF and upload that`);
  }
  if (containsAscii(bytes.subarray(0, 16), '{\\rtf')) {
    throw new UnreadableDocumentError(`${fileName} is a Rich Text document (.rtf): save it as .docx or PDF and upload that`);
  }
  return 'text';
}

/** Plain text in UTF-8 (with or without a byte-order mark), UTF-16, or else Windows-1252 as older exports are. */
function plainText(bytes: Uint8Array): { text: string; warnings: string[] } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), warnings: ['the text file is not UTF-8: it was read as Windows-1252, so check any accented letters and symbols'] };
  }
}

export async function importProtocolDocument(bytes: Uint8Array, fileName: string): Promise<ParsedProtocol> {
  const kind = documentKind(bytes, fileName);
  let read: { text: string; warnings: string[] };
  try {
    read = kind === 'pdf' ? await pdfDocumentText(bytes) : kind === 'docx' ? await wordDocumentText(bytes) : plainText(bytes);
  } catch (error) {
    throw new UnreadableDocumentError(`${fileName} could not be read as ${kind === 'pdf' ? 'a PDF' : 'a Word document'}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseProtocol(read.text);
  return { ...parsed, warnings: [...read.warnings, ...parsed.warnings] };
}
