// Starting Nolan as a real process, as `npm start` / `npm run serve` do, and waiting for what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** How `npm run serve` starts Nolan, read from package.json: the settings before `node`, and Node's flags. */
export function servingCommand(): { env: Record<string, string>; nodeFlags: string[]; script: string } {
  const packageJson = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = packageJson.scripts.serve!.trim().split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((word) => word.split('=') as [string, string]));
  return { env, nodeFlags: words.slice(node + 1, -1), script: words.at(-1)! };
}

export type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function startNolan(env: Record<string, string>, script = 'src/main.ts'): Started {
  const serving = servingCommand();
  const child = spawn(process.execPath, [...serving.nodeFlags, script], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...serving.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the output matches, or rejects with what was printed if the process ends or time runs out. */
export async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pattern.test(started.output())) return started.output();
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`waited for ${pattern} but got (exit ${started.child.exitCode}):\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}
