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

/** What a field asks of its text besides having no control character. Messages are GOV.UK error messages. */
export type TextRules = {
  /** The field must be filled in: this message when it is missing or, trimmed, blank. */
  required?: string;
  /** The message when the field is not sent at all, for a field that is not otherwise required. */
  missing?: string;
  /** The longest it may be, in characters, after trimming. */
  max?: number;
  /** The message past max: "Subject must be 200 characters or fewer" unless told. */
  tooLong?: string;
  /** Leading and trailing spaces taken off: always for a required field, otherwise only when asked. */
  trim?: boolean;
  /** An input rather than a textarea: a line break cannot be typed into one, so it is refused. */
  singleLine?: boolean;
};

/**
 * A text field: a string with no control characters, whose messages name the field by its label ("Subject").
 * Control characters are looked for before trimming, so a vertical tab or form feed at either end is refused
 * rather than trimmed away.
 */
export function text(label: string, rules: TextRules = {}): z.ZodString {
  let schema = z.string(rules.required ?? rules.missing ? { error: rules.required ?? rules.missing } : undefined).refine((value) => !hasControlCharacter(value), { message: `${label} must not contain control characters` });
  if (rules.trim || rules.required !== undefined) schema = schema.trim();
  if (rules.singleLine) schema = schema.refine((value) => !/[\r\n]/.test(value), { message: `${label} must be on one line` });
  if (rules.required !== undefined) schema = schema.min(1, rules.required);
  if (rules.max !== undefined) schema = schema.max(rules.max, rules.tooLong ?? `${label} must be ${rules.max.toLocaleString('en-GB')} characters or fewer`);
  return schema;
}

/** An optional text field, trimmed: left blank (or not sent) it is null. */
export function optionalText(label: string, rules: Omit<TextRules, 'required' | 'missing' | 'trim'> = {}) {
  return text(label, { ...rules, trim: true })
    .optional()
    .transform((value) => value || null);
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
