// The audit trail pages: every event, newest first and filtered, and a check of the whole chain.
// Administrators, and the Monitoring Officer by statutory power (the protocol's guardian reads the record).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { access } from '../../web/access.ts';
import { formErrors } from '../../web/forms.ts';
import { formatDateTime } from '../../web/format.ts';
import { listAuditEvents, readChainHead } from './audit.repository.ts';
import { eventsHiddenFrom } from './audit-sight.ts';
import { describeVerification, isChainHash, verifyChain } from './audit.verify.ts';
import { eventView, readAuditQuery, type AuditQuery } from './audit.view.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';

export const auditTrailAccess = access.anyOf(['admin'], ['monitoring-officer']);

export const AUDIT_PAGE_SIZE = 50;

/** A page's place in the trail; one past what the sequence column holds is no place at all. */
function cursorParam(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,12}$/.test(value) && Number(value) <= LARGEST_INTEGER ? Number(value) : undefined;
}

function pageLink(values: AuditQuery, cursor: Record<string, number>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(cursor)) params.set(key, String(value));
  return `/admin/audit?${params.toString()}`;
}

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  const who = { config: { access: auditTrailAccess } };

  app.get('/admin/audit', who, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const { values, filter, problems } = readAuditQuery(query);
    if (problems.length) {
      return reply.code(400).page('audit/views/audit.njk', { title: 'Audit trail', values, events: [], filtered: true, errors: formErrors(problems) });
    }
    const cursor = { olderThan: cursorParam(query.before), newerThan: cursorParam(query.after) };
    const page = await listAuditEvents(deps.db.kysely, filter, cursor, AUDIT_PAGE_SIZE);
    const hidden = await eventsHiddenFrom(deps.db.kysely, request.user!, page.events, ukDate(deps.clock.now()));
    const events = page.events.map((event) => eventView(event, hidden.has(event.seq)));
    const pagination = {
      previous: page.newer && events.length ? { href: pageLink(values, { after: events[0]!.seq }), text: 'Newer events' } : undefined,
      next: page.older && events.length ? { href: pageLink(values, { before: events.at(-1)!.seq }), text: 'Older events' } : undefined,
    };
    const filtered = Object.values(values).some(Boolean);
    return reply.page('audit/views/audit.njk', { title: 'Audit trail', values, events, pagination, filtered });
  });

  app.get('/admin/audit/verify', who, async (request, reply) => {
    const given = typeof (request.query as Record<string, unknown>).checkpoint === 'string' ? String((request.query as Record<string, unknown>).checkpoint).trim().toLowerCase() : '';
    // The daily mail gives event:hash, which tells a rewrite from a deletion; a bare hash is still taken.
    const pair = /^(\d+):([0-9a-f]{64})$/.exec(given);
    if (given && !pair && !isChainHash(given)) {
      const errors = formErrors([{ field: 'checkpoint', message: 'Enter the checkpoint hash as 64 letters and digits (0–9, a–f), as nolan audit checkpoint printed it, or as event:hash, as the Monitoring Officer’s daily mail gives it' }]);
      return reply.code(400).page('audit/views/verify.njk', { title: 'Check the audit chain', checkpoint: given, errors });
    }
    const result = await verifyChain(deps.db.kysely, pair ? { seq: Number(pair[1]), hash: pair[2]! } : given ? { hash: given } : undefined);
    const head = await readChainHead(deps.db.kysely);
    return reply.page('audit/views/verify.njk', {
      title: 'Check the audit chain',
      checkpoint: given,
      result,
      summary: describeVerification(result),
      todays: { seq: head.seq, hash: head.hash, entry: `${head.seq}:${head.hash}`, at: formatDateTime(deps.clock.now().toISOString()) },
    });
  });
}
