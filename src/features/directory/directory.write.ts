// How every change to the directory is made: in one transaction that also appends its audit event, with
// input checked first so that a bad value is a ValidationError naming the field, never a database error.
import type { Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Tables } from '../../db/database.ts';
import { ValidationError, type FieldError } from '../../errors.ts';
import { appendAudit, type AuditChange } from '../audit/audit.repository.ts';
import type { Actor } from '../../actor.ts';

export type DirectoryDeps = Pick<Deps, 'db' | 'clock'>;

export async function auditedChange<T>(
  deps: DirectoryDeps,
  actor: Actor,
  work: (trx: Transaction<Tables>, at: string) => Promise<{ result: T; audit: AuditChange }>,
): Promise<T> {
  const now = deps.clock.now();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const { result, audit } = await work(trx, now.toISOString());
    await appendAudit(trx, deps.db.dialect, actor, audit, now);
    return result;
  });
}

/** Collects problems with a change, then throws them together so a form can show them all at once. */
export class Problems {
  readonly list: FieldError[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  check(ok: boolean, field: string, message: string): void {
    if (!ok) this.add(field, message);
  }
  throwIfAny(): void {
    if (this.list.length) throw new ValidationError(this.list);
  }
}
