// nolan backup <file> | nolan restore <file>: the whole database to one file and back, on either engine.
import fs from 'node:fs';
import { writeBackup } from '../features/backup/backup.service.ts';
import { BackupRefused } from '../features/backup/backup.format.ts';
import { restoreBackup } from '../features/backup/restore.service.ts';
import { describeVerification, verifyChain } from '../features/audit/audit.verify.ts';
import { readKeyFingerprint } from '../features/audit/audit.repository.ts';
import { auditKey, keyFingerprint } from '../features/audit/audit-key.ts';
import type { CliContext } from './context.ts';
import { parseOptions, UsageError } from './usage.ts';

export const backupCommand = {
  summary: 'write every table to a file: nolan backup <file[.gz]> [--force]',
  async run(args: string[], context: CliContext): Promise<number> {
    const { values, positionals } = parseOptions(args, { force: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('give one file to write, for example nolan backup nolan-2026-11-23.jsonl.gz');
    const file = positionals[0]!;
    if (fs.existsSync(file) && !values.force) throw new UsageError(`${file} already exists; choose a new name, or add --force to replace it`);
    let summary;
    try {
      summary = await writeBackup(context, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') throw new UsageError(`cannot write ${file} (${code})`);
      throw error;
    }
    context.out(`Backed up ${summary.rows} rows from ${summary.tables} tables to ${file} (migration ${summary.migration}${summary.gzip ? ', gzipped' : ''})`);
    return 0;
  },
};

export const restoreCommand = {
  summary: 'restore a backup into a new, empty database: nolan restore <file>',
  async run(args: string[], context: CliContext): Promise<number> {
    const { positionals } = parseOptions(args, {});
    if (positionals.length !== 1) throw new UsageError('give one backup file to restore');
    const file = positionals[0]!;
    try {
      const summary = await restoreBackup(context, file);
      context.out(`Restored ${summary.rows} rows in ${summary.tables} tables from ${file} (taken ${summary.header.createdAt} on ${summary.header.engine})`);
    } catch (error) {
      if (error instanceof BackupRefused) throw new UsageError(error.message);
      throw error;
    }
    // The chain keeps the key it was hashed with: this install must use the same AUDIT_KEY, or re-key it.
    if ((await readKeyFingerprint(context.db.kysely)) !== keyFingerprint(auditKey())) {
      context.out('Audit chain not checked: it is hashed with another audit key than this AUDIT_KEY. Start Nolan with the AUDIT_KEY of the install the backup came from, or re-key the chain to this one: AUDIT_KEY=<that key> NEW_AUDIT_KEY=<this key> nolan audit rekey');
      return 1;
    }
    const verification = await verifyChain(context.db.kysely);
    context.out(`Audit ${describeVerification(verification)}`);
    return verification.intact ? 0 : 1;
  },
};
