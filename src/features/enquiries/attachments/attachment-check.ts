// Checks a file attached to a member enquiry by what it contains. The name and the type the browser claims
// are both chosen by whoever sent the file, so neither is trusted: a photo renamed from an .exe is refused,
// and the content type kept with the file is the one read from its bytes.
import { Reader } from '@kenjiuno/msgreader/lib/Reader.js';
import { nameForContent } from '../../../web/file-names.ts';

/** The most an attachment may hold: 10 MB, enough for a scanned letter or a phone photo. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The longest a kept file name may be, in characters. */
export const MAX_FILE_NAME_LENGTH = 200;

export type AttachmentCheck =
  | { ok: true; fileName: string; contentType: string; size: number }
  | { ok: false; message: string };

const EXPECTED = 'a PDF, Office document or image';
const MACROS = 'which can run programs: save it without macros (.docx, .xlsx or .pptx) and attach that';

/** Types accepted as told by file-type's signature; the MIME type it reports is the one kept. */
const ACCEPTED = new Set([
  'pdf',
  'docx', 'xlsx', 'pptx',
  // OpenDocument: councils following the government's open standards for documents save in these.
  'odt', 'ods', 'odp',
  'png', 'apng', 'jpg', 'gif', 'webp', 'heic', 'tif',
]);

/** Office Open XML with macros: they can run code when opened, and the macro-free form loses nothing else. */
const MACRO_ENABLED = new Set(['docm', 'dotm', 'xlsm', 'xltm', 'pptm', 'potm', 'ppsm']);

const ARCHIVES = new Set(['zip', 'rar', '7z', 'gz', 'tar.gz', 'tar', 'bz2', 'xz', 'zst', 'lz', 'lz4', 'lzh', 'arj', 'ace', 'cab', 'cpio', 'Z']);
const PROGRAMS = new Set(['exe', 'elf', 'macho', 'class', 'jar', 'apk', 'crx', 'xpi', 'wasm', 'deb', 'rpm', 'dmg', 'lnk', 'swf']);

function describe(type: { ext: string; mime: string }): string {
  if (PROGRAMS.has(type.ext)) return 'an executable file';
  if (ARCHIVES.has(type.ext)) return `a compressed archive (.${type.ext})`;
  if (type.mime.startsWith('video/')) return 'a video';
  if (type.mime.startsWith('audio/')) return 'a sound recording';
  if (type.mime.startsWith('font/')) return 'a font';
  return `a .${type.ext} file`;
}

function isControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

