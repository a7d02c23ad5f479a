// `npm run edges`: the figures of the house's edges (edges-measure.ts), read from the tree as it stands.
//   --json            the figures as JSON, every list whole
//   --all             every row of every list (the text report shows the first few)
//   --max NAME=N      exit 1 when a figure is over N (repeatable); --check sets the target of every edge to zero
//   --root DIR        measure another checkout
// Without --max or --check it only reports, and exits 0.
import fs from 'node:fs';
import path from 'node:path';
import { measure, type Figures } from './edges-measure.ts';

const SHOWN = 12;

/** The figures that must reach zero once every feature has its front door and the plumbing knows no feature. */
export const targets: Record<string, number> = {
  plumbingIntoFeatures: 0,
  schedulerIntoFeatures: 0,
  mutualFeaturePairs: 0,
  deepImports: 0,
  requestCasts: 0,
};

const titles: Record<keyof Figures, string> = {
  productionFiles: 'production files read (src/**/*.ts, tests and fixtures excluded)',
  plumbingIntoFeatures: 'imports from web/ or db/ into a feature',
  schedulerIntoFeatures: 'imports from jobs/ into a feature',
  featuresImportingScheduler: 'feature files importing the scheduler',
  mutualFeaturePairs: 'pairs of features importing each other',
  deepImports: "imports into a feature past its front door (index.ts)",
  otherFeatureRoutes: "imports of a feature's *.routes.ts from outside it",
  requestCasts: 'request.(params|query|body) as … in routes files',
  sqlOutsideRepositories: 'files with SQL that are neither repositories nor in db/',
  queryRunnerTypes: 'type X = Kysely<…> | Transaction<…> declarations',
  versionedUpdates: "updates guarded by where('version', '=', …)",
  longLines: 'lines over 160 characters in src/**/*.ts, tests included',
  deadExports: 'exports that no file uses (tests, scripts and bench included)',
  featureEdges: 'feature-to-feature edges',
};

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && /\.[jt]s$/.test(rel)) files.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  // The figures are of src/; the other folders are read only to know which exports are used.
  for (const dir of ['src', 'test', 'e2e', 'scripts', 'bench', 'bin']) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return files;
}

/** The number a threshold is held against: a list's count, or the import count of the edges. */
export function figure(figures: Figures, name: string): number | undefined {
  const value = (figures as Record<string, unknown>)[name];
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    if ('count' in value && typeof value.count === 'number') return value.count;
    if ('imports' in value && typeof value.imports === 'number') return value.imports;
  }
  return undefined;
}

function report(figures: Figures, all: boolean): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(figures) as [keyof Figures, Figures[keyof Figures]][]) {
    if (typeof value === 'number') {
      lines.push(`${titles[name]}: ${value}`);
      continue;
    }
    const { list, ...rest } = value as { list?: string[] } & Record<string, unknown>;
    lines.push(`${titles[name]}: ${Object.entries(rest).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
    if (!list) continue;
    for (const row of all ? list : list.slice(0, SHOWN)) lines.push(`    ${row}`);
    if (!all && list.length > SHOWN) lines.push(`    … and ${list.length - SHOWN} more (--all shows them)`);
  }
  return lines.join('\n');
}

function main(args: string[]): number {
  const limits = new Map<string, number>();
  let root = path.resolve(import.meta.dirname, '..');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--root') root = path.resolve(args[++i] ?? '.');
    else if (arg === '--check') for (const [name, n] of Object.entries(targets)) limits.set(name, n);
    else if (arg === '--max') {
      const [name, n] = (args[++i] ?? '').split('=');
      if (!name || n === undefined || !/^\d+$/.test(n)) return usage(`--max wants NAME=N, not "${args[i] ?? ''}"`);
      limits.set(name, Number(n));
    } else if (arg !== '--json' && arg !== '--all') return usage(`unknown option ${arg}`);
  }
  const figures = measure(readTree(root));
  console.log(args.includes('--json') ? JSON.stringify(figures, null, 2) : report(figures, args.includes('--all')));
  const over: string[] = [];
  for (const [name, limit] of limits) {
    const value = figure(figures, name);
    if (value === undefined) return usage(`no figure is called ${name}`);
    if (value > limit) over.push(`${name} is ${value}, over ${limit}`);
  }
  for (const line of over) console.error(`over: ${line}`);
  return over.length ? 1 : 0;
}

function usage(problem: string): number {
  console.error(`${problem}\nusage: npm run edges -- [--json] [--all] [--root DIR] [--check] [--max NAME=N …]`);
  return 2;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
