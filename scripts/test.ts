// `npm test`: lint, type check, the suite on SQLite, the same suite on PostgreSQL, then the browser tests.
// PostgreSQL or ../shared missing: skipped with a plain message, or a failure under CI=true.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createPostgresDb } from '../src/db/create-db.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { isCi, postgresAdminUrl, postgresUrlFor } from '../test/support/engines.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];
const notes: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  console.log(`\n── ${label} ──`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function count(output: string, word: string): number {
  return [...output.matchAll(new RegExp(`^ℹ ${word} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
}

async function nodeTests(label: string, patterns: string[], env: Record<string, string>): Promise<void> {
  const { code, output } = await run(label, process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=300000', ...patterns], env);
  const passed = count(output, 'pass');
  const failed = count(output, 'fail') + count(output, 'cancelled');
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += count(output, 'skipped');
  if (code !== 0) problems.push(`${label}: ${failed || 'some'} failed (exit ${code})`);
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client(postgresAdminUrl);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Migrate once into a template; each test file then copies it (CREATE DATABASE … TEMPLATE …). */
async function withPostgresTemplate(work: (template: string) => Promise<void>): Promise<void> {
  const template = `nolan_template_${process.pid}`;
  await admin(`drop database if exists ${template}`);
  await admin(`create database ${template}`);
  const db = createPostgresDb(postgresUrlFor(template), 1);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  try {
    await work(template);
  } finally {
    await admin(`drop database if exists ${template} with (force)`);
  }
}

const unitPatterns = ['src/**/*.test.ts', 'test/**/*.test.ts'];

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`Node ${process.versions.node}${isCi ? ' (CI)' : ''}`);
  if (!fs.existsSync(path.resolve(root, '../shared'))) {
    const message = 'Tests that read ../shared were SKIPPED: ../shared is not beside this checkout.';
    if (isCi) problems.push(message.replace('were SKIPPED', 'cannot run') + ' CI must have it.');
    else notes.push(message);
  }
  if (!only || only === 'unit' || only === 'static') {
    const lint = await run('lint (eslint)', process.execPath, [bin('eslint'), '.']);
    if (lint.code !== 0) problems.push('lint failed');
    const types = await run('type check (tsc --noEmit)', process.execPath, [bin('tsc'), '--noEmit', '-p', 'tsconfig.json']);
    if (types.code !== 0) problems.push('type check failed');
  }
  if (!only || only === 'unit' || only === 'sqlite') {
    await nodeTests('tests on SQLite', unitPatterns, { NOLAN_TEST_DB: 'sqlite' });
  }
  if (!only || only === 'unit' || only === 'postgres') {
    if (await postgresReachable()) {
      await withPostgresTemplate((template) => nodeTests('tests on PostgreSQL', unitPatterns, { NOLAN_TEST_DB: 'postgres', NOLAN_TEST_PG_TEMPLATE: template }));
    } else if (isCi) {
      problems.push(`PostgreSQL is not reachable at ${postgresAdminUrl}: under CI it must be`);
    } else {
      notes.push(`PostgreSQL was SKIPPED: nothing answered at ${postgresAdminUrl} (set TEST_DATABASE_URL to point elsewhere).`);
    }
  }
  if (!only || only === 'browser') {
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (fs.existsSync(chromium)) {
      await nodeTests('browser tests (Chromium)', ['e2e/**/*.test.ts'], { NOLAN_TEST_DB: 'sqlite', CHROMIUM_PATH: chromium });
    } else if (isCi) {
      problems.push(`Chromium is missing at ${chromium}: under CI the browser tests must run`);
    } else {
      notes.push(`Browser tests were SKIPPED: no Chromium at ${chromium} (apt-get install -y chromium).`);
    }
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\n── summary (${minutes} min) ──`);
  for (const note of notes) console.log(`NOTE: ${note}`);
  for (const problem of problems) console.log(`FAILED: ${problem}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(problems.length ? 1 : 0);
}

await main();
