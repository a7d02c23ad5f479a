// Every day the chain's head (seq, hash, time) goes by mail to the Monitoring Officer: a checkpoint kept outside
// the database, which `nolan audit verify --checkpoint` checks the chain against. With it, events deleted from
// the end of the chain (and the head wound back to match), or the chain rewritten by someone holding the key,
// show as a deletion or a rewrite however carefully the database was changed.
import type { Transaction } from 'kysely';
import type { Tables } from '../../db/database.ts';
import { ukDate } from '../../clock.ts';
import { nextDailyRun, recurring, scheduleDailyJob, type JobContext, type JobHandlers } from '../../jobs/scheduler.ts';
import { queueMail } from '../mail/outbox.service.ts';
import { readChainHead } from './audit.repository.ts';

export const CHAIN_HEAD_MAIL = 'audit.chain-head';
/** Early, before the working day's changes: 06:00 UTC. */
const HOUR_UTC = 6;

/** The next 06:00 UTC strictly after `at`. */
export function nextChainHeadMail(at: Date): Date {
  return nextDailyRun(at, HOUR_UTC);
}

/** Schedules the next daily mail of the chain head; the same day twice is one job. */
export async function scheduleChainHeadMail(trx: Transaction<Tables>, at: Date): Promise<void> {
  await scheduleDailyJob(trx, CHAIN_HEAD_MAIL, HOUR_UTC, at);
}

/**
 * The officers who hold the Monitoring Officer's role today (not a deputy) and are still in post, at their
 * directory address or else their account's; one with neither is skipped.
 */
async function monitoringOfficers(trx: Transaction<Tables>, day: string): Promise<{ id: number; to: string; toName: string }[]> {
  const rows = await trx
    .selectFrom('statutory_roles as s')
    .innerJoin('officers as o', 'o.id', 's.officer_id')
    .leftJoin('users as u', (join) => join.onRef('u.officer_id', '=', 'o.id').on('u.disabled_at', 'is', null))
    .select(['o.id', 'o.email', 'o.full_name', 'u.email as account_email'])
    .where('s.role', '=', 'monitoring-officer')
    .where('s.capacity', '=', 'holder')
    .where('s.starts_on', '<=', day)
    .where((eb) => eb.or([eb('s.ends_on', 'is', null), eb('s.ends_on', '>=', day)]))
    .where((eb) => eb.or([eb('o.left_on', 'is', null), eb('o.left_on', '>', day)]))
    .orderBy('o.id')
    .orderBy('u.id')
    .execute();
  const seen = new Set<number>();
  return rows.flatMap((r) => {
    const to = r.email ?? r.account_email;
    if (!to || seen.has(r.id)) return [];
    seen.add(r.id);
    return [{ id: r.id, to, toName: r.full_name }];
  });
}

async function mailChainHead(ctx: JobContext): Promise<void> {
  const head = await readChainHead(ctx.trx);
  const at = ctx.now.toISOString();
  const checkpoint = `${head.seq}:${head.hash}`;
  for (const officer of await monitoringOfficers(ctx.trx, ukDate(ctx.now))) {
    await queueMail(
      ctx.trx,
      {
        to: officer.to,
        toName: officer.toName,
        subject: `Nolan audit checkpoint: event ${head.seq}`,
        text: [
          `At ${at} the audit trail's last event was number ${head.seq}, with the hash`,
          '',
          head.hash,
          '',
          'Keep this message. If the audit trail is ever in doubt, whoever runs Nolan can check it against this',
          'checkpoint, which shows whether events up to it were since deleted or rewritten:',
          '',
          `  nolan audit verify --checkpoint ${checkpoint}`,
        ].join('\n'),
        kind: CHAIN_HEAD_MAIL,
        entity: 'officer',
        entityId: officer.id,
      },
      ctx.now,
    );
  }
  await scheduleChainHeadMail(ctx.trx, ctx.now);
}

export const auditJobHandlers: JobHandlers = { [CHAIN_HEAD_MAIL]: recurring(mailChainHead) };
