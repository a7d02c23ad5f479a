import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { freePort, projectRoot, servingCommand, startNolan, waitForOutput } from './support/process.ts';
import { createTestDb } from './support/db.ts';
import { testEngine } from './support/engines.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-start-'));

describe('starting Nolan', () => {
  it('starts the demo exactly as it serves, with the memory settings of serving', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(scripts.start, `NOLAN_DEMO=1 ${scripts.serve}`);
    const serving = servingCommand();
    assert.equal(serving.script, 'src/main.ts');
    assert.equal(serving.env.MALLOC_ARENA_MAX, '2');
    assert.equal(serving.env.MALLOC_MMAP_THRESHOLD_, '65536');
    assert.equal(serving.env.MALLOC_TRIM_THRESHOLD_, '131072');
    assert.equal(serving.env.NODE_COMPILE_CACHE, 'node_modules/.cache/nolan-compile');
    assert.ok(serving.nodeFlags.some((flag) => /^--max-semi-space-size=\d+$/.test(flag)), serving.nodeFlags.join(' '));
    assert.ok(serving.nodeFlags.some((flag) => /^--max-old-space-size=\d+$/.test(flag)), serving.nodeFlags.join(' '));
    assert.ok(serving.nodeFlags.includes('--no-allocation-site-pretenuring'), serving.nodeFlags.join(' '));
    assert.ok(serving.nodeFlags.includes('--memory-saver-mode'), serving.nodeFlags.join(' '));
  });

  it('refuses to start with a bad setting, naming it, exit 2', async () => {
    const started = startNolan({ DATA_DIR: tempDir(), PORT: 'eighty' });
    assert.equal(await started.exited, 2);
    assert.match(started.output(), /PORT/);
  });

  it('serves on its database, answers /health, and shuts down cleanly on SIGTERM', async () => {
    const port = freePort();
    const db = testEngine === 'postgres' ? await createTestDb() : undefined;
    const dataDir = tempDir();
    const env: Record<string, string> = { DATA_DIR: dataDir, PORT: String(port) };
    if (db?.url) Object.assign(env, { DATABASE_URL: db.url, SESSION_SECRET: 's'.repeat(40), AUDIT_KEY: 'k'.repeat(40) });
    const started = startNolan(env);
    try {
      await waitForOutput(started, /Nolan is running/);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', database: testEngine });
      const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`);
      assert.equal(signIn.status, 200);
      if (!db) assert.ok(fs.existsSync(path.join(dataDir, 'session-secret')), 'a session secret is generated beside the SQLite file');
      if (!db) assert.ok(fs.existsSync(path.join(dataDir, 'audit-key')), 'so is the audit key');
    } finally {
      started.child.kill('SIGTERM');
      assert.equal(await started.exited, 0);
      await db?.drop();
    }
    // Node keeps the compiled modules for the next start where serving told it to.
    const cache = path.join(projectRoot, servingCommand().env.NODE_COMPILE_CACHE!);
    assert.ok(fs.readdirSync(cache, { recursive: true }).length > 0, `compiled modules are kept in ${cache}`);
  });

  it('stops with the name of a migration that fails', async () => {
    const dataDir = tempDir();
    const file = new DatabaseSync(path.join(dataDir, 'nolan.sqlite'));
    file.exec('create table council (id integer primary key)');
    file.close();
    const started = startNolan({ DATA_DIR: dataDir, PORT: String(freePort()) });
    assert.equal(await started.exited, 1);
    assert.match(started.output(), /0001_foundation/);
  });
});
