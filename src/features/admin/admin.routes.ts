// The admin area: an index of what the signed-in person may administer, and the account pages.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access, allows, type Access } from '../../web/access.ts';
import { accountAdminAccess, registerAccountAdminRoutes } from './account-admin.routes.ts';
import { auditTrailAccess } from '../audit/audit.routes.ts';
import { protocolDocumentAccess } from '../protocol-document/protocol-document.routes.ts';
import { routingTableAccess } from '../enquiries/routing-table.routes.ts';
import { settingsAccess } from '../settings/settings.routes.ts';
import { outboxAccess } from '../mail/outbox.routes.ts';

/** Mirrors the import page's own declaration in import.routes.ts. */
const importAccess = access.roles('admin', 'democratic-services');

const SECTIONS: { href: string; title: string; description: string; access: Access }[] = [
  { href: '/admin/users', title: 'Accounts', description: 'Invite people, change their roles and links to the directory, send a new sign-in link, disable an account.', access: accountAdminAccess },
  { href: '/admin/import', title: 'Import the directory', description: 'Bring in members and committees from a CSV file or from modern.gov.', access: importAccess },
  { href: '/admin/protocol', title: 'The council’s protocol document', description: 'Upload the protocol as adopted, so that answers show each clause’s own words, and see which clauses the rules cite.', access: protocolDocumentAccess },
  { href: '/admin/enquiry-routing', title: 'Enquiry routing', description: 'Who takes each service’s member enquiries, by ward and type of work.', access: routingTableAccess },
  { href: '/admin/settings', title: 'Council settings', description: 'Closure days, your local standard for enquiries where the protocol sets none, the follow-up window and how references are numbered.', access: settingsAccess },
  { href: '/admin/outbox', title: 'Mail', description: 'Email waiting to be sent, email Nolan gave up on (try it again from here) and email sent in the last week.', access: outboxAccess },
  { href: '/admin/audit', title: 'Audit trail', description: 'Every change made in Nolan, who made it and when, and a check that none has been altered.', access: auditTrailAccess },
];

/** Anyone who can use at least one section may see the index. */
export const adminIndexAccess = access.anyOf(
  [...new Set(SECTIONS.flatMap((s) => (s.access.kind === 'any-of' ? s.access.roles : [])))],
  [...new Set(SECTIONS.flatMap((s) => (s.access.kind === 'any-of' ? s.access.powers : [])))],
);

export function registerAdminRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/admin', { config: { access: adminIndexAccess } }, async (request, reply) => {
    const sections = SECTIONS.filter((s) => allows(s.access, request.user));
    return reply.page('admin/views/admin.njk', { title: 'Admin', sections });
  });
  registerAccountAdminRoutes(app, deps);
}
