// Reading a document's text apart from the server: what each limit refuses, and that a file built to get past the
// checks made before opening it is still stopped by the limits on the reader itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pdfBomb, wordBomb } from './document-bombs.ts';
import { extractInWorker, readDocumentText, type ExtractionJob } from './text-extraction.ts';
import { DocumentLimitError, TEXT_LIMITS, type TextLimits } from './text-limits.ts';
import { pdfDocument, wordDocument } from './test-documents.ts';
import { zipDirectory } from './zip-directory.ts';

const job = (kind: ExtractionJob['kind'], bytes: Uint8Array, limits: Partial<TextLimits> = {}): ExtractionJob => ({ kind, bytes, fileName: `paper.${kind}`, parse: false, limits: { ...TEXT_LIMITS, ...limits } });
const pdf = pdfDocument([{ text: 'The Chief Executive is head of the paid service.' }, { text: 'Officers give impartial advice.', drop: 28 }]);

describe('reading a document’s text in a worker', () => {
  it('reads a Word document and a PDF', async () => {
    assert.equal((await readDocumentText(wordDocument(['Officers give impartial advice.']), 'docx', 'advice.docx')).text.trim(), 'Officers give impartial advice.');
    assert.equal((await readDocumentText(pdf, 'pdf', 'advice.pdf')).text, 'The Chief Executive is head of the paid service.\n\nOfficers give impartial advice.');
  });

  it('refuses each bomb before opening it, within a second or two', async () => {
    for (const [kind, bytes, message] of [
      ['docx', wordBomb(300), /would unpack word\/document\.xml to 300 MB/],
      ['docx', wordBomb(300, { lying: true }), /unpacks word\/document\.xml to more than its ZIP directory declares/],
      ['pdf', pdfBomb(300), /would inflate to more than 150 MB/],
      ['docx', wordBomb(300, { lying: true, mainPart: 'word/document.dat' }), /keeps its text in word\/document\.dat: a Word document must keep its text in word\/document\.xml/],
      ['docx', wordBomb(300, { lying: true, extraPart: 'word/media/picture.dat' }), /unpacks word\/media\/picture\.dat to more than its ZIP directory declares/],
      ['pdf', pdfBomb(200, { hex: true }), /would inflate to more than 150 MB/],
      ['pdf', pdfBomb(1, { lzw: true }), /compresses its contents with LZWDecode, which cannot be measured before opening/],
    ] as const) {
      const started = Date.now();
      await assert.rejects(readDocumentText(bytes, kind, 'bomb'), (error: Error) => error instanceof DocumentLimitError && message.test(error.message));
      assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
    }
  });

  it('refuses a PDF whose stream is deflated twice before opening it, following its chain of filters', async () => {
    const started = Date.now();
    const outcome = await extractInWorker(job('pdf', pdfBomb(300, { twice: true })));
    assert.ok('refused' in outcome, JSON.stringify(outcome));
    assert.match(outcome.refused, /would inflate to more than 150 MB when opened/);
    assert.ok(Date.now() - started < 3000);
  });

  it('stops a bomb that the checks before opening let by, by the memory the reader itself holds', async () => {
    const started = Date.now();
    const outcome = await extractInWorker(job('pdf', pdfBomb(300), { inflatedBytes: Number.MAX_SAFE_INTEGER }));
    assert.ok('refused' in outcome, JSON.stringify(outcome));
    assert.match(outcome.refused, /needed more than \d+ MB of memory to read|took longer than 10 seconds to read/);
    assert.ok(Date.now() - started < TEXT_LIMITS.milliseconds + 2000);
  });

  const limited: [string, ExtractionJob, RegExp][] = [
    ['the time limit', job('pdf', pdf, { milliseconds: 5 }), /^paper\.pdf took longer than 0\.005 seconds to read: a document must be readable within 0\.005 seconds$/],
    ['the reader’s heap', { ...job('text', new Uint8Array(Buffer.alloc(8 * 1024 * 1024, '1. Clause text. ')), { heapMegabytes: 8 }), parse: true }, /^paper\.text needed more than 8 MB of memory to read/],
    ['the reader’s memory outside its heap', job('pdf', pdf, { memoryBytes: 1 }), /^paper\.pdf needed more than 0 MB of memory to read/],
    ['the number of pages', job('pdf', pdf, { pages: 0 }), /^paper\.pdf has 1 pages: a PDF may have 0 pages at most$/],
    ['the characters of text', job('text', new Uint8Array(Buffer.from('x'.repeat(101))), { characters: 100 }), /^paper\.text holds 101 characters of text: a document may hold 100 at most$/],
    ['a part of a Word document', job('docx', wordDocument(['Officers give impartial advice.']), { partBytes: 100 }), /^paper\.docx would unpack .+ to 0 MB: one part of a Word document may unpack to 0 MB at most$/],
    ['a PDF’s inflated streams', job('pdf', pdfBomb(1), { inflatedBytes: 1024 }), /^paper\.pdf would inflate to more than 0 MB when opened/],
  ];
  for (const [limit, refusedJob, message] of limited) {
    it(`refuses a document past ${limit}, naming it`, async () => {
      const outcome = await extractInWorker(refusedJob);
      assert.ok('refused' in outcome, JSON.stringify(outcome).slice(0, 300));
      assert.match(outcome.refused, message);
    });
  }
});

