// A PDF keeps its page content and fonts in streams, mostly deflated. PDF.js decodes a stream whole, into
// buffers outside the JavaScript heap, so a 0.6 MB file whose stream inflates to 300 MB would take 300 MB
// of the server's memory. Each stream is decoded here first through its chain of filters, counting the bytes
// of every stage and keeping at most one stage at a time, so what opening it costs is known before PDF.js is
// handed the file. (ISO 32000-1, 7.3.8 streams and 7.4 filters.)
import { createInflate, inflateSync } from 'node:zlib';
import { decodeAscii85, decodeAsciiHex, runLengthDecodedLength } from './pdf-filters.ts';
import { DocumentLimitError, TEXT_LIMITS, megabytes, type TextLimits } from './text-limits.ts';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far back from "stream" its dictionary is looked for: a stream's dictionary is a few hundred bytes. */
const DICTIONARY_REACH = 16 * 1024;

/** How many bytes a deflated stream inflates to, stopping once past `budget`; 0 where it is not deflate. */
function inflatedLength(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let length = 0;
    const inflate = createInflate({ chunkSize: 256 * 1024 });
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > budget) {
        inflate.destroy();
        resolve(length);
      }
    });
    inflate.on('end', () => resolve(length));
    // A stream that is not deflate, or was cut short, is for PDF.js to judge: count what came.
    inflate.on('error', () => resolve(length));
    inflate.end(data);
  });
}

const FILTER_NAMES: Record<string, string> = { AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', Fl: 'FlateDecode', RL: 'RunLengthDecode', CCF: 'CCITTFaxDecode', DCT: 'DCTDecode' };

/** A name as PDF.js reads it: "#xx" is the byte xx, so /Fl#61teDecode is /FlateDecode. */
function pdfName(raw: string): string {
  const name = raw.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return FILTER_NAMES[name] ?? name;
}

/** The stream's filters in the order they are applied to decode it; null where the dictionary names none. */
function filtersOf(dictionary: string): string[] | null {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+|\d+\s+\d+\s+R)/.exec(dictionary);
  if (!match) return null;
  const value = match[1]!;
  // A filter kept in another object cannot be told here: decoding is tried as for an unnamed filter.
  if (/R$/.test(value)) return null;
  return [...value.matchAll(/\/([^\s/[\]<>()]+)/g)].map((m) => pdfName(m[1]!));
}

/** Filters whose output PDF.js never decodes to read text (pictures), or that cost no more than their input. */
const PICTURES = new Set(['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode']);

/**
 * The bytes decoding the stream through `filters` would produce, each stage counted (PDF.js holds them), or a
 * DocumentLimitError for a filter whose output cannot be measured without risking what the check guards.
 */
async function decodedLength(data: Uint8Array, filters: readonly string[] | null, budget: number, fileName: string): Promise<number> {
  if (filters === null) return inflatedLength(data, budget);
  let stage: Uint8Array = data;
  let total = 0;
  for (const [i, filter] of filters.entries()) {
    const last = i === filters.length - 1;
    if (filter === 'FlateDecode' && last) return total + (await inflatedLength(stage, budget - total));
    if (filter === 'RunLengthDecode' && last) return total + runLengthDecodedLength(stage);
    if (PICTURES.has(filter) || filter === 'Crypt') return total + stage.byteLength;
    if (filter === 'ASCIIHexDecode') stage = decodeAsciiHex(stage);
    else if (filter === 'ASCII85Decode') stage = decodeAscii85(stage);
    else if (filter === 'FlateDecode') {
      try {
        stage = inflateSync(stage, { maxOutputLength: Math.max(1, budget - total) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
        return total;
      }
    } else {
      // LZW can grow a stream some thousands of times, and nothing short of decoding it tells by how much.
      throw new DocumentLimitError(`${fileName} compresses its contents with ${filters.join(', then ')}, which cannot be measured before opening: a PDF’s contents must use FlateDecode, ASCIIHexDecode or ASCII85Decode (save it again as PDF)`);
    }
    total += stage.byteLength;
    if (total > budget) return total;
  }
  return total + stage.byteLength;
}

/** Refuses a PDF whose streams would decode past the limit, naming the limit. */
export async function checkPdfStreams(bytes: Uint8Array, fileName: string, limits: TextLimits = TEXT_LIMITS): Promise<void> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = file.indexOf(STREAM);
  while (at >= 0) {
    // "stream" is followed by CR LF or LF; "endstream" contains it too, and is skipped.
    let start = at + STREAM.length;
    if (file[start] === 0x0d) start++;
    if (file[start] === 0x0a) start++;
    const endMarker = file.indexOf(END_STREAM, start);
    if (endMarker < 0) break;
    const isEnd = at >= 3 && file.subarray(at - 3, at).toString('latin1') === 'end';
    if (!isEnd && start > at + STREAM.length) {
      const head = file.subarray(Math.max(0, at - DICTIONARY_REACH), at).toString('latin1');
      const dictionary = head.slice(head.lastIndexOf('obj') + 1);
      // PDF.js trusts /Length over "endstream", which the data may itself contain: count the longer of the two.
      const declared = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? 0);
      const end = Math.min(file.length, Math.max(endMarker, start + declared));
      total += await decodedLength(file.subarray(start, end), filtersOf(dictionary), limits.inflatedBytes - total, fileName);
      if (total > limits.inflatedBytes) {
        throw new DocumentLimitError(`${fileName} would inflate to more than ${megabytes(limits.inflatedBytes)} when opened: a PDF’s contents may inflate to ${megabytes(limits.inflatedBytes)} at most`);
      }
    }
    at = file.indexOf(STREAM, endMarker + END_STREAM.length);
  }
}
