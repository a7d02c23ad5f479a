// The project never contains the protocols' text: no run of twelve words from a seed appears in a tracked file.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requireShared } from './support/shared.ts';

const RUN = 12;
const words = (text: string) => text.toLowerCase().match(/[a-z']+/g) ?? [];

it('no file repeats twelve consecutive words of a protocol', (t) => {
  const shared = requireShared(t);
  if (!shared) return;
  const seeds = path.join(shared, 'seeds');
  const runs = new Set<string>();
  for (const name of fs.readdirSync(seeds)) {
    const w = words(fs.readFileSync(path.join(seeds, name), 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) runs.add(w.slice(i, i + RUN).join(' '));
  }
  const root = path.resolve(import.meta.dirname, '..');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const offenders: string[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile() || fs.statSync(full).size > 2_000_000 || /\.(png|ico|woff2?)$/.test(file)) continue;
    const w = words(fs.readFileSync(full, 'utf8'));
    for (let i = 0; i + RUN <= w.length; i++) {
      if (runs.has(w.slice(i, i + RUN).join(' '))) {
        offenders.push(`${file}: "${w.slice(i, i + RUN).join(' ')}"`);
        break;
      }
    }
  }
  assert.deepEqual(offenders, []);
});
