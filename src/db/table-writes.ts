// Tells whoever listens which tables this process writes to, as each INSERT, UPDATE or DELETE goes to the
// database through Kysely. Read caches (src/web/read-cache.ts) listen, so a change made in this process, by a
// page, the API, a job or a direct service call, is never hidden by a copy read before it.
import { AliasNode, DeleteQueryNode, InsertQueryNode, TableNode, UpdateQueryNode, type KyselyPlugin, type OperationNode, type RootOperationNode } from 'kysely';

export type Write = 'insert' | 'update' | 'delete';
type Listener = (table: string, write: Write) => void;

const listeners = new Set<Listener>();

/** Listens until the returned function is called. */
export function onTableWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tableName(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (TableNode.is(node)) return node.table.identifier.name;
  if (AliasNode.is(node)) return tableName(node.node);
  return undefined;
}

function written(node: RootOperationNode): [string | undefined, Write] | undefined {
  if (InsertQueryNode.is(node)) return [tableName(node.into), 'insert'];
  if (UpdateQueryNode.is(node)) return [tableName(node.table), 'update'];
  if (DeleteQueryNode.is(node)) return [tableName(node.from.froms[0]), 'delete'];
  return undefined;
}

export const tableWrites: KyselyPlugin = {
  transformQuery({ node }) {
    if (listeners.size) {
      const [table, write] = written(node) ?? [];
      if (table && write) for (const listener of listeners) listener(table, write);
    }
    return node;
  },
  transformResult: async ({ result }) => result,
};
