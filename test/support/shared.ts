// Tests that read ../shared/ (the protocols, the design): skipped with a plain message where it is absent,
// and a failure under CI=true, where it must be present.
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { isCi } from './engines.ts';

export const sharedDir = path.resolve(import.meta.dirname, '../../../shared');

/** Returns the path to ../shared, or skips the test (fails it under CI) when it is not beside the checkout. */
export function requireShared(t: TestContext): string | null {
  if (fs.existsSync(sharedDir)) return sharedDir;
  if (isCi) throw new Error(`../shared is missing at ${sharedDir}; CI must have it beside the checkout`);
  t.skip(`skipped: ../shared is not beside this checkout (${sharedDir})`);
  return null;
}
