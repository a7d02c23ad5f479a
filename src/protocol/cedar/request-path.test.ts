// Cedar is a second opinion in tests only (DESIGN.md): nothing that serves a request loads it, nor the scenario
// generator, nor the support files that use them — they are devDependencies, absent from a production install.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const src = path.resolve(import.meta.dirname, '../..');
const TEST_ONLY = /from\s+['"](@cedar-policy\/cedar-wasm[^'"]*|fast-check|[^'"]*\.test-support\.ts)['"]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

it('no file on the request path imports Cedar, fast-check or a test-support file', () => {
  const offenders = sourceFiles(src)
    .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.test-support.ts'))
    .filter((file) => TEST_ONLY.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(src, file));
  assert.deepEqual(offenders, []);
});
