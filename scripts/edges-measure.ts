// The figures of the house's edges, counted from the source text alone: which room imports which, where SQL is
// written, where a request is cast instead of validated. Pure functions over a map of path -> text, so a test
// can hand them a few made-up files; scripts/edges.ts reads the tree and prints them.
import path from 'node:path';

/** Paths from the project root, with forward slashes, mapped to the file's text. */
export type SourceFiles = ReadonlyMap<string, string>;

/** One import or re-export statement. `to` is a project path for a relative import, else the bare specifier. */
export type Import = { from: string; to: string; names: string[]; line: number };

export type Listed = { count: number; list: string[] };

export type Figures = {
  productionFiles: number;
  plumbingIntoFeatures: Listed;
  schedulerIntoFeatures: Listed;
  featuresImportingScheduler: Listed;
  mutualFeaturePairs: Listed;
  deepImports: Listed & { fromFeatures: number; fromElsewhere: number };
  otherFeatureRoutes: Listed & { fromFeatures: number; forActorOf: number };
  requestCasts: Listed & { files: number };
  sqlOutsideRepositories: Listed;
  queryRunnerTypes: Listed;
  versionedUpdates: Listed;
  longLines: Listed & { limit: number };
  deadExports: Listed;
  featureEdges: { featurePairs: number; filePairs: number; imports: number };
};

export const LONG_LINE = 160;

