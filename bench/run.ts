// `npm run bench`: the engine against Cedar (bench/engine.ts), then throughput of Nolan's pages against a bare
// Fastify route, measured side by side in one run, with the serving instance's memory. Ratios, not absolute
// numbers, are what carry across machines. Then the enquiry list over 100,000 and 1,000,000 enquiries on both
// engines (bench/enquiries.ts). `npm run bench -- --only engine|pages|enquiries` runs one part.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { freePort, startNolan, waitForOutput } from '../test/support/process.ts';
import { parseDemoSignIns } from '../e2e/support/server.ts';
import { benchEngine } from './engine.ts';
import { benchEnquiries } from './enquiries.ts';
import { rssMb, signInCookie } from './http.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

type Result = { label: string; requestsPerSecond: number; p99: number; non2xx: number };

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return { label, requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}



async function main(): Promise<void> {
  const bare = Fastify();
  bare.get('/', async () => 'hello world');
  const barePort = freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });

  const port = freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nolan-bench-'));
  const nolan = startNolan({ DATA_DIR: dataDir, PORT: String(port), NOLAN_DEMO: '1', LOG_LEVEL: 'error' });
  const output = await waitForOutput(nolan, /Nolan is running/, 120_000);
  const { password, signIns } = parseDemoSignIns(output);
  const baseUrl = `http://127.0.0.1:${port}`;
  const officer = signIns.find((s) => s.role === 'democratic-services') ?? signIns[0]!;
  const cookie = await signInCookie(baseUrl, officer.email, password);

  try {
    await load('warm-up', `${baseUrl}/`, { cookie });
    const results = [
      await load('bare Fastify hello-world', `http://127.0.0.1:${barePort}/`),
      await load(`home page, signed in as ${officer.role}`, `${baseUrl}/`, { cookie }),
      await load('members list, signed in', `${baseUrl}/members`, { cookie }),
      await load('sign-in page, signed out', `${baseUrl}/sign-in`),
    ];
    const rss = rssMb(nolan.child.pid!);
    const baseline = results[0]!.requestsPerSecond;
    console.log(`\n${DURATION}s each, ${CONNECTIONS} connections, Node ${process.versions.node}, ${os.cpus().length} cores`);
    console.log('what'.padEnd(44), 'req/s'.padStart(9), 'vs bare'.padStart(9), 'p99 ms'.padStart(8), 'non-2xx'.padStart(8));
    for (const r of results) {
      console.log(r.label.padEnd(44), r.requestsPerSecond.toFixed(0).padStart(9), `${((100 * r.requestsPerSecond) / baseline).toFixed(1)}%`.padStart(9), String(r.p99).padStart(8), String(r.non2xx).padStart(8));
    }
    console.log(`Nolan's resident memory after the load: ${rss.toFixed(0)} MB (target < 200 MB)`);
  } finally {
    nolan.child.kill('SIGTERM');
    await nolan.exited;
    await bare.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'engine' && only !== 'pages' && only !== 'enquiries') throw new Error(`--only takes engine, pages or enquiries, not ${only}`);
if (only === undefined || only === 'engine') await benchEngine();
if (only === undefined || only === 'pages') await main();
if (only === undefined || only === 'enquiries') await benchEnquiries();
