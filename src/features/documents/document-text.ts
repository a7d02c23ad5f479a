// A file's text for Nolan's own viewer: a grant that allows viewing but not download shows the words in the page,
// never the file itself, so nothing is saved to the member's device. The text is read once, when the file is
// uploaded, apart from the server and within limits (protocol-import/text-extraction.ts); a reader's request only
// ever reads the stored words.
import { readDocumentText, type ReadableKind, type ReadingLane } from '../protocol-import/text-extraction.ts';
import { DocumentLimitError, UnreadableDocumentError } from '../protocol-import/text-limits.ts';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function readableKind(contentType: string): ReadableKind | null {
  return contentType === 'application/pdf' ? 'pdf' : contentType === WORD ? 'docx' : null;
}

/** Paragraphs one to a block, whitespace within each made single spaces: how the text is stored. */
function paragraphText(text: string): string {
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/**
 * The text to store with a file: null where Nolan cannot read its kind of file, or the file is damaged (the
 * member is told to ask for a copy). A file past the reading limits throws DocumentLimitError, to be refused.
 */
export async function fileText(file: { fileName: string; contentType: string; content: Uint8Array }, lane: ReadingLane = 'upload'): Promise<string | null> {
  const kind = readableKind(file.contentType);
  if (!kind) return null;
  try {
    return paragraphText((await readDocumentText(file.content, kind, file.fileName, lane)).text);
  } catch (error) {
    if (error instanceof DocumentLimitError || !(error instanceof UnreadableDocumentError)) throw error;
    return null;
  }
}

/** The stored text as the viewer's paragraphs, or null where there is none. */
export function storedParagraphs(text: string | null): string[] | null {
  return text === null ? null : text.split('\n\n').filter(Boolean);
}