const STATIC_IMPORT = /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:([\w*${}\s,]+?)\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const QUERY_BUILDER = /\.(?:selectFrom|insertInto|updateTable|deleteFrom)\s*\(|\bsql(?:<[^>`]*>)?`/;
// `request.body as X`, and `(request.body ?? {}) as X`, which casts the same.
const REQUEST_CAST = /\brequest\.(?:params|query|body)(?:\s*\?\?\s*\{\s*\})?\)?\s+as\b/g;
const QUERY_RUNNER_TYPE =
  /\btype\s+\w+\s*=\s*(?:Kysely<\w+>\s*\|\s*Transaction<\w+>|Transaction<\w+>\s*\|\s*Kysely<\w+>)/g;

/** Tests, and the fixtures and support that only tests import. */
export const isTest = (file: string): boolean => /\.(?:test|fixture|test-support)\.ts$/.test(file);
/** Production code: what runs in the service, under src/, tests and their fixtures excluded. */
export const isProduction = (file: string): boolean => file.startsWith('src/') && file.endsWith('.ts') && !isTest(file);
export const isRepository = (file: string): boolean => file.endsWith('.repository.ts');
export const isRoutes = (file: string): boolean => file.endsWith('.routes.ts');

/** The feature a path belongs to (`src/features/<x>/…`), or undefined outside the features. */
export function featureOf(file: string): string | undefined {
  return /^src\/features\/([^/]+)\//.exec(file)?.[1];
}

/** A feature's front door: the one file other rooms may import. */
export const frontDoor = (feature: string): string => `src/features/${feature}/index.ts`;

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

function resolve(from: string, specifier: string, files: SourceFiles): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (files.has(target) || target.endsWith('.ts')) return target;
  for (const guess of [`${target}.ts`, `${target}/index.ts`]) if (files.has(guess)) return guess;
  return target;
}

function namesIn(clause: string | undefined): string[] {
  if (!clause) return [];
  return clause
    .replace(/[{}]/g, ',')
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((part) => part.split(/\s+as\s+/)[0]!.trim());
}

/** The imports and re-exports of one file, static and dynamic, in the order they appear. */
export function importsOf(file: string, text: string, files: SourceFiles): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(STATIC_IMPORT)) {
    found.push({ from: file, to: resolve(file, m[2]!, files), names: namesIn(m[1]), line: lineAt(text, m.index) });
  }
  for (const m of text.matchAll(DYNAMIC_IMPORT)) {
    found.push({ from: file, to: resolve(file, m[1]!, files), names: [], line: lineAt(text, m.index) });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Every import of every production file. */
export function productionImports(files: SourceFiles): Import[] {
  return [...files].filter(([file]) => isProduction(file)).flatMap(([file, text]) => importsOf(file, text, files));
}

const arrow = (i: Import): string => `${i.from}:${i.line} -> ${i.to}`;
const listed = (list: string[]): Listed => ({ count: list.length, list });

/** Imports from the plumbing folders (web/, db/ by default) into any feature. */
export function plumbingIntoFeatures(imports: Import[], folders = ['src/web/', 'src/db/']): Listed {
  return listed(imports.filter((i) => folders.some((f) => i.from.startsWith(f)) && featureOf(i.to)).map(arrow));
}

/** Feature pairs that import each other, each with one import of either side as the evidence. */
export function mutualFeaturePairs(imports: Import[]): Listed {
  const between = new Map<string, Import>();
  for (const i of imports) {
    const a = featureOf(i.from);
    const b = featureOf(i.to);
    if (a && b && a !== b && !between.has(`${a}>${b}`)) between.set(`${a}>${b}`, i);
  }
  const pairs: string[] = [];
  for (const [key, there] of between) {
    const [a, b] = key.split('>') as [string, string];
    const back = between.get(`${b}>${a}`);
    if (back && a < b) pairs.push(`${a} <-> ${b} (${arrow(there)}; ${arrow(back)})`);
  }
  return listed(pairs.sort());
}

/** Imports into a feature, from outside it, of anything but its front door. */
export function deepImports(imports: Import[]): Figures['deepImports'] {
  const deep = imports.filter((i) => {
    const target = featureOf(i.to);
    return target !== undefined && featureOf(i.from) !== target && i.to !== frontDoor(target);
  });
  const fromFeatures = deep.filter((i) => featureOf(i.from) !== undefined).length;
  return { ...listed(deep.map(arrow)), fromFeatures, fromElsewhere: deep.length - fromFeatures };
}

/** Imports, from outside a feature, of its routes files: routes are a page's business, not a library. */
export function otherFeatureRoutes(imports: Import[]): Figures['otherFeatureRoutes'] {
  const reaching = imports.filter((i) => isRoutes(i.to) && featureOf(i.to) && featureOf(i.from) !== featureOf(i.to));
  return {
    ...listed(reaching.map((i) => `${arrow(i)} {${i.names.join(', ')}}`)),
    fromFeatures: reaching.filter((i) => featureOf(i.from)).length,
    forActorOf: reaching.filter((i) => i.names.includes('actorOf')).length,
  };
}

/** Feature-to-feature edges: distinct feature pairs, distinct file pairs, and import statements. */
export function featureEdges(imports: Import[]): Figures['featureEdges'] {
  const across = imports.filter((i) => featureOf(i.from) && featureOf(i.to) && featureOf(i.from) !== featureOf(i.to));
  return {
    featurePairs: new Set(across.map((i) => `${featureOf(i.from)}>${featureOf(i.to)}`)).size,
    filePairs: new Set(across.map((i) => `${i.from}>${i.to}`)).size,
    imports: across.length,
  };
}

function matchesIn(files: SourceFiles, pattern: RegExp, keep: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    if (!keep(file)) continue;
    for (const m of text.matchAll(pattern)) found.push(`${file}:${lineAt(text, m.index)}`);
  }
  return found.sort();
}

/** `request.params|query|body as …` in routes files: a cast where a schema should validate. */
export function requestCasts(files: SourceFiles): Figures['requestCasts'] {
  const list = matchesIn(files, REQUEST_CAST, (f) => isProduction(f) && isRoutes(f));
  return { ...listed(list), files: new Set(list.map((at) => at.split(':')[0])).size };
}

