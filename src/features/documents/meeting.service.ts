// Adding a meeting of one of the council's bodies, so that the register's papers can be filed against it.
import { z } from 'zod';
import { ValidationError, type FieldError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';
import { findBody } from '../directory/bodies.repository.ts';
import { insertMeeting } from './document.repository.ts';
import type { DocumentDeps } from './document.service.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { text } from '../../web/text.ts';
import { isIsoDate } from '../../dates.ts';

const meetingSchema = z.object({
  bodyId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'Select the committee or body that meets' }).int().positive().max(LARGEST_INTEGER)),
  title: text('Title', { required: 'Enter the meeting’s title', max: 200, tooLong: 'The title must be 200 characters or fewer', singleLine: true }),
  heldOn: text('Date of the meeting', { missing: 'Enter the date of the meeting' }).refine((v) => v !== '' && v !== '--', 'Enter the date of the meeting').refine(isIsoDate, 'The date of the meeting must be a real date'),
});

/** The meeting form's fields its schema reads as text: the date's boxes make heldOn. */
export const MEETING_TEXT = ['title', 'heldOn-day', 'heldOn-month', 'heldOn-year'] as const;

export async function addMeeting(deps: DocumentDeps, actor: Actor, input: Record<string, unknown>): Promise<number> {
  const problems: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(meetingSchema.shape) as [string, z.ZodType][]) {
    const result = schema.safeParse(input[field]);
    if (result.success) values[field] = result.data;
    else problems.push({ field, message: result.error.issues[0]?.message ?? 'Enter a valid value' });
  }
  if (typeof values.bodyId === 'number' && !(await findBody(deps.db.kysely, values.bodyId))) problems.push({ field: 'bodyId', message: 'Select the committee or body from the list' });
  if (problems.length) throw new ValidationError(problems);
  const meeting = values as z.infer<typeof meetingSchema>;
  const now = deps.clock.now();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const id = await insertMeeting(trx, meeting, now.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, { action: 'meeting.created', entity: 'meeting', entityId: id, after: meeting }, now);
    return id;
  });
}
