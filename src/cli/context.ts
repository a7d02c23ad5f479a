// What a CLI command works with: the configured database (migrated), a clock and an actor for the audit trail.
import os from 'node:os';
import { loadConfig, type Config } from '../config.ts';
import { createDb, type Db } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Actor } from '../features/audit/audit.repository.ts';

export type CliContext = {
  config: Config;
  db: Db;
  clock: Clock;
  actor: Actor;
  out: (line: string) => void;
};

export async function openCliContext(env: NodeJS.ProcessEnv = process.env): Promise<CliContext> {
  const config = loadConfig(env);
  const db = createDb(config);
  await migrateToLatest(db);
  const user = env.USER ?? env.LOGNAME ?? os.userInfo().username;
  return { config, db, clock: systemClock, actor: { userId: null, label: `cli:${user}` }, out: (line) => process.stdout.write(`${line}\n`) };
}
