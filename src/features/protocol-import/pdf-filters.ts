// The PDF filters that only re-spell bytes (ISO 32000-1, 7.4.2 to 7.4.5): decoded here so that what they wrap can
// be measured. Their output is never larger than their input, or, for run-length, is counted without being made.

function isWhite(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

/** ASCIIHexDecode: two hex digits a byte, white space ignored, ">" ends it, an odd last digit is followed by 0. */
export function decodeAsciiHex(data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(Math.ceil(data.byteLength / 2));
  let length = 0;
  let high = -1;
  for (const byte of data) {
    if (byte === 0x3e) break;
    if (isWhite(byte)) continue;
    const digit = parseInt(String.fromCharCode(byte), 16);
    if (Number.isNaN(digit)) break;
    if (high < 0) high = digit;
    else {
      out[length++] = (high << 4) | digit;
      high = -1;
    }
  }
  if (high >= 0) out[length++] = high << 4;
  return out.subarray(0, length);
}

/** ASCII85Decode: five characters from "!" to "u" make four bytes, "z" four zeros, "~>" ends it. */
export function decodeAscii85(data: Uint8Array): Uint8Array {
  // "z" is one character for four bytes: the only way the output outgrows the input, four times at most.
  const out = Buffer.alloc(data.byteLength * 4);
  let length = 0;
  const group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    for (let i = 0; i < count - 1; i++) out[length++] = (value >>> (24 - 8 * i)) & 0xff;
    group.length = 0;
  };
  for (const byte of data) {
    if (byte === 0x7e) break;
    if (isWhite(byte)) continue;
    if (byte === 0x7a && group.length === 0) {
      length += 4;
      continue;
    }
    if (byte < 0x21 || byte > 0x75) break;
    group.push(byte - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return out.subarray(0, length);
}

/** RunLengthDecode's output length, read from its length bytes without making the output. */
export function runLengthDecodedLength(data: Uint8Array): number {
  let length = 0;
  for (let i = 0; i < data.byteLength;) {
    const byte = data[i]!;
    if (byte === 128) break;
    if (byte < 128) {
      length += byte + 1;
      i += byte + 2;
    } else {
      length += 257 - byte;
      i += 2;
    }
  }
  return length;
}
