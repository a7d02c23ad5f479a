// Request bodies built from a route's declared body schema (its zod schema, read as JSON Schema): one plausible
// body that passes the schema, and fast-check arbitraries that mix well-shaped values with wild ones — control
// characters and NUL, huge strings, deep nesting, wrong types and prototype-pollution keys.
import fc from 'fast-check';
import { z } from 'zod';
import type { RouteEntry } from '../../src/app.ts';

export type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; items?: JsonSchema; minimum?: number; exclusiveMinimum?: number; maximum?: number; minLength?: number; maxLength?: number; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; default?: unknown };

export function bodySchemaOf(route: RouteEntry): JsonSchema | undefined {
  const body = (route.schema() as { body?: unknown } | undefined)?.body;
  if (!body) return undefined;
  return z.toJSONSchema(body as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type[0] : s.type) ?? (s.anyOf ?? s.oneOf)?.[0]?.type;

/** The plainest value the schema accepts: required properties only, the first choice of each list. */
export function validSample(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative) return validSample(alternative[0]!);
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, validSample(schema.properties?.[key] ?? {})]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}

/** Text as an attacker would send it: control characters, NUL, right-to-left marks, markup, huge runs. */
export const wildText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', '\u0001', '\u0008', '\u001f', '\u007f', '\u0085', '\r\n'), fc.string({ maxLength: 8 })).map(([a, control, b]) => a + control + b) },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0007\u001b[31m', '\u202e\ufeff', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '\ud800', '1e309', '2026-02-30', '9'.repeat(400)),
  fc.integer({ min: 1, max: 4 }).map((n) => 'x'.repeat(n * 60_000)),
);

const POLLUTION = ['__proto__', 'constructor', 'prototype'];

/** Any JSON at all, some of it deep and some of it aimed at prototypes. */
export const wildJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 100, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
  fc.constantFrom(...POLLUTION).map((key) => JSON.parse(`{"${key}":{"isAdmin":true,"roles":["admin"]}}`) as unknown),
  fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1.5, Number.MAX_VALUE, true, null, [], {}, ''),
  wildText,
);

function shaped(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const wrong = depth > 2 ? fc.constant(null) : wildJson;
  if (schema.enum) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: wrong });
  switch (typeOf(schema)) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const record = fc.record(Object.fromEntries(properties.map(([key, s]) => [key, shaped(s, depth + 1)])), { requiredKeys: (schema.required ?? []).filter((k) => schema.properties?.[k]) });
      const extra = fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTION), fc.string({ maxLength: 8 })), wildJson, { maxKeys: 3 });
      return fc.oneof({ weight: 4, arbitrary: fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r })) }, { weight: 1, arbitrary: wrong });
    }
    case 'integer':
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -5, max: 200 }) }, { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53 + 2, -(2 ** 31), 1.5) }, { weight: 1, arbitrary: wrong });
    case 'boolean':
      return fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrong });
    case 'array':
      return fc.oneof(fc.array(shaped(schema.items ?? {}, depth + 1), { maxLength: 5 }), wrong);
    default:
      return fc.oneof({ weight: 2, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 2, arbitrary: wildText }, { weight: 1, arbitrary: wrong });
  }
}

/** The plainest body the schema accepts with its text made wild: the body gets past the schema, so the wild
 * text reaches the service and the database. */
function plainWithWildText(schema: JsonSchema): fc.Arbitrary<unknown> {
  const plain = validSample(schema);
  const texts = Object.entries(schema.properties ?? {}).filter(([, s]) => typeOf(s) === 'string' && !s.enum).map(([key]) => key);
  if (!texts.length || typeof plain !== 'object' || plain === null) return fc.constant(plain);
  return fc.record(Object.fromEntries(texts.map((key) => [key, fc.option(wildText, { nil: undefined })]))).map((wild) => ({ ...plain, ...Object.fromEntries(Object.entries(wild).filter(([, v]) => v !== undefined)) }));
}

/** Bodies for a route: its declared shape with wild values in it, its plainest body with wild text, and
 * sometimes anything at all. */
export function bodyArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return schema ? fc.oneof({ weight: 3, arbitrary: shaped(schema) }, { weight: 3, arbitrary: plainWithWildText(schema) }, { weight: 1, arbitrary: wildJson }) : wildJson;
}

/** A form as its page would send it filled in plainly: hidden values kept, text boxes and areas given words,
 * date parts a real date, the first choice of each list, radio group and checkbox. */
export function plainForm(html: string, action: string): [string, string][] {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].filter((f) => /method="post"/i.test(f[1]!));
  const form = (forms.find((f) => /action="([^"]*)"/.exec(f[1]!)?.[1]?.replace(/&amp;/g, '&').split('?')[0] === action) ?? forms.find((f) => !/action=/.test(f[1]!)))?.[2] ?? '';
  const fields: [string, string][] = [];
  const named = new Set<string>();
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>|<(input|textarea)\b([^>]*)>/g)) {
    const tag = m[3] ?? 'select';
    const attrs = m[1] ?? m[4];
    const options = m[2];
    const name = /name="([^"]+)"/.exec(attrs!)?.[1];
    if (!name || name === '_csrf') continue;
    const type = /type="([^"]+)"/.exec(attrs!)?.[1] ?? 'text';
    const value = /value="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    if (tag === 'select') {
      const first = [...(options ?? '').matchAll(/<option\b[^>]*value="([^"]+)"/g)][0]?.[1];
      if (first) fields.push([name, first]);
    } else if (type === 'radio' || type === 'checkbox') {
      if (!named.has(name)) fields.push([name, value]);
    } else if (type === 'file' || type === 'submit') {
      continue;
    } else {
      const part = /-(day|month|year)$/.exec(name)?.[1];
      fields.push([name, value || (part === 'day' ? '10' : part === 'month' ? '12' : part === 'year' ? '2026' : type === 'number' ? '1' : type === 'email' ? 'someone@sweep.example' : 'Plain words')]);
    }
    named.add(name);
  }
  return fields;
}

/** Form fields as a browser could never send them but a script can: the plainly filled form with some of its
 * values made wild, fields dropped or repeated, and fields it never had. */
export function formArbitrary(plain: [string, string][]): fc.Arbitrary<[string, string][]> {
  const value = fc.oneof(fc.string({ maxLength: 30 }), wildText, fc.constantFrom('\u0000', 'x\u0000', '\u0001', '-1', '2147483648', '99999999999999999999', ''));
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION, 'version[]', 'a[b]', ''), fc.string({ maxLength: 10 })), value), { maxLength: 2 });
  const mutated = fc.tuple(fc.array(fc.boolean(), { minLength: plain.length, maxLength: plain.length }), fc.array(value, { minLength: plain.length, maxLength: plain.length }), extra).map(([wild, values, more]) => [
    ...plain.map(([name, v], i): [string, string] => [name, wild[i] ? values[i]! : v]),
    ...more,
  ]);
  return plain.length ? fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: extra }) : extra;
}
