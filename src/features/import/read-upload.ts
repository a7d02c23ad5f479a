// An uploaded file's bytes as text, and whether it is CSV or XML: decided by what is in it, not by its name.
import type { ImportProblem } from './import.records.ts';

export type UploadText = { ok: true; text: string; syntax: 'csv' | 'xml' } | { ok: false; problem: ImportProblem };

function fileProblem(message: string): UploadText {
  return { ok: false, problem: { where: 'file', field: 'file', message } };
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** UTF-8 first; a file that is not UTF-8 is most likely Excel's "CSV" on Windows, which is Windows-1252. */
function decode(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readUpload(bytes: Uint8Array): UploadText {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fileProblem('this is a spreadsheet workbook (or another zipped file), not CSV or XML; in Excel, use Save As “CSV UTF-8”');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return fileProblem('this is a PDF, not CSV or XML');
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.includes(0)) return fileProblem('this is not a text file; expected CSV or XML');
  const text = decode(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') return fileProblem('the file is empty');
  return { ok: true, text, syntax: text.trimStart().startsWith('<') ? 'xml' : 'csv' };
}
