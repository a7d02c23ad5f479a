// A PDF keeps its page content and fonts in streams, mostly deflated. PDF.js inflates a stream whole, into
// buffers outside the JavaScript heap, so a 0.6 MB file whose stream inflates to 300 MB would take 300 MB
// of the server's memory. Each stream is inflated here first, counting the bytes as they come and keeping
// none, so the inflated total is known before PDF.js is handed the file.
import { createInflate } from 'node:zlib';
import { DocumentLimitError, TEXT_LIMITS, megabytes, type TextLimits } from './text-limits.ts';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

/** How many bytes a deflated stream inflates to, stopping once past `budget`; null where it is not deflate. */
function inflatedLength(data: Uint8Array, budget: number): Promise<number | null> {
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
    inflate.on('error', () => resolve(length || null));
    inflate.end(data);
  });
}

/** Refuses a PDF whose deflated streams would inflate past the limit, naming the limit. */
export async function checkPdfStreams(bytes: Uint8Array, fileName: string, limits: TextLimits = TEXT_LIMITS): Promise<void> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = file.indexOf(STREAM);
  while (at >= 0) {
    // "stream" is followed by CR LF or LF; "endstream" contains it too, and is skipped.
    let start = at + STREAM.length;
    if (file[start] === 0x0d) start++;
    if (file[start] === 0x0a) start++;
    const end = file.indexOf(END_STREAM, start);
    if (end < 0) break;
    const isEnd = at >= 3 && file.subarray(at - 3, at).toString('latin1') === 'end';
    if (!isEnd && start > at + STREAM.length) {
      total += (await inflatedLength(file.subarray(start, end), limits.inflatedBytes - total)) ?? 0;
      if (total > limits.inflatedBytes) {
        throw new DocumentLimitError(`${fileName} would inflate to more than ${megabytes(limits.inflatedBytes)} when opened: a PDF’s contents may inflate to ${megabytes(limits.inflatedBytes)} at most`);
      }
    }
    at = file.indexOf(STREAM, end + END_STREAM.length);
  }
}
