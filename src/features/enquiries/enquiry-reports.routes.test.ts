// The reports over a small council whose figures are worked out by hand below: the overview, the statistics
// and their CSV files, the public statistics with small numbers suppressed, and the list's search and filters.
// Every count on a report is followed to the list it links to, which must hold exactly that many enquiries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { PUBLIC_FIGURES_EVERY_MS } from './enquiry-reports.routes.ts';
import type { CurrentUser } from '../../web/access.ts';
import { DEFAULT_SETTINGS, saveSettings } from '../settings/settings.repository.ts';
import { createAccount } from '../accounts/accounts.service.ts';
import { systemActor } from '../../actor.ts';
import { logEnquiry } from './enquiry.service.ts';
import type { EnquiryStatus } from './enquiry.types.ts';
import { actorFor, addEnquiryCouncil, PASSWORD, type EnquiryCouncil } from './enquiry.fixture.ts';
import { readable } from '../../../test/support/html.ts';

// Today is Monday 23 November 2026; the council is closed on Wednesday 14 October 2026 (not a working day).
//
//  enquiry  service   received    due         answered (UTC)          UK date     working days  on time
//  S1–S6    Highways  2026-09-07  2026-09-21  2026-09-09T09:00Z       2026-09-09  2             yes
//  H1       Highways  2026-10-05  2026-10-19  2026-10-12T09:00Z       2026-10-12  5             yes
//  H2       Highways  2026-10-12  2026-10-26  2026-10-16T10:00Z       2026-10-16  3 (14th shut) yes
//  H3       Highways  2026-10-19  2026-10-20  2026-10-20T23:30Z (BST) 2026-10-21  2             no: a day late
//  H4       Highways  2026-11-02  2026-11-16  open, in progress                                 overdue now
//  H5       Highways  2026-11-20  2026-12-04  open, received                                    not yet due
//  H6       Highways  2026-11-02  2026-11-10  open, awaiting the member                         paused: not overdue
//  P1       Parks     2026-10-07  2026-10-21  2026-11-02T12:00Z (GMT) 2026-11-02  17            no
//
// By month: September 6 received, 6 answered, 100%, median 2; October 4 received, 3 answered (H1–H3), 67%,
// median 3; November 3 received, 1 answered (P1), 0%, median 17.
// By service: Highways 12 received, 9 answered, 8 of 9 on time = 89%, median of 2,2,2,2,2,2,2,3,5 = 2, open 3,
// overdue 1; Parks 1 received, 1 answered, 0%, median 17, open 0, overdue 0.
type Row = { name: string; service: 'highways' | 'parks'; received: string; due: string; answeredAt?: string; status: EnquiryStatus };
const ROWS: Row[] = [
  ...Array.from({ length: 6 }, (_, i): Row => ({ name: `S${i + 1}`, service: 'highways', received: '2026-09-07', due: '2026-09-21', answeredAt: '2026-09-09T09:00:00Z', status: 'answered' })),
  { name: 'H1', service: 'highways', received: '2026-10-05', due: '2026-10-19', answeredAt: '2026-10-12T09:00:00Z', status: 'closed' },
  { name: 'H2', service: 'highways', received: '2026-10-12', due: '2026-10-26', answeredAt: '2026-10-16T10:00:00Z', status: 'answered' },
  { name: 'H3', service: 'highways', received: '2026-10-19', due: '2026-10-20', answeredAt: '2026-10-20T23:30:00Z', status: 'answered' },
  { name: 'H4', service: 'highways', received: '2026-11-02', due: '2026-11-16', status: 'in-progress' },
  { name: 'H5', service: 'highways', received: '2026-11-20', due: '2026-12-04', status: 'received' },
  { name: 'H6', service: 'highways', received: '2026-11-02', due: '2026-11-10', status: 'awaiting-member' },
  { name: 'P1', service: 'parks', received: '2026-10-07', due: '2026-10-21', answeredAt: '2026-11-02T12:00:00Z', status: 'answered' },
];
const SUBJECT = (name: string) => `Confidential matter ${name} at 12 Mill Lane`;

const csvLines = (body: string) => body.trimEnd().split('\r\n');