// Bidirectional overrides let "photo\u202Egnp.exe" display as "photoexe.png", so in a name they go along with
// control characters, which have no business in a name shown on a page or written in a mail header. (In the
// text of a file they stay: Arabic, Urdu or Hebrew text needs them.)
function isUnwantedInName(codePoint: number): boolean {
  return isControl(codePoint) || codePoint === 0x200e || codePoint === 0x200f ||
    (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/** The name alone (browsers and mail programs may send the path), without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const chars = [...base.normalize('NFC')].filter((c) => !isUnwantedInName(c.codePointAt(0)!));
  const clean = chars.join('').trim();
  if (!clean) return 'attachment';
  if (chars.length <= MAX_FILE_NAME_LENGTH) return clean;
  // Shorten the stem, not the extension, so the file still opens with the right program once downloaded.
  const extension = /\.[^.\s]{1,10}$/.exec(clean)?.[0] ?? '';
  const stem = [...clean.slice(0, clean.length - extension.length)];
  return stem.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('').trim() + extension;
}

type CompoundKind = { contentType: string } | { refused: string };

// Word 97-2003, Excel 97-2003, PowerPoint 97-2003, Outlook messages and Windows installers (.msi) are all
// compound files, so the signature alone cannot tell a document from a program. The stream names inside can:
// each Office program keeps its content in a stream of a fixed name. Word and Excel keep macros in a storage
// of their own, refused as for .docm; PowerPoint 97-2003 keeps them inside its main stream, out of reach here.
function compoundKind(bytes: Uint8Array): CompoundKind {
  let streams: string[];
  let storages: string[];
  try {
    // A copy that is exactly the file: a Buffer's .buffer may be a shared pool holding other data too.
    const reader = new Reader(new Uint8Array(bytes).buffer);
    reader.parse();
    const root = reader.rootFolder();
    streams = root.fileNames();
    storages = root.subFolders().map((folder) => folder.name);
  } catch {
    return { refused: `a damaged compound file, not ${EXPECTED}` };
  }
  const has = (name: string) => streams.includes(name) || storages.includes(name);
  if (has('WordDocument')) {
    return has('Macros') ? { refused: `a Word document with macros, ${MACROS}` } : { contentType: 'application/msword' };
  }
  if (has('Workbook') || has('Book')) {
    return has('_VBA_PROJECT_CUR') ? { refused: `an Excel workbook with macros, ${MACROS}` } : { contentType: 'application/vnd.ms-excel' };
  }
  if (has('PowerPoint Document')) return { contentType: 'application/vnd.ms-powerpoint' };
  // An attached Outlook message carries attachments of its own that this check never sees.
  if (streams.some((name) => name.startsWith('__substg1.0_'))) {
    return { refused: 'an Outlook message, whose own attachments cannot be checked: save the files it holds and attach those' };
  }
  return { refused: `a compound file that is not a Word, Excel or PowerPoint document, so not ${EXPECTED}` };
}

// Text has no signature, and an HTML page, a script or a batch file is text too: what makes a text file
// harmless is the program it opens with, which is chosen by its name. So text is accepted only when named
// .txt or .csv, and only when it has no control characters, which text never needs and binary data always has.
// UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as such; anything else as
// Windows-1252, the encoding Excel still uses for "CSV (Comma delimited)". The charset goes in the content type
// so the file is shown correctly when it is opened again.
function textCharset(bytes: Uint8Array): string | undefined {
  const candidates: [string, Uint8Array][] =
    bytes[0] === 0xff && bytes[1] === 0xfe ? [['utf-16le', bytes.subarray(2)]]
    : bytes[0] === 0xfe && bytes[1] === 0xff ? [['utf-16be', bytes.subarray(2)]]
    : [['utf-8', bytes], ['windows-1252', bytes]];
  for (const [charset, body] of candidates) {
    let text: string;
    try {
      text = new TextDecoder(charset, { fatal: true }).decode(body);
    } catch {
      continue;
    }
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (isControl(code) && char !== '\t' && char !== '\n' && char !== '\r' && char !== '\f') return undefined;
    }
    return charset;
  }
  return undefined;
}

function plainText(bytes: Uint8Array, fileName: string, size: number): AttachmentCheck {
  const extension = /\.(txt|csv)$/i.exec(fileName)?.[1]?.toLowerCase();
  const charset = textCharset(bytes);
  if (!charset) return { ok: false, message: `${fileName} is of a type that could not be recognised, not ${EXPECTED}` };
  if (!extension) return { ok: false, message: `${fileName} is a text file: text is accepted only as .txt or .csv, otherwise it must be ${EXPECTED}` };
  const contentType = `${extension === 'csv' ? 'text/csv' : 'text/plain'}; charset=${charset}`;
  return { ok: true, fileName, contentType, size };
}

/**
 * Whether a file may be attached to an enquiry, told by its content; the message names the file. An accepted
 * file's name is given the extension of the type read from its bytes, whatever it was called.
 */
export async function checkAttachment(bytes: Uint8Array, name: string): Promise<AttachmentCheck> {
  const check = await checkContent(bytes, name);
  return check.ok ? { ...check, fileName: cleanFileName(nameForContent(check.fileName, check.contentType)) } : check;
}

async function checkContent(bytes: Uint8Array, name: string): Promise<AttachmentCheck> {
  const fileName = cleanFileName(name);
  const size = bytes.byteLength;
  if (size === 0) return { ok: false, message: `${fileName} is empty` };
  if (size > MAX_ATTACHMENT_BYTES) {
    return { ok: false, message: `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB: each file must be ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB or smaller` };
  }
  // A UTF-16 byte-order mark (FF FE) looks like the start of an MP3 frame to file-type, so text saved as
  // "Unicode" by Notepad is recognised first, by decoding cleanly.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 && textCharset(bytes)) return plainText(bytes, fileName, size);
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  if (!type) return plainText(bytes, fileName, size);
  if (ACCEPTED.has(type.ext)) return { ok: true, fileName, contentType: type.mime, size };
  if (MACRO_ENABLED.has(type.ext)) {
    return { ok: false, message: `${fileName} is an Office document with macros (.${type.ext}), ${MACROS}` };
  }
  if (type.ext === 'cfb') {
    const kind = compoundKind(bytes);
    if ('contentType' in kind) return { ok: true, fileName, contentType: kind.contentType, size };
    return { ok: false, message: `${fileName} is ${kind.refused}` };
  }
  if (type.mime.startsWith('image/')) {
    return { ok: false, message: `${fileName} is an image in a format that is not accepted (.${type.ext}): save it as JPEG or PNG and attach that` };
  }
  return { ok: false, message: `${fileName} is ${describe(type)}, not ${EXPECTED}` };
}
