// The reader of one uploaded document, run in a worker thread by text-extraction.ts so that a document built
// to exhaust memory or time exhausts only this thread. It checks what opening the file would cost before
// opening it, reads its text, and for a protocol document parses the clauses too (parsing is work in
// proportion to the text, so it is kept off the server's thread as well).
import { parentPort, workerData } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import { parseProtocol } from '../../protocol/importer.ts';
import { pdfDocumentText } from './pdf-document.ts';
import { checkPdfStreams } from './pdf-streams.ts';
import { plainText } from './plain-text.ts';
import { KIND_NAMES, type ExtractionJob, type ExtractionOutcome } from './text-extraction.ts';
import { DocumentLimitError, UnreadableDocumentError } from './text-limits.ts';
import { wordDocumentText } from './word-document.ts';
import { checkDeclaredSizes, checkMainPart, checkWordPackage } from './zip-directory.ts';

async function readText(job: ExtractionJob): Promise<{ text: string; warnings: string[] }> {
  const { bytes, fileName } = job;
  if (job.kind === 'docx') {
    const inflateRaw = (data: Uint8Array, maxOutputLength: number) => inflateRawSync(data, { maxOutputLength });
    const parts = checkWordPackage(bytes, fileName, job.limits);
    checkMainPart(bytes, parts, fileName, inflateRaw);
    checkDeclaredSizes(bytes, parts, fileName, inflateRaw);
    return wordDocumentText(bytes);
  }
  if (job.kind === 'pdf') {
    await checkPdfStreams(bytes, fileName, job.limits);
    return pdfDocumentText(bytes, { maxPages: job.limits.pages, fileName });
  }
  return plainText(bytes);
}

async function run(job: ExtractionJob): Promise<ExtractionOutcome> {
  try {
    const read = await readText(job);
    if (read.text.length > job.limits.characters) {
      return { refused: `${job.fileName} holds ${read.text.length.toLocaleString('en-GB')} characters of text: a document may hold ${job.limits.characters.toLocaleString('en-GB')} at most` };
    }
    return job.parse ? { parsed: parseProtocol(read.text), warnings: read.warnings } : { text: read.text, warnings: read.warnings };
  } catch (error) {
    if (error instanceof DocumentLimitError) return { refused: error.message };
    if (error instanceof UnreadableDocumentError) return { failed: error.message };
    return { failed: `${job.fileName} could not be read as ${KIND_NAMES[job.kind]}: ${(error as Error).message}` };
  }
}

parentPort!.postMessage(await run(workerData as ExtractionJob));
