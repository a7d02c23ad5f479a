// Every kind of record the code writes to the audit trail is classed as restricted (its words shown only to those
// who may see the record) or not, so that a new kind is never shown by default.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESTRICTED_ENTITIES, UNRESTRICTED } from './audit-sight.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

describe('the kinds of record in the audit trail', () => {
  it('classes every entity the code audits, and none twice', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const audited = new Set(sourceFiles(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bentity: '([a-z_-]+)'/g)].map((m) => m[1]!)));
    assert.ok(audited.has('enquiry') && audited.has('user'), 'the search finds the audited entities');
    // 'test' is written only by the chain's concurrency check (audit.parallel-writer.ts), never by the product.
    const unclassed = [...audited].filter((e) => e !== 'test' && !RESTRICTED_ENTITIES.includes(e) && !UNRESTRICTED.has(e));
    assert.deepEqual(unclassed, [], 'class each in audit-sight.ts');
    assert.deepEqual(RESTRICTED_ENTITIES.filter((e) => UNRESTRICTED.has(e)), []);
  });
});
