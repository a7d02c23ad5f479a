// The secrets Nolan keeps out of its database: the session secret (signs cookies) and the audit key (keys the
// audit chain). From the environment; with SQLite and none set, generated once into DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';

/** A secret generated once and kept in DATA_DIR, beside the SQLite database, readable by its owner alone. */
function secretInDataDir(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** With SQLite and no SESSION_SECRET, a secret is generated once and kept beside the database. */
export function sessionSecretFor(config: Config): string {
  return config.sessionSecret ?? secretInDataDir(config.dataDir, 'session-secret');
}

/** With SQLite and no AUDIT_KEY, a key is generated once and kept beside the database (back it up apart from it). */
export function auditKeyFor(config: Config): string {
  return config.auditKey ?? secretInDataDir(config.dataDir, 'audit-key');
}
