#!/usr/bin/env node
// `nolan` / `npx nolan`: runs the CLI on the project's own Node 24 (installed by `npm ci`), whatever node is first on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'src/cli/main.ts');
const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  const { runCli } = await import(pathToFileURL(entry).href);
  process.exit(await runCli(process.argv.slice(2)));
} else {
  const pinned = path.join(root, 'node_modules/node/bin/node');
  if (!existsSync(pinned)) {
    console.error('nolan needs Node 24: run `npm ci` in the checkout first');
    process.exit(2);
  }
  const result = spawnSync(pinned, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
