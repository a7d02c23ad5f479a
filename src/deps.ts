// The one place that wires the process together: configuration, database, clock, logger, scheduled jobs.
import type { FastifyBaseLogger } from 'fastify';
import { combineJobHandlers, type JobHandlers } from './jobs/scheduler.ts';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import type { Clock } from './clock.ts';
import { enquiryJobHandlers } from './features/enquiries/enquiry-jobs.ts';
import { briefingJobHandlers } from './features/briefings/briefing-offers.service.ts';
import { accessRequestJobHandlers } from './features/access-requests/access-request-jobs.ts';
import { auditJobHandlers } from './features/audit/audit-checkpoint-mail.ts';
import { documentJobHandlers } from './features/documents/documents.index.ts';
import { accountJobHandlers } from './features/accounts/sign-in-sweep.ts';

export type Deps = {
  config: Config;
  db: Db;
  clock: Clock;
  /** The secret that signs cookies; stable across restarts and shared by instances. */
  sessionSecret: string;
  logger?: FastifyBaseLogger;
};

/**
 * Every feature's scheduled-job handlers, by job kind: a feature that schedules jobs exports its handlers and
 * adds them here (combineJobHandlers(enquiryJobHandlers, …)); main.ts gives these to the scheduler.
 */
export const jobHandlers: JobHandlers = combineJobHandlers(
  enquiryJobHandlers,
  briefingJobHandlers,
  accessRequestJobHandlers,
  auditJobHandlers,
  documentJobHandlers,
  accountJobHandlers,
);
