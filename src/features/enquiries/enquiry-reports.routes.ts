// Reports on enquiries: the overview a manager or director works from (open and overdue by service, officer
// and ward), the statistics with their charts and CSV files, and the public statistics. Every count links to
// the list of the enquiries it counts, which the same scope and filters produce.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { access, type CurrentUser } from '../../web/access.ts';
import { barChartSvg } from '../../web/bar-chart.ts';
import { csvDisposition, toCsv, type CsvCell } from '../../web/csv.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { findOfficer } from '../directory/officers.repository.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { handledOfficerIds, listScopeFor, oversees } from './enquiry-access.ts';
import { calendarFor } from './enquiry-deadline.ts';
import { countOpen, statisticsRows, type ListScope, type OpenCount } from './enquiry-query.repository.ts';
import { listHref } from './enquiry-list-filter.ts';
import { lastTwelveMonths, monthLabel, monthRange, statisticsTally, type EnquiryStatistics, type Figures } from './enquiry-statistics.ts';
import { publicStatistics, type PublicCell } from './public-statistics.ts';
import { workedOutEvery } from '../../web/worked-out-every.ts';

/** Officers and the people who oversee enquiries; a member's own enquiries are on their list. */
export const reportAccess = access.roles('officer', 'democratic-services', 'admin');

const BLUE = '#1d70b8';
const GREEN = '#00703c';
const RED = '#d4351c';

const param = (id: number | null) => (id === null ? 'none' : String(id));
const percent = (f: Figures) => (f.onTimePercent === null ? '–' : `${f.onTimePercent}%`);
const days = (f: Figures) => (f.medianWorkingDays === null ? '–' : String(f.medianWorkingDays));

function userOf(request: FastifyRequest): CurrentUser {
  return request.user!;
}

async function overviewTitle(deps: Deps, user: CurrentUser): Promise<string> {
  if (oversees(user)) return 'Open and overdue enquiries across the council';
  const officer = user.officerId !== null ? await findOfficer(deps.db.kysely, user.officerId) : undefined;
  if (officer?.grade === 'director' || officer?.grade === 'chief-executive') return 'Director’s view: open and overdue enquiries';
  if (officer?.grade === 'head-of-service') return 'Service manager’s view: open and overdue enquiries';
  return 'Your open and overdue enquiries';
}

function groupByService(rows: OpenCount[]) {
  const services = new Map<string, { name: string; open: number; overdue: number; links: { open: string; overdue: string }; officers: { name: string; open: number; overdue: number; links: { open: string; overdue: string } }[] }>();
  for (const r of rows) {
    const service = param(r.serviceId);
    let group = services.get(service);
    if (!group) services.set(service, (group = { name: r.serviceName ?? 'No service given', open: 0, overdue: 0, links: { open: listHref({ view: 'open', service }), overdue: listHref({ view: 'overdue', service }) }, officers: [] }));
    group.open += r.open;
    group.overdue += r.overdue;
    const officer = param(r.officerId);
    group.officers.push({ name: r.officerName ?? 'Not yet assigned', open: r.open, overdue: r.overdue, links: { open: listHref({ view: 'open', service, officer }), overdue: listHref({ view: 'overdue', service, officer }) } });
  }
  return [...services.values()].sort((a, b) => (a.name === 'No service given' ? 1 : b.name === 'No service given' ? -1 : a.name.localeCompare(b.name)));
}

type Table = { header: string[]; rows: CsvCell[][] };

function statisticsTables(stats: EnquiryStatistics): Record<string, Table> {
  return {
    'by-month': {
      header: ['Month', 'Received', 'Answered', 'Answered on time (%)', 'Median working days to answer'],
      rows: stats.byMonth.map((m) => [monthLabel(m.month), m.received, m.answered, m.onTimePercent, m.medianWorkingDays]),
    },
    'by-service': {
      header: ['Service', 'Received', 'Answered', 'Answered on time (%)', 'Median working days to answer', 'Open now', 'Overdue now'],
      rows: stats.byService.map((s) => [s.serviceName, s.received, s.answered, s.onTimePercent, s.medianWorkingDays, s.open, s.overdue]),
    },
    'by-service-and-month': {
      header: ['Service', 'Month', 'Received', 'Answered', 'Answered on time (%)', 'Median working days to answer'],
      rows: stats.byServiceMonth.filter((r) => r.received || r.answered).map((r) => [r.serviceName, monthLabel(r.month), r.received, r.answered, r.onTimePercent, r.medianWorkingDays]),
    },
  };
}

