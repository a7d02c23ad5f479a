// Text people send: never a control character. NUL cannot be stored in PostgreSQL's text at all, and the other
// C0 controls (tab, line feed and carriage return apart), DEL, lone surrogates and the non-characters U+FFFE and
// U+FFFF are never typed by a person: they arrive only from a broken client or a probe. One rule for every input:
// the Zod schemas use `text()`, and the guard (text-guard.ts) applies it to whatever a route reads unparsed.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** "subject" → "Subject", "query.q" → "Q", "ward_name" → "Ward name": the field as a person reads it. */
export function fieldLabel(field: string): string {
  const last = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').trim().toLowerCase() || 'the text';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function controlCharacterMessage(field: string): string {
  return `${fieldLabel(field)} must not contain control characters`;
}

/** A text field: a string with no control characters; the message names the field by its label ("Subject"). */
export function text(label: string) {
  return z.string().refine((value) => !hasControlCharacter(value), { message: `${label} must not contain control characters` });
}

/** The first string in a value (an object, array or string, as a body or query is) with a control character,
 * keys included, by its path; undefined when there is none. */
export function findControlCharacter(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return hasControlCharacter(value) ? path.join('.') : undefined;
  if (typeof value !== 'object' || value === null || depth > 20 || Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (hasControlCharacter(key)) return [...path, 'field name'].join('.');
    const found = findControlCharacter(inner, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
