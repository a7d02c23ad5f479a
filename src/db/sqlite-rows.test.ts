// SQLite rows come back as plain objects named by their columns, whatever the statement, read whole or streamed.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { rowMaker, sqliteAdapter } from './create-db.ts';

function adapter() {
  const database = new DatabaseSync(':memory:');
  database.exec("create table t (id integer primary key, name text, note text); insert into t values (1, 'Ann', null), (2, 'O''Brien \"Bob\"', 'x');");
  return sqliteAdapter(database);
}

it('reads rows as plain objects with every column, nulls and quotes included', () => {
  const rows = adapter().prepare('select id, name, note from t order by id').all([]);
  assert.deepEqual(rows, [
    { id: 1, name: 'Ann', note: null },
    { id: 2, name: 'O\'Brien "Bob"', note: 'x' },
  ]);
  assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype);
  assert.equal(JSON.stringify(rows[1]), '{"id":2,"name":"O\'Brien \\"Bob\\"","note":"x"}');
});

it('names columns as the SQL aliases them, odd names included, and binds parameters', () => {
  const rows = adapter().prepare('select name as "full name", id * 10 as "x\'y", id as "__proto__" from t where id = ?').all([2]);
  assert.equal(rows.length, 1);
  const row = rows[0] as Record<string, unknown>;
  assert.equal(row['full name'], 'O\'Brien "Bob"');
  assert.equal(row["x'y"], 20);
  assert.equal(Object.getOwnPropertyDescriptor(row, '__proto__')?.value, 2);
  assert.equal(Object.getPrototypeOf(row), Object.prototype);
});

it('streams rows as the same objects', () => {
  const streamed = [...adapter().prepare('select id, name from t order by id').iterate([])];
  assert.deepEqual(streamed, [
    { id: 1, name: 'Ann' },
    { id: 2, name: 'O\'Brien "Bob"' },
  ]);
});

it('keeps the last of two columns with one name, as node:sqlite does', () => {
  const own = new DatabaseSync(':memory:').prepare('select 1 as id, 2 as id').get();
  assert.deepEqual(rowMaker(['id', 'id'])([1, 2]), { ...own });
  assert.deepEqual(adapter().prepare('select 1 as id, 2 as id').all([]), [{ id: 2 }]);
});

it('runs writes without reading rows', () => {
  const db = adapter();
  const result = db.prepare("insert into t (name) values (?)").run(['Cy']);
  assert.equal(result.changes, 1);
  assert.equal(Number(result.lastInsertRowid), 3);
});
