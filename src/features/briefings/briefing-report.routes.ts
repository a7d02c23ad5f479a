// The even-handedness report for the Chief Executive and the Monitoring Officer: per group over a period, with
// server-drawn charts, a table of the same figures whose every count opens the list it counts, and CSV.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import { NotFoundError } from '../../errors.ts';
import { barChartSvg } from '../../web/bar-chart.ts';
import { csvDisposition, toCsv } from '../../web/csv.ts';
import { formErrors } from '../../web/forms.ts';
import { formatDate } from '../../web/format.ts';
import { councilSummary } from '../directory/council.repository.ts';
import { readFilters } from '../../web/params.ts';
import { listGroups } from '../directory/groups.repository.ts';
import { findFullProfile } from '../../protocol/profiles/index.ts';
import { oversightAccess } from './briefing-access.ts';
import { briefingTallies, listOffers, offerTallies } from './briefing.repository.ts';
import { evenHandedness, lastYearTo, type GroupFigures } from './briefing-report.ts';
import { OFFER_STATUSES } from './briefing.types.ts';
import { offerTag } from './briefing.view.ts';
import { LARGEST_INTEGER } from '../../web/stored-integer.ts';
import { text } from '../../web/text.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const day = (label: string) => text(label).regex(/^\d{4}-\d{2}-\d{2}$/, 'Give dates as 2026-04-01').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Give a real date');
const periodQuery = z.object({ from: z.preprocess(blank, day('From').optional()), to: z.preprocess(blank, day('To').optional()) });
const offersQuery = periodQuery.extend({
  group: z.preprocess(blank, z.coerce.number({ error: 'Select a group' }).int().positive().max(LARGEST_INTEGER).optional()),
  status: z.preprocess(blank, z.enum(OFFER_STATUSES, { error: 'Select a status' }).optional()),
  inNoGroup: z.preprocess(blank, z.literal('yes').optional()),
});

const BLUE = '#1d70b8';
const GREEN = '#00703c';
const RED = '#d4351c';
const PURPLE = '#4c2c92';

function href(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]): [string, string] => [k, String(v)])).toString();
  return `${path}${query ? `?${query}` : ''}`;
}

const HEADER = ['Group', 'Briefings requested', 'Held', 'Declined', 'Offers made', 'Offers taken up', 'Offers declined', 'Offers lapsed', 'Officer hours', 'Share of officer hours (%)'];
const csvRow = (g: GroupFigures) => [g.name, g.requested, g.held, g.declined, g.offersMade, g.offersTaken, g.offersDeclined, g.offersLapsed, g.hours, g.hoursShare];

export function registerBriefingReport(app: FastifyInstance, deps: Deps): void {
  const q = deps.db.kysely;
  const config = { config: { access: oversightAccess } };

  async function reportFor(request: FastifyRequest) {
    const { values, problems } = readFilters(periodQuery, request.query);
    const fallback = lastYearTo(ukDate(deps.clock.now()));
    const period = { from: values.from ?? fallback.from, to: values.to ?? fallback.to };
    if (period.from > period.to) problems.push({ field: 'from', message: 'The start of the period must be on or before its end' });
    const groups = await listGroups(q);
    const [briefings, offers] = problems.length ? [[], []] : await Promise.all([briefingTallies(q, period.from, period.to), offerTallies(q, period.from, period.to)]);
    return { period, problems, report: evenHandedness(groups, briefings, offers) };
  }

  app.get('/briefings/report', config, async (request, reply) => {
    const { period, problems, report } = await reportFor(request);
    const profileId = (await councilSummary(q))?.profileId ?? deps.config.profileId;
    const includesLoners = findFullProfile(profileId)?.rules.find((r) => r.duties?.includes('include-members-in-no-group'));
    const list = (g: GroupFigures, extra: Record<string, string>) => href('/briefings', { group: g.groupId ?? undefined, from: period.from, to: period.to, ...extra });
    const offerList = (g: GroupFigures, extra: Record<string, string>) => href('/briefings/offers', { ...(g.groupId === null ? { inNoGroup: 'yes' } : { group: g.groupId }), from: period.from, to: period.to, ...extra });
    const row = (g: GroupFigures) => ({
      ...g,
      links: { requested: list(g, {}), held: list(g, { status: 'held' }), declined: list(g, { status: 'declined' }), offersMade: offerList(g, {}), offersTaken: offerList(g, { status: 'accepted' }) },
      shareText: g.hoursShare === null ? '–' : `${g.hoursShare}%`,
      servedTag: g.served === 'more' ? { text: 'Served more', classes: 'govuk-tag--orange' } : g.served === 'less' ? { text: 'Served less', classes: 'govuk-tag--yellow' } : null,
    });
    const names = report.groups.map((g) => g.name);
    return reply.code(problems.length ? 400 : 200).page('briefings/views/report.njk', {
      title: 'Party group briefings: even-handedness',
      period,
      periodText: `${formatDate(period.from)} to ${formatDate(period.to)}`,
      rows: report.groups.map(row),
      noGroup: row(report.noGroup),
      totalHours: report.totalHours,
      equalShare: report.groups.length ? Math.round(1000 / report.groups.length) / 10 : 0,
      lonersText: includesLoners
        ? `Under clause ${includesLoners.clauses.join(', ')}, members in no group are told of briefings and offered the same session as the groups are.`
        : 'The council’s protocol speaks of party groups only, so members in no group are sent no notices or offers. They are shown here so that the gap can be seen.',
      countsChart: barChartSvg({
        id: 'chart-briefings',
        title: 'Briefings requested, held and declined, by group',
        description: 'A bar chart of the briefings each group asked for, and how many were held and declined, in the period. The table below gives the same figures.',
        categories: names,
        series: [
          { name: 'Requested', colour: BLUE, values: report.groups.map((g) => g.requested) },
          { name: 'Held', colour: GREEN, values: report.groups.map((g) => g.held) },
          { name: 'Declined', colour: RED, values: report.groups.map((g) => g.declined) },
        ],
      }),
      hoursChart: barChartSvg({
        id: 'chart-hours',
        title: 'Officer hours at each group’s briefings',
        description: 'A bar chart of the hours officers spent briefing each group in the period. The table below gives the same figures.',
        categories: names,
        series: [{ name: 'Officer hours', colour: PURPLE, values: report.groups.map((g) => g.hours) }],
      }),
      values: { from: period.from, to: period.to },
      errors: problems.length ? formErrors(problems) : undefined,
    });
  });

  app.get('/briefings/report.csv', config, async (request, reply: FastifyReply) => {
    const { period, problems, report } = await reportFor(request);
    if (problems.length) throw new NotFoundError('Report');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', csvDisposition(`briefings-even-handedness-${period.from}-to-${period.to}`))
      .header('x-content-type-options', 'nosniff')
      .send(toCsv(HEADER, [...report.groups, report.noGroup].map(csvRow)));
  });

  app.get('/briefings/offers', config, async (request, reply) => {
    const { values, problems } = readFilters(offersQuery, request.query);
    const offers = problems.length ? [] : await listOffers(q, { groupId: values.group, status: values.status, from: values.from, to: values.to, inNoGroup: values.inNoGroup === 'yes' });
    return reply.code(problems.length ? 400 : 200).page('briefings/views/offers.njk', {
      title: 'Identical sessions offered',
      offers: offers.map((o) => ({ ...o, tag: offerTag(o) })),
      errors: problems.length ? formErrors(problems) : undefined,
    });
  });
}
