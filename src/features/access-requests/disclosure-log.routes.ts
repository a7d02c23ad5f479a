// The public disclosure log: each decision on a member's request to see a paper — when, granted or refused, on
// what conditions, by which office and under which clauses. A paper is named only where the public may see its
// entry (documentSight, as for the public list); no member is named and no reasons are shown, since reasons may
// speak of what the paper holds. Information asked for is never described: the member's words may say what it is.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { access } from '../../web/access.ts';
import { documentSight } from '../documents/document-access.ts';
import { CLASSIFICATION_LABELS, type Classification } from '../documents/document.types.ts';
import { privateReason } from '../documents/document.view.ts';
import type { ConfidentialGround, ExemptParagraph } from '../documents/document.types.ts';
import { listDecisions } from './access-request.repository.ts';
import { DECIDER_TITLES } from './access-request.types.ts';
import { conditionsList } from './access-request.view.ts';

const PUBLIC = { kind: 'public' } as const;
export const DISCLOSURE_LOG_SIZE = 200;

export async function disclosureLog(deps: Pick<Deps, 'db'>) {
  const decisions = await listDecisions(deps.db.kysely, DISCLOSURE_LOG_SIZE);
  return decisions.map((d) => {
    const decision = {
      decidedOn: d.decidedAt ?? d.updatedAt,
      outcome: d.status === 'granted' ? 'Granted' : 'Refused',
      conditions: d.status === 'granted' ? conditionsList({ ...d, memberTermEnd: '9999-12-31' }).filter((c) => !c.startsWith('Until')) : [],
      decidedBy: d.decidedBy?.startsWith('The council’s protocol') ? 'The protocol, at once' : DECIDER_TITLES[d.decider].replace(/^the /, 'The '),
      clauses: d.clauses,
      disputed: d.disputedAt !== null,
    };
    if (d.document === null || d.documentId === null) return { ...decision, document: 'Information requested by a member', body: null, classification: null };
    const classification = d.document.classification as Classification;
    const listed = documentSight(PUBLIC, { id: d.documentId, classification, metadataPublic: d.document.metadataPublic, groupId: null }).entry && classification !== 'group-internal';
    const classified = { classification, exemptParagraph: d.document.exemptParagraph as ExemptParagraph | null, confidentialGround: d.document.confidentialGround as ConfidentialGround | null, groupName: null };
    return {
      ...decision,
      document: listed ? d.documentTitle : 'A paper the council does not list publicly',
      body: listed ? d.document.bodyName : null,
      classification: listed ? (privateReason(classified) ?? CLASSIFICATION_LABELS[classification]) : CLASSIFICATION_LABELS[classification],
    };
  });
}

export function registerDisclosureLog(app: FastifyInstance, deps: Deps): void {
  app.get('/public/disclosure-log', { config: { access: access.public } }, async (_request, reply) => {
    return reply.page('access-requests/views/disclosure-log.njk', { title: 'Disclosure log', rows: await disclosureLog(deps) });
  });
}
