// Reads an uploaded document's text apart from the server: in a worker thread with its own heap limit, stopped
// after a time limit, or once the buffers it holds outside its heap (PDF.js and zlib keep theirs there) pass a
// limit. Only the worker's own memory is counted (V8's external memory of its isolate, where every Buffer and
// ArrayBuffer it makes is accounted), so that other requests growing the server meanwhile never refuse a file.
// Native memory no buffer accounts for (zlib's window, a few hundred kilobytes) is not counted, and is bounded by
// the checks made before opening. Whatever the file does, the server keeps answering, and the uploader is
// told which limit their file went past. Documents are read one at a time in each of two lanes: uploads, for
// someone waiting on the answer, and the background reading of files stored before text was kept, so that
// however many old files are being read, an upload never waits behind them.
import { Worker } from 'node:worker_threads';
import type { ParsedProtocol } from '../../protocol/importer.ts';
import { DocumentLimitError, TEXT_LIMITS, UnreadableDocumentError, megabytes, type TextLimits } from './text-limits.ts';

export type ReadableKind = 'pdf' | 'docx' | 'text';

export type ExtractionJob = { kind: ReadableKind; bytes: Uint8Array; fileName: string; parse: boolean; limits: TextLimits };

/** refused: past a limit, so the file is refused whatever it is for; failed: damaged, or not what it seemed. */
export type ExtractionOutcome =
  | { text: string; warnings: string[] }
  | { parsed: ParsedProtocol; warnings: string[] }
  | { refused: string }
  | { failed: string };

const WORKER = new URL('./text-extraction.worker.ts', import.meta.url);
export const KIND_NAMES: Record<ReadableKind, string> = { pdf: 'a PDF', docx: 'a Word document', text: 'a text file' };

function runWorker(job: ExtractionJob): Promise<ExtractionOutcome> {
  const limits = job.limits;
  return new Promise((resolve) => {
    // The server's own V8 flags (--max-old-space-size and the like) are not the reader's: its limits are below.
    const worker = new Worker(WORKER, {
      workerData: job,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMegabytes, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    let settled = false;
    let measuring = false;
    const finish = (outcome: ExtractionOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ refused: `${job.fileName} took longer than ${limits.milliseconds / 1000} seconds to read: a document must be readable within ${limits.milliseconds / 1000} seconds` }), limits.milliseconds);
    const tooMuch = { refused: `${job.fileName} needed more than ${megabytes(limits.memoryBytes)} of memory to read: a document must be readable within ${megabytes(limits.memoryBytes)}` };
    const watch = setInterval(() => {
      // One measurement at a time: the worker answers between its own steps, so a long step delays the answer.
      if (measuring) return;
      measuring = true;
      worker.getHeapStatistics().then(
        (heap) => {
          measuring = false;
          if (heap.external_memory > limits.memoryBytes) finish(tooMuch);
        },
        () => (measuring = false),
      );
    }, 10);
    worker.on('message', (outcome: ExtractionOutcome) => finish(outcome));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ refused: `${job.fileName} needed more than ${limits.heapMegabytes} MB of memory to read: a document must be readable within ${limits.heapMegabytes} MB` });
      else finish({ failed: `${job.fileName} could not be read as ${KIND_NAMES[job.kind]}: ${error.message}` });
    });
    worker.on('exit', () => finish({ failed: `${job.fileName} could not be read as ${KIND_NAMES[job.kind]}` }));
  });
}

/** upload: someone is waiting for the answer; background: no one is, and it must never hold up an upload. */
export type ReadingLane = 'upload' | 'background';

const lanes: Record<ReadingLane, Promise<unknown>> = { upload: Promise.resolve(), background: Promise.resolve() };

/** The outcome of reading the document in a worker; one at a time in each lane, in the order asked. */
export function extractInWorker(job: ExtractionJob, lane: ReadingLane = 'upload'): Promise<ExtractionOutcome> {
  const run = lanes[lane].then(() => runWorker(job));
  lanes[lane] = run.catch(() => undefined);
  return run;
}

/** The document's text and warnings, or an UnreadableDocumentError naming the limit or the fault. */
export async function readDocumentText(bytes: Uint8Array, kind: ReadableKind, fileName: string, lane: ReadingLane = 'upload'): Promise<{ text: string; warnings: string[] }> {
  const outcome = await extractInWorker({ kind, bytes, fileName, parse: false, limits: TEXT_LIMITS }, lane);
  if ('refused' in outcome) throw new DocumentLimitError(outcome.refused);
  if ('failed' in outcome) throw new UnreadableDocumentError(outcome.failed);
  if (!('text' in outcome)) throw new Error('the reader answered with clauses when text was asked for');
  return outcome;
}

/** A protocol document's clauses, read and parsed in the worker. */
export async function parseDocumentInWorker(bytes: Uint8Array, kind: ReadableKind, fileName: string): Promise<ParsedProtocol> {
  const outcome = await extractInWorker({ kind, bytes, fileName, parse: true, limits: TEXT_LIMITS });
  if ('refused' in outcome) throw new DocumentLimitError(outcome.refused);
  if ('failed' in outcome) throw new UnreadableDocumentError(outcome.failed);
  if (!('parsed' in outcome)) throw new Error('the reader answered with text when clauses were asked for');
  return { ...outcome.parsed, warnings: [...outcome.warnings, ...outcome.parsed.warnings] };
}
