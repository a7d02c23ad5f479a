// The five seed protocols (read from ../shared/seeds at run time), written out as a Word document and
// as a multi-page PDF, read back to the same clauses, text and version table as their plain text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { requireShared } from '../../../test/support/shared.ts';
import { parseProtocol, type ParsedProtocol } from '../../protocol/importer.ts';
import { importProtocolDocument } from './read-document.ts';
import { pdfDocument, pdfLinesOf, wordDocument, wordParagraphsOf } from './test-documents.ts';

const WORD_WARNING = /numbers its paragraphs automatically/;

function assertSameProtocol(actual: ParsedProtocol, expected: ParsedProtocol): void {
  assert.deepEqual(actual.clauses.map((c) => c.id), expected.clauses.map((c) => c.id));
  for (const [i, clause] of actual.clauses.entries()) assert.deepEqual(clause, expected.clauses[i], `clause ${clause.id}`);
  assert.deepEqual(actual.versions, expected.versions);
  assert.deepEqual(actual.warnings.filter((w) => !WORD_WARNING.test(w)), expected.warnings);
}

describe('importProtocolDocument: the seed protocols as Word and PDF documents', () => {
  it('reads each one as it reads its text', async (t) => {
    const shared = requireShared(t);
    if (!shared) return;
    const seeds = path.join(shared, 'seeds');
    for (const name of fs.readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(seeds, name), 'utf8');
      const expected = parseProtocol(text);
      await t.test(`${name} as .docx`, async () => assertSameProtocol(await importProtocolDocument(wordDocument(wordParagraphsOf(text)), 'protocol.docx'), expected));
      await t.test(`${name} as a PDF wrapped at 90 characters`, async () => assertSameProtocol(await importProtocolDocument(pdfDocument(pdfLinesOf(text, 90)), 'protocol.pdf'), expected));
    }
  });
});
