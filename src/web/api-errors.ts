// The JSON API's error replies, as web/errors.ts sends them and the OpenAPI description shows them.
import { z } from 'zod';

export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});

/** What an action on a record can meet: bad input, no right to act, no such record, or a stale version. */
export const actionErrors = { 400: apiError, 403: apiError, 404: apiError, 409: apiError };