/** Production files that build queries or write raw SQL, other than repositories and db/ (the database's own room). */
export function sqlOutsideRepositories(files: SourceFiles): Listed {
  const keep = (f: string) => isProduction(f) && !isRepository(f) && !f.startsWith('src/db/');
  const found = [...files].filter(([file, text]) => keep(file) && QUERY_BUILDER.test(text));
  return listed(found.map(([file]) => file).sort());
}

/** Type aliases for "a database or a transaction", each file writing its own. */
export function queryRunnerTypes(files: SourceFiles): Listed {
  return listed(matchesIn(files, QUERY_RUNNER_TYPE, isProduction));
}

/** Statements that update a table only where its version is still the one read: the optimistic write. */
export function versionedUpdates(files: SourceFiles): Listed {
  const found: string[] = [];
  for (const [file, text] of files) {
    if (!isProduction(file)) continue;
    let offset = 0;
    for (const statement of text.split(';')) {
      if (/\.updateTable\s*\(/.test(statement) && /\.where\(\s*'version'\s*,\s*'='/.test(statement)) {
        found.push(`${file}:${lineAt(text, offset + statement.search(/\.updateTable/))}`);
      }
      offset += statement.length + 1;
    }
  }
  return listed(found.sort());
}

/** Lines longer than the limit in every TypeScript file under src/, tests included. */
export function longLines(files: SourceFiles, limit = LONG_LINE): Figures['longLines'] {
  const counts: string[] = [];
  let count = 0;
  for (const [file, text] of files) {
    if (!file.startsWith('src/') || !file.endsWith('.ts')) continue;
    const over = text.split('\n').filter((line) => line.length > limit).length;
    if (over) counts.push(`${file}: ${over}`);
    count += over;
  }
  return { count, limit, list: counts.sort() };
}

const EXPORTED = /^export\s+(?:async\s+)?(?:function\*?|const|let|class|type|interface)\s+([A-Za-z_$][\w$]*)/gm;
const escaped = (name: string) => name.replace(/\$/g, '\\$');

/**
 * Names a production file exports that no other file (tests included) mentions and that the file itself uses
 * nowhere but in their declaration: code that nothing runs. Read by name, so a name that another file happens
 * to spell is taken as used.
 */
export function deadExports(files: SourceFiles): Listed {
  const dead: string[] = [];
  for (const [file, text] of files) {
    if (!isProduction(file)) continue;
    for (const m of text.matchAll(EXPORTED)) {
      const name = new RegExp(`(?<![\\w$.])${escaped(m[1]!)}(?![\\w$])`, 'g');
      if ((text.match(name) ?? []).length > 1) continue;
      if (![...files].some(([other, body]) => other !== file && body.search(name) >= 0)) dead.push(`${file}:${lineAt(text, m.index)} ${m[1]!}`);
    }
  }
  return listed(dead.sort());
}

/** Every figure, for the files given. */
export function measure(files: SourceFiles): Figures {
  const imports = productionImports(files);
  const schedulerUsers = imports.filter((i) => i.to === 'src/jobs/scheduler.ts' && featureOf(i.from)).map((i) => i.from);
  return {
    productionFiles: [...files.keys()].filter(isProduction).length,
    plumbingIntoFeatures: plumbingIntoFeatures(imports),
    schedulerIntoFeatures: plumbingIntoFeatures(imports, ['src/jobs/']),
    featuresImportingScheduler: listed([...new Set(schedulerUsers)].sort()),
    mutualFeaturePairs: mutualFeaturePairs(imports),
    deepImports: deepImports(imports),
    otherFeatureRoutes: otherFeatureRoutes(imports),
    requestCasts: requestCasts(files),
    sqlOutsideRepositories: sqlOutsideRepositories(files),
    queryRunnerTypes: queryRunnerTypes(files),
    versionedUpdates: versionedUpdates(files),
    longLines: longLines(files),
    deadExports: deadExports(files),
    featureEdges: featureEdges(imports),
  };
}
