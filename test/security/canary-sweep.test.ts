// Canaries in every restricted kind of record, looked for in everything each person can reach: every page reached
// from the route table and the links and search forms it offers, every CSV export, every API answer (and its
// searches), and every page of the audit trail. A canary may appear only to a person its record's own access rule
// lets read it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp } from '../support/app.ts';
import { type Person, type SweepCouncil } from './council.ts';
import { mayRead, type Canary } from './canaries.ts';
import { targetsOf, type RecordIds } from './route-records.ts';
import { openSweepWorld } from './sweep-world.ts';
import { crawl } from './crawl.ts';
import { AUDIT_PAGE_SIZE } from '../../src/features/audit/audit.routes.ts';

const PAGES_PER_PERSON = 4000;

describe('canaries in restricted records never reach a person not entitled to them', () => {
  let t: TestApp;
  let c: SweepCouncil;
  let canaries: Canary[];
  let ids: RecordIds;
  const started = Date.now();
  const found = new Set<string>();

  before(async () => {
    ({ t, c, canaries, ids } = await openSweepWorld());
  });
  after(async () => {
    console.log(`canary sweep: ${Date.now() - started} ms in all`);
    await t.close();
  });

  /** Every GET address of the route table, with real records, and each API list searched for the canaries. */
  function seeds(): string[] {
    const urls: string[] = [];
    for (const route of t.app.routeTable) {
      if (route.method !== 'GET') continue;
      for (const target of targetsOf(route, ids)) {
        urls.push(target.url);
        if (target.url.startsWith('/api/') && !/:\w/.test(route.url)) urls.push(`${target.url}?q=SWEEPCANARY`, `${target.url}?limit=200`);
      }
    }
    return urls;
  }

  async function sweep(person: Person | null): Promise<{ leaks: string[]; pages: number; served: Set<string>; auditPages: Set<string> }> {
    const leaks: string[] = [];
    const served = new Set<string>();
    const auditPages = new Set<string>();
    const verdicts = new Map<string, boolean>();
    const check = async (url: string, response: LightMyRequestResponse) => {
      if (response.statusCode >= 500) leaks.push(`${url} → ${response.statusCode}`);
      if (response.statusCode === 200) served.add(url.split('?')[0]!);
      if (response.statusCode === 200 && /^\/admin\/audit(\?(before|after)=\d+)?$/.test(url)) auditPages.add(url);
      if (!response.body.includes('SWEEPCANARY')) return;
      for (const canary of canaries) {
        if (!response.body.includes(canary.text)) continue;
        found.add(canary.text);
        if (!verdicts.has(canary.text)) verdicts.set(canary.text, await mayRead(t, c.today, person?.entitled ?? null, canary.kind, canary.id, canary.field));
        if (!verdicts.get(canary.text)) leaks.push(`${url} shows ${canary.text}`);
      }
    };
    const result = await crawl(t, person, seeds(), 'SWEEPCANARY', PAGES_PER_PERSON, check);
    assert.equal(result.capped, false, `${person?.label ?? 'the public'}: more than ${PAGES_PER_PERSON} addresses to visit; raise the cap`);
    return { leaks, pages: result.pages, served, auditPages };
  }

  for (const label of ['member', 'group-leader', 'officer', 'democratic-services', 'admin', 'monitoring-officer', 'chief-executive', 'former-officer', 'former-member', 'briefed-officer', 'other-group-member', 'public']) {
    it(`shows ${label} no canary they are not entitled to, on any page, export, search, API answer or audit page`, async () => {
      const person = label === 'public' ? null : c.people.find((p) => p.label === label)!;
      const begun = Date.now();
      const { leaks, pages, served, auditPages } = await sweep(person);
      console.log(`canary sweep: ${label}: ${pages} addresses in ${Date.now() - begun} ms, ${leaks.length} leaks`);
      if (label === 'admin') {
        assert.ok(['/admin/audit', '/enquiries', '/documents', '/access-requests'].every((u) => served.has(u)), 'the crawl reaches the registers and the audit trail');
        const events = Number((await t.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        assert.ok(auditPages.size >= Math.ceil(events / AUDIT_PAGE_SIZE), `every page of the audit trail is read: ${auditPages.size} of ${Math.ceil(events / AUDIT_PAGE_SIZE)}`);
      }
      assert.deepEqual(leaks, []);
    });
  }

  it('found every canary where someone entitled looks, so a leak could not hide from the sweep', () => {
    const unseen = canaries.filter((x) => !found.has(x.text)).map((x) => x.text);
    assert.deepEqual(unseen, []);
  });
});
