// Process start: configuration → database → migrations → (demo council) → listen → scheduler; graceful shutdown.
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDb } from './db/create-db.ts';
import { MigrationError, migrateToLatest } from './db/migrator.ts';
import { systemClock } from './clock.ts';
import { buildApp, redactedLogPaths } from './app.ts';
import type { Deps } from './deps.ts';
import { scheduledWork } from './features.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { scheduleOldTextReading } from './features/documents/documents.index.ts';
import { seedDemoIfEmpty } from './features/demo/demo.service.ts';
import { auditKeyFor, sessionSecretFor } from './secrets.ts';
import { useAuditKey, AuditKeyError } from './features/audit/audit-key.ts';
import { keyChainAtStart } from './features/audit/audit.rekey.ts';
import { scheduleChainHeadMail } from './features/audit/audit-checkpoint-mail.ts';
import { scheduleSignInSweep } from './features/accounts/sign-in-sweep.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, redact: redactedLogPaths });
  const db = createDb(config);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } catch (error) {
    logger.fatal(error instanceof MigrationError ? { migration: error.migration } : {}, error instanceof Error ? error.message : String(error));
    await db.destroy();
    process.exit(1);
  }
  // The audit key is set before anything is written: a chain from before keying is verified and keyed now, and
  // a chain hashed with another key stops the start rather than being appended to.
  try {
    useAuditKey(auditKeyFor(config));
    const keyed = await keyChainAtStart(db, auditKeyFor(config), systemClock.now());
    if (keyed === 'keyed') logger.info('the audit chain was verified and keyed with the audit key');
    await db.kysely.transaction().execute((trx) => scheduleChainHeadMail(trx, systemClock.now()));
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error;
    logger.fatal(error.message);
    await db.destroy();
    process.exit(1);
  }
  await db.kysely.transaction().execute((trx) => scheduleSignInSweep(trx, systemClock.now()));
  const deps: Deps = { config, db, clock: systemClock, sessionSecret: sessionSecretFor(config), logger };

  if (config.demo) {
    const seeded = await seedDemoIfEmpty(deps, config.profileId);
    if (seeded) {
      console.log(`\nNolan demo council: ${seeded.councilName} (profile ${seeded.profileId})`);
      console.log('Sign in at %s/sign-in with any of these (password for all: %s):', config.baseUrl, seeded.password);
      for (const s of seeded.signIns) console.log(`  ${s.role.padEnd(22)} ${s.email.padEnd(44)} ${s.name}`);
      console.log('');
    } else {
      console.log('The database already holds a council: demo data was not added.');
    }
  }

  const app = await buildApp(deps);
  let scheduler: Scheduler | null = null;
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    // The scheduler finishes the tick under way (a job's transaction, a message being sent) before the pool closes.
    await Promise.all([app.close(), scheduler?.stop()]);
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  // Versions stored before their words were kept at upload are read in the background, a batch at a time.
  await db.kysely.transaction().execute((trx) => scheduleOldTextReading(trx, systemClock.now()));
  scheduler = startScheduler(deps, scheduledWork);
  if (!config.smtpUrl) logger.warn('SMTP_URL is not set: mail stays in the outbox (and is logged) until it is');
  console.log(`Nolan is running at ${config.baseUrl} on ${db.dialect === 'sqlite' ? db.location : 'PostgreSQL'}`);
}

if (import.meta.main) await main();
