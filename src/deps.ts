// What every part of the process is handed: configuration, database, clock, logger.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import type { Clock } from './clock.ts';

export type Deps = {
  config: Config;
  db: Db;
  clock: Clock;
  /** The secret that signs cookies; stable across restarts and shared by instances. */
  sessionSecret: string;
  logger?: FastifyBaseLogger;
};

