// Several rows inserted in one statement come back in an order neither engine promises, so each batch is
// matched back to its input by a key that is unique within the batch.

export type Keyed = { id: number };

/** The ids of inserted rows, in the order the rows were given. */
export function idsInInputOrder<R extends Keyed>(returned: R[], inputKeys: string[], keyOf: (row: R) => string): number[] {
  if (new Set(inputKeys).size !== inputKeys.length) throw new Error('a batch insert needs a unique key for each row');
  const byKey = new Map(returned.map((row) => [keyOf(row), row.id]));
  return inputKeys.map((key) => {
    const id = byKey.get(key);
    if (id === undefined) throw new Error(`batch insert lost the row keyed ${key}`);
    return id;
  });
}
