// The demo council served as `npm start` serves it: a real process on a fresh SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startNolan, waitForOutput, type Started } from '../../test/support/process.ts';

export type DemoSignIn = { role: string; email: string; name: string };
export type DemoServer = { baseUrl: string; password: string; signIns: DemoSignIn[]; dataDir: string; stop(): Promise<void> };

/** Reads the sign-ins that `npm start` prints: one line per role, and the shared password. */
export function parseDemoSignIns(output: string): { password: string; signIns: DemoSignIn[] } {
  const password = /password for all: (\S+)\)/.exec(output)?.[1];
  if (!password) throw new Error(`no demo password in:\n${output}`);
  const signIns = [...output.matchAll(/^ {2}(\S+)\s+(\S+@\S+)\s+(.+)$/gm)].map((m) => ({ role: m[1]!, email: m[2]!, name: m[3]!.trim() }));
  return { password, signIns };
}

export async function startDemoServer(profile = 'model'): Promise<DemoServer> {
  const port = freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-e2e-'));
  const started: Started = startNolan({ DATA_DIR: dataDir, PORT: String(port), NOLAN_DEMO: '1', NOLAN_PROFILE: profile });
  let demo: { password: string; signIns: DemoSignIn[] };
  try {
    demo = parseDemoSignIns(await waitForOutput(started, /Nolan is running/, 120_000));
  } catch (error) {
    // A server left running would keep the test process alive after the failure.
    started.child.kill('SIGTERM');
    throw error;
  }
  const { password, signIns } = demo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    password,
    signIns,
    dataDir,
    async stop() {
      started.child.kill('SIGTERM');
      await started.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
