import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

it('runs on the Node 24 LTS that npm ci installs', () => {
  assert.match(process.versions.node, /^24\./);
});

it('has no native addons anywhere under node_modules', () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.node')) found.push(full);
    }
  };
  walk(path.resolve(import.meta.dirname, '../node_modules'));
  assert.deepEqual(found, []);
});
