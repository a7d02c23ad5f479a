// Text put into a page, escaped so that the page stays plain ASCII.
//
// V8 keeps a string whose every character is below U+0100 at one byte a character; a single curly apostrophe
// (U+2019, common in council data: "Children’s Services", "St Mark’s") makes the whole rendered page two bytes a
// character, so every concatenation copies twice the bytes, and any character outside ASCII means a conversion
// when the page is written out as UTF-8. Characters outside ASCII are written as numeric character references
// instead: browsers show exactly the same text, and the page goes out byte for byte as it was built.

import { isStringOneByteRepresentation } from 'node:v8';

const utf8 = new TextEncoder();

const NEEDS_ESCAPING = /[&"'<>\\\u0080-\uffff]/;
const ESCAPED = /[&"'<>\\]|[\ud800-\udbff][\udc00-\udfff]|[\u0080-\uffff]/g;
const NOT_ASCII = /[\ud800-\udbff][\udc00-\udfff]|[\u0080-\uffff]/g;
const HAS_NON_ASCII = /[\u0080-\uffff]/;

// The same entities Nunjucks' autoescaping writes, so that markup written in code matches the macros' output.
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };

const reference = (character: string): string => ENTITIES[character] ?? `&#${character.codePointAt(0)};`;

/**
 * The same ASCII text, stored a byte a character. replace() keeps its subject's width: text that held a curly
 * apostrophe comes back two bytes a character though every character is now ASCII, and one such string in a page
 * makes the whole page two bytes a character when it is joined up to be written.
 */
const asOneByte = (ascii: string): string => (isStringOneByteRepresentation(ascii) ? ascii : Buffer.from(ascii, 'latin1').toString('latin1'));

/** Escapes text for HTML as Nunjucks does, and writes any character outside ASCII as a character reference. */
export function escapeHtml(text: string): string {
  // Most values need no escaping: testing first is cheaper than a replace that finds nothing.
  return NEEDS_ESCAPING.test(text) ? asOneByte(text.replace(ESCAPED, reference)) : text;
}

/** Markup that is already safe, with any character outside ASCII written as a character reference. */
export function narrowMarkup(html: string): string {
  return HAS_NON_ASCII.test(html) ? asOneByte(html.replace(NOT_ASCII, reference)) : html;
}

/**
 * A page's bytes. An ASCII page (every page, as above) is written into its buffer in one pass, and its length is
 * then known without a count: sent as a string, the page was measured as UTF-8 for its Content-Length and encoded
 * as UTF-8 again when written, a fifth of a list page's cost. The encoder stops at the first character outside
 * ASCII (one that needs more than a byte), and such a page goes out as UTF-8 in the ordinary way.
 */
export function pageBytes(html: string): Buffer {
  const bytes = Buffer.allocUnsafe(html.length);
  const { read, written } = utf8.encodeInto(html, bytes);
  return read === html.length && written === html.length ? bytes : Buffer.from(html, 'utf8');
}
