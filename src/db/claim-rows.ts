// Claiming due rows (mail to send, jobs to run) so that two instances never take the same one. PostgreSQL locks
// the due rows with SELECT … FOR UPDATE SKIP LOCKED, so a second instance passes over them, then marks them in
// the same transaction; SQLite has one writer at a time, so a single UPDATE over the due ids is already atomic.
import type { Kysely, Selectable, SelectQueryBuilder, Transaction, UpdateObject } from 'kysely';
import type { Db } from './create-db.ts';
import type { Tables } from './database.ts';

type Q = Kysely<Tables> | Transaction<Tables>;
type Claimable = 'outbox' | 'jobs';

/** Marks the rows `due` selects with `changes` and returns them as changed, each claimed by this call alone. */
export async function claimRows<T extends Claimable>(
  db: Db,
  table: T,
  due: (q: Q) => SelectQueryBuilder<Tables, T, { id: number }>,
  changes: UpdateObject<Tables, T>,
): Promise<Selectable<Tables[T]>[]> {
  // The two tables differ only in their other columns; Kysely cannot follow a table chosen by a type parameter.
  const claim = (q: Q, ids: number[] | SelectQueryBuilder<Tables, T, { id: number }>) =>
    (q as unknown as Kysely<Record<Claimable, { id: number }>>)
      .updateTable(table as Claimable)
      .set(changes as never)
      .where('id', 'in', ids as never)
      .returningAll()
      .execute() as unknown as Promise<Selectable<Tables[T]>[]>;
  if (db.dialect === 'postgres') {
    return db.kysely.transaction().execute(async (trx) => {
      const ids = (await due(trx).forUpdate().skipLocked().execute()).map((r) => r.id);
      return ids.length ? claim(trx, ids) : [];
    });
  }
  return claim(db.kysely, due(db.kysely));
}
