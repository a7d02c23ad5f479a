// Scheduled work for access requests: two days before the reg 17 date of a scrutiny member's request (10 clear
// days to have the executive paper or a written refusal), the decider is reminded. The handler reads the request
// as it stands when the job runs: one decided or withdrawn meanwhile sends nothing.
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ukDate } from '../../clock.ts';
import { scheduleJob, type JobContext, type JobHandlers } from '../../jobs/scheduler.ts';
import { formatDate } from '../../web/format.ts';
import { mailToDecider } from './access-request-mail.ts';
import { findAccessRequest } from './access-request.repository.ts';
import { OPEN_STATUSES } from './access-request.types.ts';

export const REG17_REMINDER = 'access-request.reg17-reminder';
/** Days before the reg 17 date that the decider is reminded. */
export const REMINDER_DAYS_BEFORE = 2;

const payloadSchema = z.object({ requestId: z.number().int(), dueOn: z.string() });

export async function scheduleReg17Reminder(trx: Transaction<Tables>, requestId: number, dueOn: string, at: Date): Promise<void> {
  const runAt = new Date(Date.parse(`${dueOn}T08:00:00Z`) - REMINDER_DAYS_BEFORE * 86_400_000);
  await scheduleJob(trx, { kind: REG17_REMINDER, key: `access-request:${requestId}:reg17:${dueOn}`, runAt: runAt < at ? at : runAt, payload: { requestId, dueOn } }, at);
}

async function remind(ctx: JobContext): Promise<void> {
  const { requestId, dueOn } = payloadSchema.parse(ctx.payload);
  const r = await findAccessRequest(ctx.trx, requestId);
  if (!r || !OPEN_STATUSES.includes(r.status) || r.scrutinyDueOn !== dueOn) return;
  await mailToDecider({ trx: ctx.trx, at: ctx.now, day: ukDate(ctx.now), baseUrl: ctx.deps.config.baseUrl }, r, 'reminder', `${r.memberName} (by ${formatDate(dueOn)})`);
}

export const accessRequestJobHandlers: JobHandlers = { [REG17_REMINDER]: remind };
