// The edge figures, counted on a small made-up house whose every figure is known by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { importsOf, measure, type SourceFiles } from '../scripts/edges-measure.ts';
import { figure } from '../scripts/edges.ts';

const lines = (...text: string[]) => text.join('\n');
const runner = 'type Q = Kysely<Tables> | Transaction<Tables>;';
const enquiries = 'src/features/enquiries';

const house: SourceFiles = new Map([
  ['src/web/views.ts', lines("import { councilName } from '../features/directory/council.repository.ts';", "import type { Nav } from './nav.ts';")],
  ['src/web/nav.ts', 'export type Nav = string;'],
  ['src/db/rows.ts', lines("import { sql } from 'kysely';", 'export const now = sql`now()`;', runner)],
  ['src/jobs/scheduler.ts', "import { deliver } from '../features/mail/outbox.service.ts';"],
  [
    `${enquiries}/enquiry.service.ts`,
    lines(
      'import {',
      '  queueMail,',
      '  type Mail,',
      "} from '../mail/outbox.service.ts';",
      "import { officers } from '../directory/index.ts';",
      "import { scheduleJob } from '../../jobs/scheduler.ts';",
      'type Q = Transaction<Tables> | Kysely<Tables>;',
      "const rows = await q.selectFrom('enquiries').selectAll().execute();",
      "await trx.updateTable('enquiries').set(set)",
      "  .where('id', '=', id).where('version', '=', version).executeTakeFirst();",
    ),
  ],
  [
    `${enquiries}/enquiries.routes.ts`,
    lines(
      "import { actorOf } from '../accounts/accounts.routes.ts';",
      "import { logEnquiry } from './enquiry.service.ts';",
      'const { id } = request.params as { id: string };',
      'const body = (request.body ?? {}) as Body;',
      'const q = request.query;',
      `// ${'x'.repeat(161)}`,
    ),
  ],
  [`${enquiries}/enquiry.repository.ts`, lines(runner, "export const all = (q: Q) => q.selectFrom('enquiries');")],
  ['src/features/mail/outbox.service.ts', lines("import { link } from '../enquiries/enquiry-link.ts';", 'sql<number>`count(*)`;')],
  ['src/features/accounts/accounts.routes.ts', 'export const actorOf = () => 1;'],
  [
    'src/features/accounts/sessions.repository.ts',
    lines('export async function deleteSessionsBefore() {}', 'export type Kept = 1;', 'export const inside = 1;', 'const n = inside;'),
  ],
  ['test/sessions.test.ts', 'type T = Kept;'],
  ['src/features/directory/index.ts', "export { officers } from './officers.repository.ts';"],
  ['src/features/directory/council.repository.ts', 'export const councilName = 1;'],
  [`${enquiries}/enquiry.fixture.ts`, lines("import { createAccount } from '../accounts/accounts.service.ts';", "db.insertInto('x');")],
  [`${enquiries}/enquiry.test.ts`, lines("import { actorOf } from '../accounts/accounts.routes.ts';", 'request.body as X;', `// ${'y'.repeat(200)}`)],
  [
    'src/app.ts',
    lines(
      "import { registerEnquiryRoutes } from './features/enquiries/enquiries.routes.ts';",
      "import { registerDirectory } from './features/directory/index.ts';",
    ),
  ],
  ['test/routes.test.ts', `// ${'z'.repeat(200)}`],
]);

