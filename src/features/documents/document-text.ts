// A file's text for Nolan's own viewer: a grant that allows viewing but not download shows the words in the page,
// never the file itself, so nothing is saved to the member's device.
import { pdfDocumentText } from '../protocol-import/pdf-document.ts';
import { wordDocumentText } from '../protocol-import/word-document.ts';
import type { DocumentFile } from './document.types.ts';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The file's paragraphs, or null where Nolan cannot read its kind of file (the member is told to ask for a copy). */
export async function documentParagraphs(file: Pick<DocumentFile, 'contentType' | 'content'>): Promise<string[] | null> {
  try {
    const read = file.contentType === 'application/pdf' ? await pdfDocumentText(file.content) : file.contentType === WORD ? await wordDocumentText(file.content) : null;
    if (!read) return null;
    return read.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  } catch {
    return null;
  }
}
