// Form handling: parse a posted form with Zod and turn problems into GOV.UK error summary entries.
import type { z } from 'zod';
import type { FieldError } from '../errors.ts';

export type FormErrors = {
  list: { text: string; href: string }[];
  /** Per field: { text } for a component's errorMessage option. */
  fields: Record<string, { text: string }>;
};

export function formErrors(fields: FieldError[]): FormErrors {
  const result: FormErrors = { list: [], fields: {} };
  for (const { field, message } of fields) {
    if (result.fields[field]) continue;
    result.fields[field] = { text: message };
    result.list.push({ text: message, href: `#${field}` });
  }
  return result;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; fields: FieldError[] };

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, value: result.data };
  const fields = result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));
  return { ok: false, errors: formErrors(fields), fields };
}

/** A form field that may be sent once (a string) or several times (an array), as checkboxes are. */
export function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
