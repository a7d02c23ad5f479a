// A plain text document's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16, or else
// Windows-1252 as older exports are.

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

export function plainText(bytes: Uint8Array): { text: string; warnings: string[] } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), warnings: ['the text file is not UTF-8: it was read as Windows-1252, so check any accented letters and symbols'] };
  }
}