describe('enquiry reports and statistics', () => {
  let t: TestApp;
  let c: EnquiryCouncil;
  const agents = new Map<string, Agent>();
  const as = async (user: CurrentUser) => {
    if (!agents.has(user.email)) {
      const agent = new Agent(t.app);
      await agent.signIn(user.email, PASSWORD);
      agents.set(user.email, agent);
    }
    return agents.get(user.email)!;
  };

  /** Follows every link whose text is a number and checks the list it opens holds that many enquiries. */
  async function assertCountsLinkToTheirLists(agent: Agent, url: string): Promise<number> {
    const page = await agent.get(url);
    assert.equal(page.statusCode, 200, url);
    const links = [...page.body.matchAll(/<a class="govuk-link" href="([^"]+)"[^>]*>(\d+)<\/a>/g)];
    for (const [, href, count] of links) {
      const list = await agent.get(href!.replaceAll('&amp;', '&'));
      assert.equal(list.statusCode, 200, href);
      const total = /<p class="govuk-body">(\d+) enquir/.exec(list.body)?.[1];
      assert.equal(total, count, `${url}: the count ${count} links to ${href}, which lists ${total}`);
    }
    return links.length;
  }

  before(async () => {
    t = await createTestApp();
    c = await addEnquiryCouncil(t.deps);
    await saveSettings(t.db.kysely, { ...DEFAULT_SETTINGS, closures: ['2026-10-14'] });
    for (const row of ROWS) {
      const enquiry = await logEnquiry(t.deps, actorFor(c.users.ann), c.users.ann, { subject: SUBJECT(row.name), details: `Resident Mrs Example reports a problem (${row.name}).`, serviceId: c.services[row.service] });
      await t.db.kysely
        .updateTable('enquiries')
        .set({ received_on: row.received, received_at: `${row.received}T09:00:00.000Z`, due_on: row.due, answered_at: row.answeredAt ?? null, status: row.status })
        .where('id', '=', enquiry.id)
        .execute();
    }
  });
  after(async () => t.close());

  it('computes the statistics as worked out by hand, and exports each table as CSV', async () => {
    const clerk = await as(c.users.clerk);
    const byService = await clerk.get('/enquiries/statistics.csv?table=by-service');
    assert.equal(byService.statusCode, 200);
    assert.match(String(byService.headers['content-type']), /^text\/csv/);
    assert.match(String(byService.headers['content-disposition']), /^attachment; filename="enquiries-by-service-2026-11-23\.csv"/);
    assert.deepEqual(csvLines(byService.body), [
      'Service,Received,Answered,Answered on time (%),Median working days to answer,Open now,Overdue now',
      'Highways,12,9,89,2,3,1',
      'Parks,1,1,0,17,0,0',
    ]);
    const byMonth = csvLines((await clerk.get('/enquiries/statistics.csv?table=by-month')).body);
    assert.equal(byMonth.length, 13);
    assert.equal(byMonth[1], 'December 2025,0,0,,');
    assert.deepEqual(byMonth.slice(-3), ['September 2026,6,6,100,2', 'October 2026,4,3,67,3', 'November 2026,3,1,0,17']);
    const byServiceMonth = csvLines((await clerk.get('/enquiries/statistics.csv?table=by-service-and-month')).body);
    assert.deepEqual(byServiceMonth.slice(1), [
      'Highways,September 2026,6,6,100,2',
      'Highways,October 2026,3,3,67,3',
      'Highways,November 2026,3,0,,',
      'Parks,October 2026,1,0,,',
      'Parks,November 2026,0,1,0,17',
    ]);
    assert.equal((await clerk.get('/enquiries/statistics.csv?table=members')).statusCode, 404);
  });

  it('draws each chart as an accessible SVG beside a table of the same figures, and every count opens its list', async () => {
    const clerk = await as(c.users.clerk);
    const page = await clerk.get('/enquiries/statistics');
    assert.equal(page.statusCode, 200);
    assert.equal([...page.body.matchAll(/<svg [^>]*role="img" aria-labelledby="(chart-[a-z-]+)-title \1-desc"/g)].length, 2);
    assert.match(page.body, /<title id="chart-months-title">Enquiries received and answered each month<\/title>/);
    assert.match(page.body, /<th scope="row" class="govuk-table__header">October 2026<\/th>\s*<td[^>]*><a[^>]*>4<\/a><\/td>\s*<td[^>]*><a[^>]*>3<\/a><\/td>\s*<td[^>]*>67%<\/td>\s*<td[^>]*>3<\/td>/);
    // Received and answered each month (24), by service (2 × 4), by service and month (5 × 2).
    assert.equal(await assertCountsLinkToTheirLists(clerk, '/enquiries/statistics'), 24 + 8 + 10);
    const answered = await clerk.get('/enquiries?view=all&answeredFrom=2026-10-01&answeredTo=2026-10-31');
    assert.match(answered.body, /Only enquiries answered between 1 October 2026 and 31 October 2026/);
    assert.match(answered.body, /Confidential matter H3/, 'answered at 23:30 UTC on 20 October, which is 21 October in London');
  });

  it('shows a manager the open and overdue enquiries of their area by service, officer and ward, each count a link', async () => {
    const head = await as(c.users.head);
    const page = await head.get('/enquiries/overview');
    assert.match(readable(page.body), /Service manager’s view/);
    assert.match(page.body, />Highways<\/th>\s*<td[^>]*><a[^>]*>3<\/a><\/td>\s*<td[^>]*><a[^>]*>1<\/a>/);
    assert.doesNotMatch(page.body, /Parks/);
    assert.equal(await assertCountsLinkToTheirLists(head, '/enquiries/overview'), 6, 'the service, its officer and the ward, open and overdue');
    const clerk = await as(c.users.clerk);
    assert.match((await clerk.get('/enquiries/overview')).body, /across the council/);
    await assertCountsLinkToTheirLists(clerk, '/enquiries/overview');
    assert.equal((await (await as(c.users.ann)).get('/enquiries/overview')).statusCode, 403, 'a member has the list of their own');
  });

  it('shows a director every service their officers work in, grouped by service', async () => {
    const { id } = await createAccount(t.deps, systemActor, { email: 'dana@riverbend.gov.uk', fullName: 'Dana Director', roles: ['officer'], password: PASSWORD, officerId: c.officers.director });
    const director = await as({ id, email: 'dana@riverbend.gov.uk', fullName: 'Dana Director', roles: ['officer'], powers: [], memberId: null, memberRecordId: null, officerId: c.officers.director, via: 'session' });
    const page = await director.get('/enquiries/overview');
    assert.match(readable(page.body), /Director’s view/);
    assert.match(page.body, />Highways<\/th>\s*<td[^>]*><a[^>]*>3<\/a><\/td>\s*<td[^>]*><a[^>]*>1<\/a>[\s\S]*Hal Head/);
    assert.equal(await assertCountsLinkToTheirLists(director, '/enquiries/overview'), 6, 'Parks has nothing open, so no row');
    assert.deepEqual(csvLines((await director.get('/enquiries/statistics.csv?table=by-service')).body).slice(1), ['Highways,12,9,89,2,3,1', 'Parks,1,1,0,17,0,0']);
  });

  it('gives an officer’s statistics only their own area, and none to an officer who manages nobody or a member', async () => {
    const head = csvLines((await (await as(c.users.head)).get('/enquiries/statistics.csv?table=by-service')).body);
    assert.deepEqual(head.slice(1), ['Highways,12,9,89,2,3,1']);
    const engineer = await as(c.users.engineer);
    assert.deepEqual(csvLines((await engineer.get('/enquiries/statistics.csv?table=by-service')).body).slice(1), [], 'her team has none');
    const assistant = await as(c.users.assistant);
    assert.equal((await assistant.get('/enquiries/statistics')).statusCode, 403);
    assert.equal((await assistant.get('/enquiries/statistics.csv?table=by-service')).statusCode, 403);
    const ann = await as(c.users.ann);
    assert.equal((await ann.get('/enquiries/statistics')).statusCode, 403);
    assert.equal((await ann.get('/enquiries/statistics.csv?table=by-month')).statusCode, 403);
  });

  it('publishes aggregates only, with counts under 5 suppressed, to anyone', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/statistics/enquiries' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /role="img"/);
    assert.match(page.body, />Highways<\/th>\s*<td[^>]*>September 2026<\/td>\s*<td[^>]*>6<\/td>\s*<td[^>]*>6<\/td>\s*<td[^>]*>100%<\/td>\s*<td[^>]*>2<\/td>/);
    assert.match(page.body, />Highways<\/th>\s*<td[^>]*>October 2026<\/td>\s*<td[^>]*>fewer than 5<\/td>\s*<td[^>]*>fewer than 5<\/td>\s*<td[^>]*>not shown: too few<\/td>/);
    const months = csvLines((await t.app.inject({ method: 'GET', url: '/statistics/enquiries.csv?table=by-service-and-month' })).body);
    assert.deepEqual(months.slice(1), [
      'Highways,September 2026,6,6,100,2',
      'Highways,October 2026,fewer than 5,fewer than 5,not shown: too few,not shown: too few',
      'Highways,November 2026,fewer than 5,fewer than 5,none answered,none answered',
      'Parks,October 2026,fewer than 5,fewer than 5,none answered,none answered',
      'Parks,November 2026,fewer than 5,fewer than 5,not shown: too few,not shown: too few',
    ]);
    const open = csvLines((await t.app.inject({ method: 'GET', url: '/statistics/enquiries.csv?table=open-by-service' })).body);
    assert.deepEqual(open.slice(1), ['Highways,fewer than 5,fewer than 5', 'Parks,fewer than 5,fewer than 5']);
    for (const body of [page.body, months.join('\n'), open.join('\n')]) {
      assert.doesNotMatch(body, /ENQ-|Mill Lane|Confidential matter|Mrs Example|Cllr|Abbott|Hal Head|Pip Parks|\/enquiries\/\d/, 'no subject, name or reference');
    }
    assert.doesNotMatch(page.body, /<a class="govuk-link" href="\/enquiries\?/, 'no links into the lists');
  });

  it('works the public figures out at most every ten minutes, says when, and gives the CSV the same figures', async () => {
    const started = t.clock.now().toISOString();
    const publicPage = async () => (await t.app.inject({ method: 'GET', url: '/statistics/enquiries' })).body;
    const openCsv = async () => csvLines((await t.app.inject({ method: 'GET', url: '/statistics/enquiries.csv?table=open-by-service' })).body);
    try {
      t.clock.advance(PUBLIC_FIGURES_EVERY_MS);
      const first = await publicPage();
      const workedOut = /worked out on ([^;]+); they are worked out again every 10 minutes/.exec(first)?.[1];
      assert.ok(workedOut, 'the page says when its figures were worked out');
      await t.db.kysely.updateTable('services').set({ name: 'Grounds' }).where('id', '=', c.services.parks).execute();
      t.clock.advance(PUBLIC_FIGURES_EVERY_MS - 1);
      assert.match(await publicPage(), />Parks</, 'the same figures within the period');
      assert.ok((await openCsv()).includes('Parks,fewer than 5,fewer than 5'), 'the CSV from the same figures');
      t.clock.advance(1);
      const later = await publicPage();
      assert.match(later, />Grounds</, 'worked out afresh once the period has passed');
      assert.doesNotMatch(later, new RegExp(`worked out on ${workedOut}`));
    } finally {
      await t.db.kysely.updateTable('services').set({ name: 'Parks' }).where('id', '=', c.services.parks).execute();
      t.clock.set(started);
    }
  });

  it('quotes CSV cells and makes a cell that a spreadsheet would run inert', async () => {
    await t.db.kysely.updateTable('services').set({ name: '=HYPERLINK("http://x"), Parks' }).where('id', '=', c.services.parks).execute();
    try {
      const csv = csvLines((await (await as(c.users.clerk)).get('/enquiries/statistics.csv?table=by-service')).body);
      assert.equal(csv[1], `"'=HYPERLINK(""http://x""), Parks",1,1,0,17,0,0`);
    } finally {
      await t.db.kysely.updateTable('services').set({ name: 'Parks' }).where('id', '=', c.services.parks).execute();
    }
  });

  it('searches the list with filters, only within what the person may see, and lists every bad filter', async () => {
    const clerk = await as(c.users.clerk);
    const found = await clerk.get('/enquiries?view=all&q=%22problem+%28H4%29%22+or+H5');
    assert.match(found.body, /<p class="govuk-body">2 enquiries/);
    assert.match(found.body, /value="&quot;problem \(H4\)&quot; or H5"/);
    const september = await clerk.get(`/enquiries?view=all&service=${c.services.highways}&receivedFrom-day=1&receivedFrom-month=9&receivedFrom-year=2026&receivedTo-day=30&receivedTo-month=9&receivedTo-year=2026`);
    assert.match(september.body, /<p class="govuk-body">6 enquiries/);
    assert.match((await clerk.get(`/enquiries?view=all&officer=${c.officers.parks}&q=problem`)).body, /<p class="govuk-body">1 enquiry/);
    const bo = await as(c.users.bo);
    assert.match((await bo.get('/enquiries?view=all&q=problem')).body, /No enquiries you can see match the search/);
    const parks = await as(c.users.parks);
    assert.match((await parks.get('/enquiries?view=all&q=problem')).body, /<p class="govuk-body">1 enquiry/);
    const bad = await clerk.get('/enquiries?view=all&officer=99999&service=abc&receivedFrom-day=31&receivedFrom-month=2&receivedFrom-year=2026&receivedTo-day=1&receivedTo-month=1&receivedTo-year=2026');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
    assert.match(bad.body, /href="#officer">Select an officer from the list/);
    assert.match(bad.body, /href="#service">Select a service from the list/);
    assert.match(bad.body, /href="#receivedFrom-day">The first date received must be a real date/);
    assert.doesNotMatch(bad.body, /Confidential matter/, 'nothing is listed under a bad filter');
    const backwards = await clerk.get('/enquiries?view=all&receivedFrom=2026-10-31&receivedTo=2026-10-01');
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /href="#receivedTo-day">The last date received must be the same as or after the first/);
  });
});
