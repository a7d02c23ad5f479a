// Every feature's scheduled work, joined for the scheduler: the handlers of each job kind, and what runs on every
// tick. A feature that schedules jobs exports its handlers and is added here.
import { combineJobHandlers, type ScheduledWork } from './jobs/scheduler.ts';
import { enquiryJobHandlers } from './features/enquiries/enquiry-jobs.ts';
import { briefingJobHandlers } from './features/briefings/briefing-offers.service.ts';
import { accessRequestJobHandlers } from './features/access-requests/access-request-jobs.ts';
import { auditJobHandlers } from './features/audit/audit-checkpoint-mail.ts';
import { documentJobHandlers } from './features/documents/documents.index.ts';
import { accountJobHandlers } from './features/accounts/sign-in-sweep.ts';
import { deliverMail } from './features/mail/mail-delivery.ts';

export const jobHandlers = combineJobHandlers(
  enquiryJobHandlers,
  briefingJobHandlers,
  accessRequestJobHandlers,
  auditJobHandlers,
  documentJobHandlers,
  accountJobHandlers,
);

export const scheduledWork: ScheduledWork = { jobs: jobHandlers, everyTick: [deliverMail] };
