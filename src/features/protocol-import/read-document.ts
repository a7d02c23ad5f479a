// Reads a protocol document a council uploads (plain text, Word .docx or PDF) and parses it into
// clauses. The type is told by the content, not the file name, which is often wrong or missing.
// The reading itself runs apart from the server, within limits (text-extraction.ts).
import type { ParsedProtocol } from '../../protocol/importer.ts';
import { parseDocumentInWorker, type ReadableKind } from './text-extraction.ts';
import { UnreadableDocumentError } from './text-limits.ts';

export { UnreadableDocumentError };
export type DocumentKind = ReadableKind;

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

export async function importProtocolDocument(bytes: Uint8Array, fileName: string): Promise<ParsedProtocol> {
  return parseDocumentInWorker(bytes, documentKind(bytes, fileName), fileName);
}
