// Real addresses for every route of the route table: each parameter is given the ids of real records of the kind it
// names, so that a route added later is swept with real records — or, if its parameter is of a kind not known here,
// the sweep fails and says which route to teach it.
import type { RouteEntry } from '../../src/app.ts';
import { QUESTIONS } from '../../src/protocol/questions/index.ts';
import type { TestApp } from '../support/app.ts';
import { allows } from '../../src/web/access.ts';
import { mayRead, type Canary, type RecordKind } from './canaries.ts';
import type { Person, SweepCouncil } from './council.ts';

/** What a concrete address points at. owner: a record that is one user's alone (a token, an uploaded e-mail). */
export type Target = { url: string; kind?: RecordKind; id?: number; field?: string; owner?: number };

export type RecordIds = {
  enquiry: number[];
  attachment: Map<number, number>;
  document: { id: number; version: number }[];
  briefing: number[];
  offer: number[];
  'access-request': number[];
  user: number[];
  member: number;
  officer: number;
  body: number;
  routing: number;
  outbox: number;
  tokens: { id: number; owner: number }[];
  draft: { id: number; owner: number };
  question: string;
};

export async function recordIds(t: TestApp, c: SweepCouncil, canaries: Canary[]): Promise<RecordIds> {
  const k = t.db.kysely;
  const of = (kind: RecordKind) => [...new Set(canaries.filter((x) => x.kind === kind).map((x) => x.id))];
  const first = async (table: 'members' | 'officers' | 'bodies' | 'enquiry_routes' | 'outbox') => (await k.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const attachments = await k.selectFrom('enquiry_attachments').select(['id', 'enquiry_id']).where('enquiry_id', 'in', of('enquiry')).orderBy('id').execute();
  const open = await k.selectFrom('documents').select('id').where('classification', '=', 'open').orderBy('id').executeTakeFirstOrThrow();
  const versions = await k.selectFrom('document_files').select(['document_id', (eb) => eb.fn.max('version').as('version')]).groupBy('document_id').execute();
  const member = c.people.find((p) => p.label === 'member')!;
  const draft = await k.insertInto('enquiry_email_drafts').values({ user_id: member.userId, file_name: 'resident.eml', content: new TextEncoder().encode('Subject: hello\r\n\r\nhello'), created_at: t.clock.now().toISOString(), expires_at: '2099-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
  const tokens = await k.selectFrom('api_tokens').select(['id', 'user_id']).orderBy('id').execute();
  return {
    enquiry: of('enquiry'),
    attachment: new Map(attachments.map((a) => [a.enquiry_id, a.id])),
    document: [open.id, ...of('document')].map((id) => ({ id, version: Number(versions.find((v) => v.document_id === id)?.version ?? 1) })),
    briefing: of('briefing'),
    offer: of('offer'),
    'access-request': of('access-request'),
    user: c.people.filter((p) => ['member', 'admin'].includes(p.label)).map((p) => p.userId),
    member: await first('members'),
    officer: await first('officers'),
    body: await first('bodies'),
    routing: await first('enquiry_routes'),
    outbox: await first('outbox'),
    tokens: tokens.map((x) => ({ id: x.id, owner: x.user_id })),
    draft: { id: draft.id, owner: member.userId },
    question: QUESTIONS[0]!.id,
  };
}

const ENQUIRY_ACTIONS = ['answer', 'reassign'];

/** The concrete addresses of a route; throws for a parameter of a kind not known here. */
export function targetsOf(route: RouteEntry, ids: RecordIds, perKind = Infinity): Target[] {
  const path = route.url.replace(/^\/api\/v1/, '');
  const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (!params.length && !route.url.includes('*')) return [{ url: route.url }];
  const fill = (values: Record<string, string | number>) => route.url.replace(/:(\w+)/g, (_, name: string) => String(values[name]));
  const take = <T>(list: T[]) => list.slice(0, perKind);
  if (route.url.includes('*')) return [];
  if (path.startsWith('/enquiries/from-email/')) return [{ url: fill({ draft: ids.draft.id }), owner: ids.draft.owner }];
  if (path.startsWith('/enquiries/:id/attachments/')) return take(ids.enquiry.filter((id) => ids.attachment.has(id))).map((id) => ({ url: fill({ id, attachment: ids.attachment.get(id)! }), kind: 'enquiry', id }));
  if (path.startsWith('/enquiries/:id')) return take(ids.enquiry).flatMap((id) => (params.includes('action') ? ENQUIRY_ACTIONS : ['']).map((action) => ({ url: fill({ id, action }), kind: 'enquiry' as const, id })));
  if (path.startsWith('/documents/:id/versions/:version/')) return take(ids.document).map((d) => ({ url: fill({ id: d.id, version: d.version }), kind: 'document', id: d.id, field: path.endsWith('/file') ? 'download' : 'file' }));
  if (path.startsWith('/documents/:id') || path.startsWith('/public/documents/:id')) return take(ids.document).map((d) => ({ url: fill({ id: d.id }), kind: 'document', id: d.id, field: path.endsWith('/file') ? 'download' : 'record' }));
  if (path.startsWith('/briefings/offers/') || path.startsWith('/briefing-offers/')) return take(ids.offer).map((id) => ({ url: fill({ id }), kind: 'offer', id }));
  if (path.startsWith('/briefings/:id')) return take(ids.briefing).map((id) => ({ url: fill({ id }), kind: 'briefing', id, field: path.endsWith('/report-copy') ? 'report-copy' : 'record' }));
  if (path.startsWith('/access-requests/:id')) return take(ids['access-request']).map((id) => ({ url: fill({ id }), kind: 'access-request', id }));
  if (path.startsWith('/account/tokens/:id')) return take(ids.tokens).map((x) => ({ url: fill({ id: x.id }), owner: x.owner }));
  if (path.startsWith('/admin/users/:id')) return ids.user.map((id) => ({ url: fill({ id }) }));
  if (path.startsWith('/admin/enquiry-routing/:id')) return [{ url: fill({ id: ids.routing }) }];
  if (path.startsWith('/admin/outbox/:id')) return [{ url: fill({ id: ids.outbox }) }];
  if (path.startsWith('/members/:id')) return [{ url: fill({ id: ids.member }) }];
  if (path.startsWith('/officers/:id')) return [{ url: fill({ id: ids.officer }) }];
  if (path.startsWith('/bodies/:id')) return [{ url: fill({ id: ids.body }) }];
  if (path.startsWith('/protocol/profiles/:id')) return [{ url: fill({ id: 'model' }) }];
  if (path.startsWith('/protocol/') && params.includes('question')) return [{ url: fill({ question: ids.question }) }];
  if (path.startsWith('/invitation/:token')) return [{ url: fill({ token: 'no-such-invitation' }) }];
  throw new Error(`${route.method} ${route.url}: its parameters name records the security sweeps do not know; add them to test/security/route-records.ts`);
}

/** Whether a person may use an address, by the route's rule and the rule of the record it names. A public
 * address answers everyone as it answers the public. */
export async function entitledTo(t: TestApp, c: SweepCouncil, person: Person, route: RouteEntry, target: Target): Promise<boolean> {
  const rule = route.access()!;
  if (!allows(rule, person.entitled)) return false;
  if (target.owner !== undefined) return target.owner === person.userId;
  if (target.kind === undefined) return true;
  return mayRead(t, c.today, rule.kind === 'public' ? null : person.entitled, target.kind, target.id!, target.field);
}

/** The same address for records that do not exist: what a person not entitled may be told is no more than this. */
export function missing(route: RouteEntry): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => (name === 'action' ? 'answer' : '999999'));
}

/** A cheap fingerprint of everything stored: each table's row count, the versions of versioned records and the
 * audit chain's head. */
export async function fingerprint(t: TestApp): Promise<string> {
  const k = t.db.kysely;
  const tables = ['users', 'user_roles', 'api_tokens', 'invitations', 'enquiries', 'enquiry_copies', 'enquiry_events', 'enquiry_attachments', 'enquiry_routes', 'enquiry_email_drafts', 'documents', 'document_files', 'meetings', 'briefings', 'briefing_notices', 'briefing_offers', 'group_secretaries', 'access_requests', 'audit_events', 'outbox', 'settings', 'members', 'officers', 'protocol_documents'] as const;
  const parts: string[] = [];
  for (const table of tables) parts.push(`${table}:${Number((await k.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)}`);
  for (const table of ['enquiries', 'documents', 'briefings', 'briefing_offers', 'access_requests'] as const) {
    parts.push(`${table}.version:${Number((await k.selectFrom(table).select((eb) => eb.fn.sum<number>('version').as('v')).executeTakeFirstOrThrow()).v)}`);
  }
  const revoked = await k.selectFrom('api_tokens').select('id').where('revoked_at', 'is not', null).execute();
  const disabled = await k.selectFrom('users').select('id').where('disabled_at', 'is not', null).execute();
  const head = await k.selectFrom('audit_head').selectAll().execute();
  return [...parts, `revoked:${revoked.length}`, `disabled:${disabled.length}`, `head:${JSON.stringify(head)}`].join(' ');
}
