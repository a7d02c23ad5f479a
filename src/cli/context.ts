// What a CLI command works with: the configured database (migrated), a clock and an actor for the audit trail.
import os from 'node:os';
import { loadConfig, type Config } from '../config.ts';
import { createDb, type Db } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Actor } from '../actor.ts';
import { useAuditKey } from '../features/audit/audit-key.ts';
import { keyChainAtStart } from '../features/audit/audit.rekey.ts';
import { auditKeyFor } from '../secrets.ts';

export type CliContext = {
  config: Config;
  db: Db;
  clock: Clock;
  actor: Actor;
  out: (line: string) => void;
  /** The environment the command was run with (the new audit key may come from it). */
  env?: NodeJS.ProcessEnv;
};

export async function openCliContext(env: NodeJS.ProcessEnv = process.env): Promise<CliContext> {
  const config = loadConfig(env);
  const db = createDb(config);
  await migrateToLatest(db);
  // As at start: the key is set before any command writes, and a chain from before keying is keyed first.
  const key = auditKeyFor(config);
  useAuditKey(key);
  await keyChainAtStart(db, key, systemClock.now());
  const user = env.USER ?? env.LOGNAME ?? os.userInfo().username;
  return { config, db, clock: systemClock, actor: { userId: null, label: `cli:${user}` }, out: (line) => process.stdout.write(`${line}\n`), env };
}