describe('the reader’s memory', () => {
  it('counts only the reader’s own: the server growing meanwhile does not refuse a document', async () => {
    const reading = extractInWorker(job('pdf', pdf));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Another request's buffers, filled so that the server's resident memory grows past the reader's limit.
    const others = Buffer.alloc(TEXT_LIMITS.memoryBytes + 32 * 1024 * 1024, 1);
    const outcome = await reading;
    assert.equal(others[others.length - 1], 1);
    assert.ok('text' in outcome, JSON.stringify(outcome));
  });
});

describe('the limits a Word document meets', () => {
  // `n` plain paragraphs of words in a changing order, which compress as a council's prose does, not as a bomb.
  const WORDS = 'officers give impartial advice to every member of the council whatever their party and keep confidences while members respect the officers role in meetings and in writing at all times'.split(' ');
  const report = (n: number) => {
    let seed = 7;
    const word = () => WORDS[(seed = (seed * 48271) % 2147483647) % WORDS.length]!;
    return wordDocument(Array.from({ length: n }, () => Array.from({ length: 18 }, word).join(' ')));
  };
  const xmlBytes = (docx: Uint8Array) => zipDirectory(docx, 'report.docx').filter((p) => /\.(?:xml|rels)$/i.test(p.name)).reduce((n, p) => n + p.unpackedSize, 0);
  const perParagraph = (xmlBytes(report(1001)) - xmlBytes(report(1))) / 1000;
  const fitting = Math.floor((TEXT_LIMITS.wordXmlBytes - xmlBytes(report(0))) / perParagraph);

  it('reads a document just within them, and refuses one just past them naming the limit it went past, not the reader’s memory', async () => {
    const under = report(fitting - 300);
    const over = report(fitting + 300);
    assert.ok(xmlBytes(under) <= TEXT_LIMITS.wordXmlBytes && xmlBytes(over) > TEXT_LIMITS.wordXmlBytes);
    const read = await extractInWorker(job('docx', under));
    assert.ok('text' in read, JSON.stringify(read).slice(0, 300));
    assert.ok(read.text.length > 1_500_000, `${read.text.length} characters`);
    const refused = await extractInWorker(job('docx', over));
    assert.ok('refused' in refused, JSON.stringify(refused).slice(0, 300));
    assert.match(refused.refused, /^paper\.docx would unpack its text and formatting to 3\.1 MB: a Word document’s text and formatting may unpack to 3 MB at most/);
  });
});
