// The question page's fields, and turning a submitted form back into the engine's facts.
import type { z } from 'zod';
import type { QuestionDefinition } from '../../protocol/questions/index.ts';
import type { FieldError } from '../../errors.ts';

export type FactField =
  | { name: string; label: string; kind: 'boolean' }
  | { name: string; label: string; kind: 'choice'; options: string[] }
  | { name: string; label: string; kind: 'date' }
  | { name: string; label: string; kind: 'dates' };

const UNKNOWN = 'unknown';

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as z.ZodType & { unwrap?: () => z.ZodType };
  while (current.def.type === 'optional' && current.unwrap) current = current.unwrap() as typeof current;
  return current;
}

export function factFields(question: QuestionDefinition): FactField[] {
  return Object.entries(question.facts.shape).map(([name, schema]) => {
    const inner = unwrap(schema as z.ZodType);
    const label = question.labels[name] ?? name;
    if (inner.def.type === 'boolean') return { name, label, kind: 'boolean' };
    if (inner.def.type === 'enum') return { name, label, kind: 'choice', options: (inner as z.ZodEnum).options.map(String) };
    if (inner.def.type === 'array') return { name, label, kind: 'dates' };
    return { name, label, kind: 'date' };
  });
}

function dateFrom(query: Record<string, string | undefined>, name: string): { value?: string; error?: string } {
  const day = query[`${name}-day`]?.trim() ?? '';
  const month = query[`${name}-month`]?.trim() ?? '';
  const year = query[`${name}-year`]?.trim() ?? '';
  if (!day && !month && !year) return {};
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: 'Enter a real date, for example 23 11 2026' };
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return { error: 'Enter a real date, for example 23 11 2026' };
  return { value };
}

/** Reads the form: "I don't know" leaves a fact out, so the engine can say which facts it needs. */
export function factsFromForm(fields: FactField[], query: Record<string, string | undefined>): { facts: Record<string, unknown>; errors: FieldError[] } {
  const facts: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const field of fields) {
    const raw = query[field.name];
    if (field.kind === 'boolean') {
      if (raw === 'yes') facts[field.name] = true;
      else if (raw === 'no') facts[field.name] = false;
      else if (raw !== undefined && raw !== UNKNOWN) errors.push({ field: field.name, message: `Select yes, no or I don’t know for: ${field.label}` });
    } else if (field.kind === 'choice') {
      if (raw && raw !== UNKNOWN) {
        if (field.options.includes(raw)) facts[field.name] = raw;
        else errors.push({ field: field.name, message: `Select one of the options for: ${field.label}` });
      }
    } else if (field.kind === 'date') {
      const { value, error } = dateFrom(query, field.name);
      if (error) errors.push({ field: `${field.name}-day`, message: `${field.label}: ${error}` });
      else if (value) facts[field.name] = value;
    } else if (raw && raw.trim()) {
      const dates = raw.split(/[\s,]+/).filter(Boolean);
      const bad = dates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
      if (bad) errors.push({ field: field.name, message: `${field.label}: “${bad}” is not a date like 2026-12-29` });
      else facts[field.name] = dates;
    }
  }
  return { facts, errors };
}

export function choiceText(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).replaceAll('-', ' ');
}
