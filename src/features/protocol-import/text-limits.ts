// How much reading an uploaded document's text may cost. A few hundred kilobytes of Word or PDF can expand to
// gigabytes when opened (a "bomb"), so every limit is checked before the expensive step it guards, and the
// reading itself runs apart from the server (text-extraction.ts) where these numbers bound it again.

export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/** The document went past one of the limits below: it is refused, whatever it is for. */
export class DocumentLimitError extends UnreadableDocumentError {
  override name = 'DocumentLimitError';
}

const MB = 1024 * 1024;

export const TEXT_LIMITS = {
  /** A Word document's parts together, unpacked, as its ZIP directory declares them. A 500-page report with
   * photographs comes to about 60 MB; its text parts are a few megabytes. */
  unpackedBytes: 100 * MB,
  /** Any one part, unpacked. word/document.xml of a 500-page report is under 20 MB. */
  partBytes: 40 * MB,
  /** A Word document's XML parts (.xml and .rels: its text, notes, styles and numbering) together, unpacked.
   * The Word reader holds about 17 bytes of heap for each byte of XML and reads about a megabyte a second, so
   * 9.6 MB of XML went past the heap limit below and 4.8 MB came within a second of the time limit on a busy
   * machine: 3 MB (some 2 million characters in plain paragraphs, fewer where the text is heavily formatted)
   * reads within both. A longer document is read as PDF, whose limits follow. */
  wordXmlBytes: 3 * MB,
  /** How many times a part may grow when unpacked: Word's XML deflates 5 to 20 times; a bomb, 1,000 times. */
  ratio: 100,
  /** Parts smaller than this may have any ratio: a few repeated bytes deflate far, harmlessly. */
  ratioFloorBytes: 1 * MB,
  /** Parts in one Word document: a long report with its images has a few hundred. */
  parts: 5_000,
  /** A PDF's compressed streams together, inflated: a 10 MB PDF of text and scans is well under this. */
  inflatedBytes: 150 * MB,
  /** Pages in a PDF: a full agenda pack runs to a few hundred. */
  pages: 2_000,
  /** Characters of text kept from one document: about 1,500 pages of ordinary print (a dense 500-page PDF
   * holds 3,300,000 and reads in about 5 seconds). */
  characters: 5_000_000,
  /** How long the reading may take, in milliseconds, before it is stopped. */
  milliseconds: 10_000,
  /** The reader's own JavaScript heap. */
  heapMegabytes: 160,
  /** The buffers the reader may hold outside its heap, beyond which it is stopped: PDF.js and zlib keep theirs
   * there, which the heap limit does not bound. */
  memoryBytes: 256 * MB,
} as const;

export type TextLimits = { readonly [K in keyof typeof TEXT_LIMITS]: number };

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB).toLocaleString('en-GB')} MB`;
}

/** To a tenth of a megabyte, where whole megabytes would show a size past a limit as equal to it. */
export function tenthsOfMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / MB) * 10) / 10).toLocaleString('en-GB')} MB`;
}
