// Documents built to exhaust whoever opens them, made in the tests and never kept: a Word document whose text
// part unpacks to hundreds of megabytes, and a PDF whose page content inflates as far. Each is deflated a
// megabyte at a time, so building one costs the tests a megabyte of memory, not hundreds.
import { crc32, deflateRawSync, deflateSync, constants } from 'node:zlib';

const MB = 1024 * 1024;

/** `megabytes` of `unit` repeated, deflated (raw, or with zlib's header for a PDF); with the CRC-32 of the whole. */
function deflatedRepeat(unit: string, megabytes: number, wrapper: 'raw' | 'zlib'): { data: Buffer; crc: number; size: number } {
  const chunk = Buffer.from(unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB), 'latin1');
  // Each chunk is its own run of deflate blocks ended by a sync flush, so the runs join into one stream.
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  let crc = 0;
  // Adler-32 of the chunk once, then of the chunks joined: a = a1 + a2 - 1, b = b1 + b2 + length × (a1 - 1).
  let chunkA = 1;
  let chunkB = 0;
  for (const byte of chunk) {
    chunkA = (chunkA + byte) % 65521;
    chunkB = (chunkB + chunkA) % 65521;
  }
  let adlerA = 1;
  let adlerB = 0;
  for (let i = 0; i < megabytes; i++) {
    parts.push(block);
    crc = crc32(chunk, crc);
    adlerB = (adlerB + chunkB + (chunk.length % 65521) * (adlerA - 1 + 65521)) % 65521;
    adlerA = (adlerA + chunkA - 1) % 65521;
  }
  parts.push(deflateRawSync(Buffer.alloc(0)));
  if (wrapper === 'raw') return { data: Buffer.concat(parts), crc, size: megabytes * MB };
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((adlerB << 16) | adlerA) >>> 0);
  // zlib's two-byte header for deflate at the best compression, taken from a real stream.
  return { data: Buffer.concat([deflateSync(Buffer.alloc(0), { level: 9 }).subarray(0, 2), ...parts, adler]), crc, size: megabytes * MB };
}

type ZipEntry = { name: string; data: Buffer; crc: number; size: number; method: 0 | 8; declaredSize?: number };

/** A ZIP file written by hand, so a part can declare whatever size the test wants. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.size;
    const header = (signature: number, length: number) => {
      const b = Buffer.alloc(length);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
}

function stored(name: string, text: string): ZipEntry {
  const data = Buffer.from(text);
  return { name, data, crc: crc32(data), size: data.length, method: 0 };
}

/**
 * A .docx whose word/document.xml unpacks to `megabytes` MB of paragraphs. With `lying`, its ZIP directory
 * declares the part a few kilobytes, so only inflating it shows what it holds. With `mainPart`, the text part
 * has another name, which the package's relationships point to; with `extraPart`, the text part is small and
 * the unpacking part is another, of that name.
 */
export function wordBomb(megabytes = 300, options: { lying?: boolean; mainPart?: string; extraPart?: string } = {}): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const main = options.mainPart ?? 'word/document.xml';
  const body = deflatedRepeat('<w:p><w:r><w:t>Bomb</w:t></w:r></w:p>', megabytes, 'raw');
  // A document.xml that opens properly: the repeated paragraphs sit inside its body element.
  return zip([
    stored('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    stored('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`),
    ...(options.extraPart ? [stored(main, `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Minutes</w:t></w:r></w:p></w:body></w:document>`)] : []),
    { name: options.extraPart ?? main, data: body.data, crc: body.crc, size: body.size, method: 8, ...(options.lying ? { declaredSize: 4096 } : {}) },
    stored('word/end.xml', `<w:document xmlns:w="${W}"/>`),
  ]);
}

/**
 * A one-page PDF whose content stream inflates to `megabytes` MB of text-showing operators. With `twice`, the
 * deflated stream is deflated again (two FlateDecode filters), so inflating it once shows nothing amiss; with
 * `hex`, it is spelt in hexadecimal first (/ASCIIHexDecode /FlateDecode); with `lzw`, its filter is named
 * LZWDecode (the data is not LZW: the name alone must be refused).
 */
export function pdfBomb(megabytes = 300, options: { twice?: boolean; hex?: boolean; lzw?: boolean } = {}): Uint8Array {
  const inner = deflatedRepeat('BT /F1 12 Tf 72 720 Td (Bomb) Tj ET\n', megabytes, 'zlib');
  const content = options.twice ? { data: deflateSync(inner.data, { level: 9 }) } : options.hex ? { data: Buffer.from(`${inner.data.toString('hex')}>`, 'latin1') } : inner;
  const filter = options.twice ? '[/FlateDecode /FlateDecode]' : options.hex ? '[/ASCIIHexDecode /FlateDecode]' : options.lzw ? '/LZWDecode' : '/FlateDecode';
  const head = '%PDF-1.4\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from(head, 'latin1')];
  const offsets: number[] = [];
  let length = head.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const piece = body === null
      ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${content.data.length} /Filter ${filter} >>\nstream\n`, 'latin1'), content.data, Buffer.from('\nendstream\nendobj\n', 'latin1')])
      : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(piece);
    length += piece.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
