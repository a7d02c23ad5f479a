// A ZIP file's central directory, read without unpacking anything: the list at the end of the file of each part
// with its compressed and unpacked sizes. A Word document (.docx) is a ZIP file, so what it would cost to open
// can be told from these few bytes before any part is inflated. (PKWARE APPNOTE 6.3.10, sections 4.3.12, 4.3.16.)
import { DocumentLimitError, TEXT_LIMITS, UnreadableDocumentError, megabytes, tenthsOfMegabytes, type TextLimits } from './text-limits.ts';

export type ZipPart = { name: string; method: number; compressedSize: number; unpackedSize: number; localHeaderOffset: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

function damaged(fileName: string, what: string): UnreadableDocumentError {
  return new UnreadableDocumentError(`${fileName} could not be read as a Word document: ${what}`);
}

export function zipDirectory(bytes: Uint8Array, fileName: string, limits: TextLimits = TEXT_LIMITS): ZipPart[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - END_SEARCH); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName, 'its ZIP directory is missing');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 marks these fields 0xFFFF…: only a package of over 4 GB or 65,535 parts needs it, never a document.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw damaged(fileName, 'it is a ZIP64 archive, which no document needs');
  if (count > limits.parts) throw new DocumentLimitError(`${fileName} holds ${count.toLocaleString('en-GB')} parts: a Word document may hold ${limits.parts.toLocaleString('en-GB')} at most`);
  if (offset + size > end) throw damaged(fileName, 'its ZIP directory points outside the file');
  const parts: ZipPart[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw damaged(fileName, 'its ZIP directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    parts.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      unpackedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Refuses a Word document that would unpack past the limits, naming the limit; or its parts. */
export function checkWordPackage(bytes: Uint8Array, fileName: string, limits: TextLimits = TEXT_LIMITS): ZipPart[] {
  const parts = zipDirectory(bytes, fileName, limits);
  let unpacked = 0;
  let xml = 0;
  for (const part of parts) {
    unpacked += part.unpackedSize;
    if (/\.(?:xml|rels)$/i.test(part.name)) xml += part.unpackedSize;
    if (part.unpackedSize > limits.partBytes) {
      throw new DocumentLimitError(`${fileName} would unpack ${part.name} to ${megabytes(part.unpackedSize)}: one part of a Word document may unpack to ${megabytes(limits.partBytes)} at most`);
    }
    const ratio = part.unpackedSize / Math.max(1, part.compressedSize);
    if (part.unpackedSize > limits.ratioFloorBytes && ratio > limits.ratio) {
      throw new DocumentLimitError(`${fileName} would unpack ${part.name} ${Math.round(ratio).toLocaleString('en-GB')} times larger: a part of a Word document may grow ${limits.ratio} times at most`);
    }
  }
  if (xml > limits.wordXmlBytes) {
    throw new DocumentLimitError(`${fileName} would unpack its text and formatting to ${tenthsOfMegabytes(xml)}: a Word document’s text and formatting may unpack to ${megabytes(limits.wordXmlBytes)} at most: save a longer document as PDF`);
  }
  if (unpacked > limits.unpackedBytes) {
    throw new DocumentLimitError(`${fileName} would unpack to ${megabytes(unpacked)}: a Word document may unpack to ${megabytes(limits.unpackedBytes)} at most`);
  }
  return parts;
}

const LOCAL_HEADER = 0x04034b50;

/** Where a part's deflated bytes lie in the file. */
function partData(bytes: Uint8Array, view: DataView, part: ZipPart, fileName: string): Uint8Array {
  const at = part.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) throw damaged(fileName, `${part.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return bytes.subarray(start, start + part.compressedSize);
}

/**
 * Inflates every deflated part no further than its declared size, whatever its name: a directory may lie about
 * sizes, and the reader of the document trusts them, and reads whichever part the package's relationships name.
 */
export function checkDeclaredSizes(bytes: Uint8Array, parts: readonly ZipPart[], fileName: string, inflateRaw: (data: Uint8Array, maxOutputLength: number) => Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const part of parts) {
    if (part.method !== 8) continue;
    try {
      inflateRaw(partData(bytes, view, part, fileName), Math.max(1, part.unpackedSize));
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DocumentLimitError(`${fileName} unpacks ${part.name} to more than its ZIP directory declares: a Word document must declare the size of each part truly`);
      }
      if (error instanceof UnreadableDocumentError) throw error;
      throw damaged(fileName, `${part.name} is damaged`);
    }
  }
}

const MAIN_PART = 'word/document.xml';
const OFFICE_DOCUMENT = /<Relationship\b[^>]*\bType="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/officeDocument"[^>]*>/;

/**
 * Refuses a package whose relationships point the reader at a text part other than word/document.xml, as Word
 * writes it: every check above is made on the parts by name, and a renamed text part is made to slip past them.
 * _rels/.rels is inflated no further than its declared size, which checkWordPackage has bounded.
 */
export function checkMainPart(bytes: Uint8Array, parts: readonly ZipPart[], fileName: string, inflateRaw: (data: Uint8Array, maxOutputLength: number) => Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rels = parts.find((p) => p.name === '_rels/.rels');
  if (!rels) throw damaged(fileName, 'it has no _rels/.rels part');
  const data = partData(bytes, view, rels, fileName);
  const xml = new TextDecoder().decode(rels.method === 8 ? inflateRaw(data, Math.max(1, rels.unpackedSize)) : data);
  const target = /\bTarget="([^"]*)"/.exec(OFFICE_DOCUMENT.exec(xml)?.[0] ?? '')?.[1]?.replace(/^\//, '');
  if (target !== MAIN_PART) {
    throw new DocumentLimitError(`${fileName} keeps its text in ${target ?? 'no part'}: a Word document must keep its text in ${MAIN_PART}`);
  }
}