describe('the edge figures', () => {
  const figures = measure(house);

  it('reads a multi-line import with its names, and resolves it from the project root', () => {
    const from = `${enquiries}/enquiry.service.ts`;
    const [first] = importsOf(from, house.get(from)!, house);
    assert.deepEqual(first, { from, to: 'src/features/mail/outbox.service.ts', names: ['queueMail', 'Mail'], line: 1 });
  });

  it('counts production files only: tests and fixtures are not production', () => {
    assert.equal(figures.productionFiles, 13);
  });

  it('finds the imports from web/ and db/ into a feature, and from jobs/ apart', () => {
    const plumbing = ['src/web/views.ts:1 -> src/features/directory/council.repository.ts'];
    assert.deepEqual(figures.plumbingIntoFeatures.list, plumbing);
    assert.deepEqual(figures.schedulerIntoFeatures.list, ['src/jobs/scheduler.ts:1 -> src/features/mail/outbox.service.ts']);
    assert.deepEqual(figures.featuresImportingScheduler.list, [`${enquiries}/enquiry.service.ts`]);
  });

  it('finds the features that import each other', () => {
    assert.equal(figures.mutualFeaturePairs.count, 1);
    assert.match(figures.mutualFeaturePairs.list[0]!, /^enquiries <-> mail /);
  });

  it('counts every import past a front door, and none through it or inside a feature', () => {
    assert.deepEqual(figures.deepImports.list, [
      'src/web/views.ts:1 -> src/features/directory/council.repository.ts',
      'src/jobs/scheduler.ts:1 -> src/features/mail/outbox.service.ts',
      'src/features/enquiries/enquiry.service.ts:1 -> src/features/mail/outbox.service.ts',
      'src/features/enquiries/enquiries.routes.ts:1 -> src/features/accounts/accounts.routes.ts',
      'src/features/mail/outbox.service.ts:1 -> src/features/enquiries/enquiry-link.ts',
      'src/app.ts:1 -> src/features/enquiries/enquiries.routes.ts',
    ]);
    assert.equal(figures.deepImports.fromFeatures, 3);
    assert.equal(figures.deepImports.fromElsewhere, 3);
  });

  it("counts imports of a feature's routes from outside it, and those for actorOf", () => {
    assert.equal(figures.otherFeatureRoutes.count, 2);
    assert.equal(figures.otherFeatureRoutes.fromFeatures, 1);
    assert.equal(figures.otherFeatureRoutes.forActorOf, 1);
  });

  it('counts feature-to-feature edges as feature pairs, file pairs and imports', () => {
    assert.deepEqual(figures.featureEdges, { featurePairs: 4, filePairs: 4, imports: 4 });
  });

  it('counts both forms of a request cast in routes files, and no plain read', () => {
    assert.deepEqual(figures.requestCasts.list, [`${enquiries}/enquiries.routes.ts:3`, `${enquiries}/enquiries.routes.ts:4`]);
    assert.equal(figures.requestCasts.files, 1);
  });

  it('finds SQL outside repositories, db/ and fixtures', () => {
    const found = [`${enquiries}/enquiry.service.ts`, 'src/features/mail/outbox.service.ts'];
    assert.deepEqual(figures.sqlOutsideRepositories.list, found);
  });

  it('finds each query-runner type in either order, and each versioned update', () => {
    assert.equal(figures.queryRunnerTypes.count, 3);
    assert.deepEqual(figures.versionedUpdates.list, [`${enquiries}/enquiry.service.ts:9`]);
  });

  it('finds the exports no other file uses and their own file uses only where it declares them', () => {
    assert.deepEqual(figures.deadExports.list, [
      'src/features/accounts/sessions.repository.ts:1 deleteSessionsBefore',
      `${enquiries}/enquiry.repository.ts:2 all`,
    ]);
  });

  it('counts long lines in src/, tests included, and nowhere else', () => {
    assert.equal(figures.longLines.count, 2);
    assert.deepEqual(figure(figures, 'longLines'), 2);
    assert.deepEqual(figure(figures, 'featureEdges'), 4);
    assert.equal(figure(figures, 'noSuchFigure'), undefined);
  });
});

describe('npm run edges', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/edges.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('reports and exits 0 when no limit is asked for', () => {
    const result = run('--json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(typeof (JSON.parse(result.stdout) as { productionFiles: unknown }).productionFiles, 'number');
  });

  it('exits 1 when a figure is over its limit, and 2 on a limit it does not know', () => {
    assert.equal(run('--max', 'productionFiles=0').status, 1);
    assert.equal(run('--max', 'noSuchFigure=0').status, 2);
  });
});
