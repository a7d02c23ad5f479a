// What page routes read from an address: a record's id, and a list page's filters. A bad id is a page that does
// not exist (404), never a 400; a bad filter is a problem shown on the page while the good filters still apply.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { NotFoundError, type FieldError } from '../errors.ts';

/** A record's id in a page address: digits only, else the page does not exist. */
export function idFromParam(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The `:id` of the address; anything but a whole number is a page that does not exist (`what` names it). */
export function idParam(request: FastifyRequest, what: string): number {
  const raw = (request.params as { id?: string }).id ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError(what);
  return Number(raw);
}

/**
 * Reads filters one by one, so that a bad value is reported and left out while the good ones still apply.
 * Unknown query parameters are ignored, as a search page should.
 */
export function readFilters<S extends z.ZodObject>(schema: S, query: unknown): { values: Partial<z.infer<S>>; problems: FieldError[] } {
  const given = (query ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const result = fieldSchema.safeParse(given[field]);
    if (result.success) values[field] = result.data;
    else problems.push({ field, message: result.error.issues[0]?.message ?? 'Enter a valid value' });
  }
  return { values: values as Partial<z.infer<S>>, problems };
}