function publicTables(stats: EnquiryStatistics): Record<string, Table> {
  const shown = publicStatistics(stats);
  const cell = (c: PublicCell) => c.value ?? c.text;
  return {
    'open-by-service': { header: ['Service', 'Open now', 'Overdue now'], rows: shown.services.map((s) => [s.service, cell(s.open), cell(s.overdue)]) },
    'by-service-and-month': {
      header: ['Service', 'Month', 'Received', 'Answered', 'Answered on time (%)', 'Median working days to answer'],
      rows: shown.serviceMonths.map((r) => [r.service, r.monthLabel, cell(r.received), cell(r.answered), cell(r.onTime), cell(r.median)]),
    },
  };
}

function sendCsv(reply: FastifyReply, name: string, table: Table): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', csvDisposition(name)).header('x-content-type-options', 'nosniff').send(toCsv(table.header, table.rows));
}

/** How often the public statistics are worked out afresh. */
export const PUBLIC_FIGURES_EVERY_MS = 10 * 60_000;

export function registerEnquiryReports(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const today = () => ukDate(deps.clock.now());

  async function statisticsFor(scope: ListScope): Promise<EnquiryStatistics> {
    const day = today();
    const calendar = calendarFor({ nation: (await councilSummary(q))?.nation ?? 'england-and-wales', closures: (await readSettings(q)).closures });
    const tally = statisticsTally(calendar, day);
    const first = `${lastTwelveMonths(day)[0]}-01`;
    for await (const rows of statisticsRows(q, scope, first)) for (const row of rows) tally.add(row);
    return tally.result();
  }

  /** Democratic services and administrators see the council; an officer who manages others, their own area. */
  async function statisticsScope(user: CurrentUser): Promise<ListScope> {
    if (oversees(user)) return { all: true };
    if ((await handledOfficerIds(q, user)).length < 2) throw new ForbiddenError('Enquiry statistics are for democratic services and for officers who manage others. Your own enquiries are on your list.');
    return listScopeFor(q, user);
  }

  app.get('/enquiries/overview', { config: { access: reportAccess } }, async (request, reply) => {
    const user = userOf(request);
    const scope = await listScopeFor(q, user);
    const day = today();
    const services = groupByService(await countOpen(q, scope, day, 'service-officer'));
    const wards = (await countOpen(q, scope, day, 'ward')).map((w) => ({ name: w.wardName ?? 'No ward given', open: w.open, overdue: w.overdue, links: { open: listHref({ view: 'open', ward: param(w.wardId) }), overdue: listHref({ view: 'overdue', ward: param(w.wardId) }) } }));
    return reply.page('enquiries/views/overview.njk', {
      title: await overviewTitle(deps, user),
      services,
      wards,
      totals: { open: services.reduce((n, s) => n + s.open, 0), overdue: services.reduce((n, s) => n + s.overdue, 0), links: { open: listHref({ view: 'open' }), overdue: listHref({ view: 'overdue' }) } },
    });
  });

  app.get('/enquiries/statistics', { config: { access: reportAccess } }, async (request, reply) => {
    const user = userOf(request);
    const stats = await statisticsFor(await statisticsScope(user));
    const period = { from: monthRange(stats.months[0]!).from, to: monthRange(stats.months.at(-1)!).to };
    return reply.page('enquiries/views/statistics.njk', {
      title: 'Enquiry statistics',
      scopeText: oversees(user) ? 'every enquiry in the council' : 'the enquiries of the officers you manage, and your own',
      period: { from: monthLabel(stats.months[0]!), to: monthLabel(stats.months.at(-1)!) },
      monthChart: barChartSvg({
        id: 'chart-months',
        title: 'Enquiries received and answered each month',
        description: 'A bar chart of enquiries received and answered in each of the last twelve months. The table beside it gives the same figures.',
        categories: stats.byMonth.map((m) => monthLabel(m.month, true)),
        series: [
          { name: 'Received', colour: BLUE, values: stats.byMonth.map((m) => m.received) },
          { name: 'Answered', colour: GREEN, values: stats.byMonth.map((m) => m.answered) },
        ],
      }),
      serviceChart: barChartSvg({
        id: 'chart-services',
        title: 'Enquiries open and overdue now, by service',
        description: 'A bar chart of enquiries open and overdue today in each service. The table beside it gives the same figures.',
        categories: stats.byService.map((s) => s.serviceName),
        series: [
          { name: 'Open', colour: BLUE, values: stats.byService.map((s) => s.open) },
          { name: 'Overdue', colour: RED, values: stats.byService.map((s) => s.overdue) },
        ],
      }),
      byMonth: stats.byMonth.map((m) => {
        const { from, to } = monthRange(m.month);
        return { ...m, label: monthLabel(m.month), percent: percent(m), days: days(m), links: { received: listHref({ view: 'all', receivedFrom: from, receivedTo: to }), answered: listHref({ view: 'all', answeredFrom: from, answeredTo: to }) } };
      }),
      byService: stats.byService.map((s) => {
        const service = param(s.serviceId);
        const links = {
          received: listHref({ view: 'all', service, receivedFrom: period.from, receivedTo: period.to }),
          answered: listHref({ view: 'all', service, answeredFrom: period.from, answeredTo: period.to }),
          open: listHref({ view: 'open', service }),
          overdue: listHref({ view: 'overdue', service }),
        };
        return { ...s, percent: percent(s), days: days(s), links };
      }),
      byServiceMonth: stats.byServiceMonth
        .filter((r) => r.received || r.answered)
        .map((r) => {
          const { from, to } = monthRange(r.month);
          const service = param(r.serviceId);
          return { ...r, label: monthLabel(r.month), percent: percent(r), days: days(r), links: { received: listHref({ view: 'all', service, receivedFrom: from, receivedTo: to }), answered: listHref({ view: 'all', service, answeredFrom: from, answeredTo: to }) } };
        }),
    });
  });

  app.get('/enquiries/statistics.csv', { config: { access: reportAccess } }, async (request, reply) => {
    const name = String((request.query as Record<string, unknown>).table ?? '');
    const table = statisticsTables(await statisticsFor(await statisticsScope(userOf(request))))[name];
    if (!table) throw new NotFoundError('Table');
    return sendCsv(reply, `enquiries-${name}-${today()}`, table);
  });

  // Anyone may ask for the public figures, and over a large council they take seconds to work out: they are
  // worked out at most every few minutes and shared, and the page says when.
  const publicFigures = workedOutEvery(deps.clock, PUBLIC_FIGURES_EVERY_MS, () => statisticsFor({ all: true }));

  app.get('/statistics/enquiries', { config: { access: access.public } }, async (_request, reply) => {
    const { value: stats, at } = await publicFigures();
    const shown = publicStatistics(stats);
    return reply.page('enquiries/views/public-statistics.njk', {
      title: 'Councillors’ enquiries: statistics',
      workedOut: { at: at.toISOString(), everyMinutes: PUBLIC_FIGURES_EVERY_MS / 60_000 },
      period: { from: monthLabel(stats.months[0]!), to: monthLabel(stats.months.at(-1)!) },
      chart: barChartSvg({
        id: 'chart-public-services',
        title: 'Enquiries open and overdue now, by service',
        description: 'A bar chart of enquiries open and overdue today in each service. Counts under 5 are not drawn. The table beside it gives the same figures.',
        categories: shown.services.map((s) => s.service),
        series: [
          { name: 'Open', colour: BLUE, values: shown.services.map((s) => s.open.value) },
          { name: 'Overdue', colour: RED, values: shown.services.map((s) => s.overdue.value) },
        ],
      }),
      services: shown.services,
      serviceMonths: shown.serviceMonths,
    });
  });

  app.get('/statistics/enquiries.csv', { config: { access: access.public } }, async (request, reply) => {
    const name = String((request.query as Record<string, unknown>).table ?? '');
    const table = publicTables((await publicFigures()).value)[name];
    if (!table) throw new NotFoundError('Table');
    return sendCsv(reply, `enquiry-statistics-${name}-${today()}`, table);
  });
}
