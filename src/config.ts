// Every setting Nolan reads, from the environment, validated once at start.
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  BASE_URL: z.url('must be a URL such as https://nolan.example.gov.uk').optional(),
  NOLAN_PROFILE: z.string().regex(/^[a-z0-9-]+$/, 'must be a profile id such as model').default('model'),
  NOLAN_DEMO: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: flag.default(false),
  READ_COPIES: z.enum(['kept', 'expiring', 'none']).default('kept'),
});

/**
 * `kept`: copies of what pages read, dropped the moment anything they were made from changes, here or in another
 * instance; `expiring`: only copies that expire on their own within a minute, and no connection listening for
 * other instances' writes; `none`: every request reads everything it shows from the database.
 */
export type ReadCopies = 'kept' | 'expiring' | 'none';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  sessionSecret: string | undefined;
  /** Keys the audit chain's hashes; never stored in the database. With SQLite and none set, one is generated. */
  auditKey: string | undefined;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  baseUrl: string;
  secureCookies: boolean;
  profileId: string;
  demo: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** What is kept in memory between requests (read-cache.ts). */
  readCopies: ReadCopies;
};

export class ConfigError extends Error {}

/** Reads the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET: required when DATABASE_URL is set, so that instances agree');
  }
  if (e.DATABASE_URL && !e.AUDIT_KEY) {
    throw new ConfigError('Invalid configuration: AUDIT_KEY: required when DATABASE_URL is set, kept apart from the database it protects');
  }
  const port = e.PORT;
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST}:${port}`).replace(/\/$/, '');
  return {
    port,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    auditKey: e.AUDIT_KEY,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    profileId: e.NOLAN_PROFILE,
    demo: e.NOLAN_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    readCopies: e.READ_COPIES,
  };
}
