// Running the real `nolan` command against a test database, as a council's administrator would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TEST_AUDIT_KEY, type TestDb } from './db.ts';
import { projectRoot } from './process.ts';

export type CliResult = { status: number | null; stdout: string; stderr: string };

/** The environment that points `nolan` at this test database, on either engine. */
export function cliEnv(db: TestDb): Record<string, string> {
  return db.dialect === 'postgres' && db.url
    ? { DATABASE_URL: db.url, SESSION_SECRET: 'c'.repeat(40), AUDIT_KEY: TEST_AUDIT_KEY }
    : { DATA_DIR: path.dirname(db.location), AUDIT_KEY: TEST_AUDIT_KEY };
}

/** `env` adds to (or overrides) the test database's environment. */
export function nolan(db: TestDb, args: string[], input?: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin/nolan.js'), ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...cliEnv(db), ...env },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
