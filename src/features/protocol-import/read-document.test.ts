// Reading uploaded protocol documents: plain text, Word and PDF, each told by its content.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { documentKind, importProtocolDocument, UnreadableDocumentError } from './read-document.ts';
import { pdfDocument, pdfLinesOf, wordDocument } from './test-documents.ts';
import { wordHtmlToText } from './word-document.ts';

describe('importProtocolDocument', () => {
  it('reads a Word document with typed numbers, sub-items and a version table', async () => {
    const docx = wordDocument([
      'Anytown Parish Council Protocol',
      { table: [['Version', 'Date of Adoption', 'Minute Reference', 'Review Date'], ['2024', '19.3.2024', '24/7', 'March 2025']] },
      '1. Introduction',
      '1.1 Councillors must be courteous & fair.',
      '1.2 The Clerk should be impartial:',
      '(a) at meetings;',
      '(b) in writing.',
    ]);
    const parsed = await importProtocolDocument(docx, 'protocol.docx');
    assert.deepEqual(parsed.clauses.map((c) => c.id), ['1', '1.1', '1.2', '1.2(a)', '1.2(b)']);
    assert.equal(parsed.clauses[1]!.text, 'Councillors must be courteous & fair.');
    assert.equal(parsed.clauses[2]!.text, 'The Clerk should be impartial:\n(a) at meetings;\n(b) in writing.');
    assert.deepEqual(parsed.versions, [{ version: '2024', adoptedOn: '2024-03-19', minute: '24/7', reviewDue: '2025-03', reviewer: null }]);
    assert.deepEqual(parsed.warnings, []);
  });

  it('rebuilds Word\'s automatic paragraph numbers, counting on across a heading, and says so', async () => {
    const docx = wordDocument([
      { numbered: 'Councillors must be courteous.', level: 0 },
      { numbered: 'This applies in meetings too.', level: 1 },
      'Meetings',
      { numbered: 'The Clerk should be impartial.', level: 0 },
    ]);
    const parsed = await importProtocolDocument(docx, 'numbered.docx');
    assert.deepEqual(parsed.clauses.map((c) => [c.id, c.heading ?? null]), [['1', null], ['1.1', null], ['2', 'Meetings']]);
    assert.match(parsed.warnings[0]!, /numbers its paragraphs automatically/);
  });

  it('reads the text layer of a PDF: wrapped lines, paragraph gaps and a table', async () => {
    const pdf = pdfDocument([
      { text: 'Anytown Parish Council Protocol' },
      { cells: ['Version', 'Date of Adoption', 'Minute'], drop: 28 },
      { cells: ['v1', '3.5.2022', '22/14'] },
      { text: '1. Councillors must treat the Clerk (and each other) with courtesy on all', drop: 28 },
      { text: 'Council business.' },
      { text: '2. The Clerk will reply within ten working days:', drop: 28 },
      { text: '(a) in writing; or' },
      { text: '(b) at the next meeting.' },
    ]);
    const parsed = await importProtocolDocument(pdf, 'protocol.pdf');
    assert.deepEqual(parsed.clauses.map((c) => c.id), ['1', '2', '2(a)', '2(b)']);
    assert.equal(parsed.clauses[0]!.text, 'Councillors must treat the Clerk (and each other) with courtesy on all Council business.');
    assert.equal(parsed.clauses[3]!.parent, '2');
    assert.deepEqual(parsed.versions, [{ version: 'v1', adoptedOn: '2022-05-03', minute: '22/14', reviewDue: null, reviewer: null }]);
    assert.deepEqual(parsed.warnings, []);
  });

  it('leaves out a PDF\'s running headers and page numbers, and joins a sentence broken by a page', async () => {
    const duties = ['arrive on time', 'declare any interest', 'speak through the chair', 'respect the Clerk', 'read the papers first', 'keep confidences'];
    const clauses = Array.from({ length: 60 }, (_, i) => `${i + 1}. At meetings of committee ${i + 1}, councillors must ${duties[i % 6]} and ${duties[(i + 1) % 6]}.`);
    const lines = clauses.flatMap((text, i) => pdfLinesOf(text, 50).map((line, j) => ({ ...line, drop: i > 0 && j === 0 ? 28 : 14 })));
    const parsed = await importProtocolDocument(pdfDocument(lines, 'Anytown Council Constitution, Part 5'), 'constitution.pdf');
    assert.deepEqual(parsed.clauses.map((c) => c.id), Array.from({ length: 60 }, (_, i) => String(i + 1)));
    assert.deepEqual(parsed.clauses.map((c) => c.text), clauses.map((c) => c.replace(/^\d+\. /, '')));
    assert.deepEqual(parsed.warnings, []);
  });

  it('reads plain text in UTF-8 with a byte-order mark, or in Windows-1252 with a warning', async () => {
    const utf8 = await importProtocolDocument(strToU8('\ufeff1. Members must be courteous.\n2. Officers must be impartial.\n'), 'protocol.txt');
    assert.deepEqual(utf8.clauses.map((c) => c.id), ['1', '2']);
    const windows = await importProtocolDocument(new Uint8Array([...strToU8('1. The Council'), 0x92, ...strToU8('s rule must apply.')]), 'old.txt');
    assert.equal(windows.clauses[0]!.text, 'The Council’s rule must apply.');
    assert.match(windows.warnings[0]!, /Windows-1252/);
  });
});

describe('documentKind', () => {
  it('goes by the content, not the file name', () => {
    assert.equal(documentKind(pdfDocument([{ text: 'x' }]), 'misnamed.txt'), 'pdf');
    assert.equal(documentKind(wordDocument(['x']), 'misnamed.pdf'), 'docx');
    assert.equal(documentKind(strToU8('1. Text.'), 'protocol.docx'), 'text');
  });

  it('refuses other ZIP files, old Word documents and RTF with a plain reason', () => {
    assert.throws(() => documentKind(zipSync({ 'notes.txt': strToU8('x') }), 'notes.zip'), UnreadableDocumentError);
    assert.throws(() => documentKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc'), /save it as \.docx/);
    assert.throws(() => documentKind(strToU8('{\\rtf1\\ansi text}'), 'protocol.rtf'), /Rich Text/);
  });

  it('reports a damaged Word document as unreadable', async () => {
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document><unclosed') });
    await assert.rejects(importProtocolDocument(broken, 'broken.docx'), UnreadableDocumentError);
  });
});

describe('wordHtmlToText', () => {
  it('writes footnotes with their superscript numbers, and line breaks and entities as text', () => {
    const html =
      '<h1>Roles</h1><p>1. The officers<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> will advise &amp; assist<br />at meetings.</p>' +
      '<ol><li id="footnote-1"><p> The Clerk and the RFO. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    assert.equal(wordHtmlToText(html), 'Roles\n\n1. The officers¹ will advise & assist\nat meetings.\n\n¹ The Clerk and the RFO.\n');
  });
});
