// Attachments checked by content: each case is a small file made here, with the name a sender might give it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { burn } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';
import { checkAttachment, cleanFileName, MAX_ATTACHMENT_BYTES, MAX_FILE_NAME_LENGTH } from './attachment-check.ts';
import { wordDocument } from '../../protocol-import/test-documents.ts';

const pdf = strToU8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
// The eight-byte PNG signature and the start of an IHDR chunk: file-type reads no further.
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
// A DOS header: "MZ" is how every Windows program starts.
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array<number>(48).fill(0)]);

/** A compound file (the container of Word 97-2003 and friends) holding empty streams and storages of these names. */
function compoundFile(streams: string[], storages: string[] = []): Uint8Array {
  const children = [...streams, ...storages].map((_, i) => i + 1);
  return burn([
    { name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children },
    ...streams.map((name) => ({ name, type: TypeEnum.DOCUMENT, length: 8, binaryProvider: () => new Uint8Array(8) })),
    ...storages.map((name) => ({ name, type: TypeEnum.DIRECTORY, length: 0, children: [] })),
  ]);
}

describe('checkAttachment', () => {
  /** What it is, its bytes, the name it is sent with, the type read, and the name kept where that differs. */
  const accepted: [string, Uint8Array, string, string, string?][] = [
    ['a PDF', pdf, 'letter.pdf', 'application/pdf'],
    ['a PNG', png, 'pothole.png', 'image/png'],
    ['a JPEG named without an extension', jpeg, 'IMG_0042', 'image/jpeg', 'IMG_0042.jpg'],
    ['a JPEG named .jpeg', jpeg, 'IMG_0043.JPEG', 'image/jpeg'],
    ['a Word document', wordDocument(['Dear Councillor,', 'The bins were not collected.']), 'complaint.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a Word 97-2003 document', compoundFile(['WordDocument', '1Table']), 'minutes.doc', 'application/msword'],
    ['an Excel 97-2003 workbook', compoundFile(['Workbook']), 'costs.xls', 'application/vnd.ms-excel'],
    ['a PowerPoint 97-2003 presentation', compoundFile(['PowerPoint Document', 'Current User']), 'plans.ppt', 'application/vnd.ms-powerpoint'],
    ['a UTF-8 text file', strToU8('Street lights out on Mill Lane – since Tuesday.\r\n'), 'note.txt', 'text/plain; charset=utf-8'],
    ['a Windows-1252 CSV as Excel saves it', new Uint8Array([...strToU8('Item,Cost\r\nRepair,'), 0xa3, ...strToU8('120\r\n')]), 'costs.csv', 'text/csv; charset=windows-1252'],
    ['Arabic text with its direction marks', strToU8('\u200Fشارع المدرسة\n'), 'street.txt', 'text/plain; charset=utf-8'],
    ['a UTF-16 text file as Notepad saves it', new Uint8Array([0xff, 0xfe, 0x48, 0, 0x69, 0, 0x0d, 0, 0x0a, 0]), 'hi.TXT', 'text/plain; charset=utf-16le'],
  ];
  for (const [what, bytes, name, contentType, kept] of accepted) {
    it(`accepts ${what} as ${contentType}`, async () => {
      assert.deepEqual(await checkAttachment(bytes, name), { ok: true, fileName: kept ?? name, contentType, size: bytes.byteLength });
    });
  }

  it('keeps the type read from the content, and names the file after it, whatever the name says', async () => {
    const result = await checkAttachment(png, 'scan.pdf');
    assert.deepEqual(result, { ok: true, fileName: 'scan.png', contentType: 'image/png', size: png.byteLength });
  });

  it('keeps a PDF that is also a web page as a PDF, named .pdf, not as the .html it was sent as', async () => {
    const polyglot = new Uint8Array([...pdf, ...strToU8('<html><body><script>alert(document.cookie)</script></body></html>\n')]);
    assert.deepEqual(await checkAttachment(polyglot, 'report.html'), { ok: true, fileName: 'report.pdf', contentType: 'application/pdf', size: polyglot.byteLength });
    assert.deepEqual(await checkAttachment(polyglot, 'Minutes 3.5'), { ok: true, fileName: 'Minutes 3.5.pdf', contentType: 'application/pdf', size: polyglot.byteLength });
  });

  it('refuses a web page with a PDF after it: what opens it first sees a page', async () => {
    const polyglot = new Uint8Array([...strToU8('<html><body><script>alert(document.cookie)</script></body></html>\n'), ...pdf]);
    const result = await checkAttachment(polyglot, 'report.html');
    assert.equal(result.ok, false);
  });

  const refused: [string, Uint8Array, string, string][] = [
    ['a program named as a photo', exe, 'resident-photo.png', 'resident-photo.png is an executable file, not a PDF, Office document or image'],
    ['an empty file', new Uint8Array(0), 'letter.pdf', 'letter.pdf is empty'],
    ['a ZIP that is not an Office document', zipSync({ 'a.txt': strToU8('hello') }), 'photos.zip', 'photos.zip is a compressed archive (.zip), not a PDF, Office document or image'],
    ['a Windows installer', compoundFile(['\u0005SummaryInformation', '\u4840\u3f3f']), 'update.doc', 'update.doc is a compound file that is not a Word, Excel or PowerPoint document, so not a PDF, Office document or image'],
    ['a Word 97-2003 document with macros', compoundFile(['WordDocument'], ['Macros']), 'form.doc', 'form.doc is a Word document with macros, which can run programs: save it without macros (.docx, .xlsx or .pptx) and attach that'],
    ['an attached Outlook message', compoundFile(['__substg1.0_0037001F', '__properties_version1.0']), 'fwd.msg', 'fwd.msg is an Outlook message, whose own attachments cannot be checked: save the files it holds and attach those'],
    ['an image in a format not accepted', strToU8('BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00'), 'map.bmp', 'map.bmp is an image in a format that is not accepted (.bmp): save it as JPEG or PNG and attach that'],
    ['a web page', strToU8('<!doctype html><script>alert(1)</script>'), 'invoice.html', 'invoice.html is a text file: text is accepted only as .txt or .csv, otherwise it must be a PDF, Office document or image'],
    ['binary data with no signature named as text', new Uint8Array([0x01, 0x02, 0x00, 0x41, 0x42]), 'data.txt', 'data.txt is of a type that could not be recognised, not a PDF, Office document or image'],
  ];
  for (const [what, bytes, name, message] of refused) {
    it(`refuses ${what}`, async () => {
      assert.deepEqual(await checkAttachment(bytes, name), { ok: false, message });
    });
  }

  it('refuses a macro-enabled Word document by its content type', async () => {
    const docx = wordDocument(['Enable content to see this form']);
    const parts = unzipSync(docx);
    const types = new TextDecoder().decode(parts['[Content_Types].xml']);
    parts['[Content_Types].xml'] = strToU8(types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
    const result = await checkAttachment(zipSync(parts), 'form.docx');
    assert.equal(result.ok, false);
    assert.match((result as { message: string }).message, /^form\.docx is an Office document with macros \(\.docm\)/);
  });

  it('reads a compound file that sits inside a larger buffer, as an uploaded Buffer may', async () => {
    const doc = compoundFile(['WordDocument']);
    const spreadsheet = compoundFile(['Workbook']);
    const shared = Buffer.concat([spreadsheet, doc]).subarray(spreadsheet.byteLength);
    assert.deepEqual(await checkAttachment(shared, 'minutes.doc'), { ok: true, fileName: 'minutes.doc', contentType: 'application/msword', size: doc.byteLength });
  });

  it('refuses a file over 10 MB, naming its size', async () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    assert.deepEqual(await checkAttachment(big, 'survey.pdf'), { ok: false, message: 'survey.pdf is 10.0 MB: each file must be 10 MB or smaller' });
    assert.equal((await checkAttachment(big.subarray(0, MAX_ATTACHMENT_BYTES), 'survey.pdf')).ok, true);
  });

  it('names the file by its cleaned name', async () => {
    assert.deepEqual(await checkAttachment(exe, 'C:\\Users\\cllr\\Desktop\\photo\u202Egnp.exe'), { ok: false, message: 'photognp.exe is an executable file, not a PDF, Office document or image' });
  });
});

describe('cleanFileName', () => {
  it('keeps only the name, without the path a browser or mail program sent', () => {
    assert.equal(cleanFileName('C:\\fakepath\\letter.pdf'), 'letter.pdf');
    assert.equal(cleanFileName('/home/cllr/letter.pdf'), 'letter.pdf');
  });

  it('drops control characters and the overrides that reverse how a name reads', () => {
    assert.equal(cleanFileName('bad\r\nname\u0000.pdf'), 'badname.pdf');
    assert.equal(cleanFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const cleaned = cleanFileName(`${'é'.repeat(300)}.docx`);
    assert.equal([...cleaned].length, MAX_FILE_NAME_LENGTH);
    assert.ok(cleaned.endsWith('é.docx'));
  });

  it('gives a name to a file that has none', () => {
    assert.equal(cleanFileName(''), 'attachment');
    assert.equal(cleanFileName('C:\\folder\\'), 'attachment');
  });
});
