// The demo council's access requests, made through the real service so that the protocol answers each: a member
// asks for three papers that are not open to them, and each is taken, by the same steps an officer would take,
// to a different state — one left with the decider, one granted with conditions, one refused with reasons.
// Whatever the council's protocol answered at once decides how many steps each needs.
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/database.ts';
import type { CurrentUser, Power } from '../../web/access.ts';
import type { AccessRequest } from '../access-requests/access-request.types.ts';
import { DECIDER_POWER } from '../access-requests/local-decider.ts';
import { adviseOnRequest, createAccessRequest, decideRequest, disputeRequest, type AccessRequestDeps } from '../access-requests/access-request.service.ts';
import { ukDate } from '../../clock.ts';

type Target = 'pending' | 'granted' | 'refused';

const ASKED: { title: RegExp; target: Target; reason: string; purpose: string }[] = [
  { title: /depot site/i, target: 'pending', purpose: 'council-duties', reason: 'The sale is to be debated at full council and I want to judge whether the terms are best value.' },
  { title: /enforcement notice/i, target: 'granted', purpose: 'ward', reason: 'The land is in my ward and residents have asked me what the council is doing about the breach.' },
  { title: /resettlement/i, target: 'refused', purpose: 'ward', reason: 'Residents have asked whether families are being placed in our ward.' },
];

async function memberUser(q: Kysely<Tables>, memberId: number): Promise<CurrentUser | undefined> {
  const u = await q.selectFrom('users').select(['id', 'email', 'full_name']).where('member_id', '=', memberId).executeTakeFirst();
  return u && { id: u.id, email: u.email, fullName: u.full_name, roles: ['member'], powers: [], memberId, memberRecordId: memberId, officerId: null, via: 'session' };
}

/** The signed-in officer who holds a power today, as they would be signed in. */
async function holderOf(q: Kysely<Tables>, power: Power, day: string): Promise<CurrentUser | undefined> {
  const u = await q
    .selectFrom('statutory_roles as s')
    .innerJoin('users as u', 'u.officer_id', 's.officer_id')
    .select(['u.id', 'u.email', 'u.full_name', 'u.officer_id'])
    .where('s.role', '=', power)
    .where('s.capacity', '=', 'holder')
    .where('s.starts_on', '<=', day)
    .where((eb) => eb.or([eb('s.ends_on', 'is', null), eb('s.ends_on', '>=', day)]))
    .executeTakeFirst();
  return u && { id: u.id, email: u.email, fullName: u.full_name, roles: ['officer'], powers: [power], memberId: null, memberRecordId: null, officerId: u.officer_id, via: 'session' };
}

const actorOf = (user: CurrentUser) => ({ userId: user.id, label: user.email });

async function takeTo(deps: AccessRequestDeps, r: AccessRequest, target: Target, member: CurrentUser, day: string): Promise<void> {
  if (target === 'pending' || r.status === target) {
    // A refusal given at once is disputed, so that a request waits with the decider.
    if (target === 'pending' && r.status === 'refused') await disputeRequest(deps, actorOf(member), member, r.id, r.version, { reason: 'I sit on the scrutiny committee reviewing the sale and need the terms to do so.' });
    return;
  }
  let now = r;
  if (now.status === 'refused') now = await disputeRequest(deps, actorOf(member), member, now.id, now.version, { reason: 'The residents affected are my constituents; I need to know what is proposed.' });
  if (now.status === 'awaiting-advice') {
    const mo = await holderOf(deps.db.kysely, 'monitoring-officer', day);
    if (!mo) return;
    now = await adviseOnRequest(deps, actorOf(mo), mo, now.id, now.version, { advice: 'No conflict of interest; the member may see it for the purpose given if the decider agrees.' });
  }
  const decider = await holderOf(deps.db.kysely, DECIDER_POWER[now.decider], day);
  if (!decider || (now.status !== 'awaiting-decision' && now.status !== 'disputed')) return;
  const until = new Date(Date.parse(`${day}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
  await decideRequest(deps, actorOf(decider), decider, now.id, now.version, target === 'granted'
    ? { decision: 'grant', reasons: 'The ward is directly affected and the member needs to know the steps proposed. Viewing only, for four weeks, until the notice is served.', viewOnly: true, untilOn: until }
    : { decision: 'refuse', reasons: 'The information was given by a government department on terms that forbid its disclosure; no need to know can override that. Ward-level numbers are published each quarter.' });
}

export async function seedDemoAccessRequests(deps: AccessRequestDeps, memberId: number | undefined): Promise<number> {
  if (memberId === undefined) return 0;
  const q = deps.db.kysely;
  const day = ukDate(deps.clock.now());
  const member = await memberUser(q, memberId);
  if (!member) return 0;
  const papers = await q.selectFrom('documents').select(['id', 'title']).where('classification', 'in', ['exempt', 'confidential']).where('metadata_public', '=', true).execute();
  let count = 0;
  for (const asked of ASKED) {
    const paper = papers.find((p) => asked.title.test(p.title));
    if (!paper) continue;
    try {
      const r = await createAccessRequest(deps, actorOf(member), member, { documentId: paper.id, purpose: asked.purpose, reason: asked.reason, personalInterest: 'no' });
      await takeTo(deps, r, asked.target, member, day);
      count++;
    } catch (error) {
      // A member who already sees the paper (a seat on its body under a generous protocol) asks for nothing.
      if (!(error instanceof Error) || !/already see/.test(error.message)) throw error;
    }
  }
  return count;
}
