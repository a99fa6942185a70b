/**
 * CDS Hooks load: the real server (`frontline serve`, a child process, its own temporary SQLite file) on loopback,
 * driven by autocannon at a fixed 1,000 requests/s for 30 s against `patient-view` with prefetch, each request one
 * of 500 varied patients (bench/patients.ts). Reports the achieved rate, p50 and p99 latency, and errors (socket
 * errors, timeouts and any non-2xx answer), plus the server's CPU time per request.
 *
 * Run alone: `npx tsx bench/cds.ts [--json] [--rate 1000] [--seconds 30] [--connections 32]`.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { describeMachine, ensureBuilt, isMain, note, quantile, round } from './machine.js';
import { patientViewBodies } from './patients.js';
import { processCpuSeconds, startServerChild, stopServerChild } from './server.js';

export interface CdsFigures {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly targetRps: number;
  /** Connections autocannon spreads the rate over (each sends its share of every second back to back). */
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly p90Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly timeouts: number;
  /** Server CPU milliseconds per request during the timed run. */
  readonly serverCpuMsPerRequest: number | null;
  /**
   * Time inside the server per call, from its request log (`ms`: from the first middleware until the answer is
   * ready to be written): what the client sees minus the waiting in front of the server and the transfer.
   */
  readonly serverMs: { readonly p50: number; readonly p99: number; readonly max: number } | null;
  readonly patients: number;
}

export const SERVICE_PATH = '/cds-services/frontline-all';

/** p50, p99 and max of the `ms` of the CDS service's request-log lines written after `offset` bytes. */
export function serverLatency(logFile: string, offset: number): CdsFigures['serverMs'] {
  const ms: number[] = [];
  for (const line of readFileSync(logFile).subarray(offset).toString('utf8').split('\n')) {
    if (line.includes('"route":"/cds-services/:id"')) {
      const value = (JSON.parse(line) as { ms?: unknown }).ms;
      if (typeof value === 'number') {
        ms.push(value);
      }
    }
  }
  if (ms.length === 0) {
    return null;
  }
  ms.sort((a, b) => a - b);
  return {
    p50: round(quantile(ms, 0.5), 2),
    p99: round(quantile(ms, 0.99), 2),
    max: round(quantile(ms, 1), 2),
  };
}

/** autocannon against the CDS service, each request one of `bodies` in turn. */
export function load(
  url: string,
  bodies: readonly string[],
  opts: { rate?: number; seconds?: number; connections: number; amount?: number },
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections: opts.connections,
    pipelining: 1,
    timeout: 10,
    ...(opts.rate === undefined ? {} : { overallRate: opts.rate }),
    ...(opts.amount === undefined ? { duration: opts.seconds ?? 30 } : { amount: opts.amount }),
    requests: [
      {
        method: 'POST',
        path: SERVICE_PATH,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const body = bodies[next % bodies.length] as string;
          next++;
          return { ...req, body };
        },
      },
    ],
  });
}

/** Runs the CDS Hooks load test. */
export async function cdsBench(
  options: { rate?: number; seconds?: number; connections?: number; patients?: number } = {},
): Promise<CdsFigures> {
  ensureBuilt();
  const rate = options.rate ?? 1000;
  const seconds = options.seconds ?? 30;
  const connections = options.connections ?? 32;
  const bodies = patientViewBodies(options.patients ?? 500);
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-cds-'));
  const logFile = join(dir, 'server.log');
  const server = await startServerChild(join(dir, 'bench.db'), logFile);
  try {
    note(`cds: server ${server.url} (pid ${server.pid}); warming up…`);
    await load(server.url, bodies, { connections: 8, amount: 3000 });
    note(
      `cds: ${rate} requests/s for ${seconds} s over ${connections} connections, ${bodies.length} patients…`,
    );
    const logOffset = statSync(logFile).size;
    const cpu0 = processCpuSeconds(server.pid);
    const r = await load(server.url, bodies, { rate, seconds, connections });
    const cpu1 = processCpuSeconds(server.pid);
    const inside = serverLatency(logFile, logOffset);
    const requests = r.requests.total;
    const errors = r.errors + r.timeouts + r.non2xx;
    const figures: CdsFigures = {
      rps: round(requests / r.duration, 1),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors,
      targetRps: rate,
      connections,
      seconds: round(r.duration, 1),
      requests,
      p90Ms: r.latency.p90,
      maxMs: r.latency.max,
      non2xx: r.non2xx,
      timeouts: r.timeouts,
      serverCpuMsPerRequest:
        cpu0 === undefined || cpu1 === undefined || requests === 0
          ? null
          : round(((cpu1 - cpu0) * 1000) / requests, 3),
      serverMs: inside,
      patients: bodies.length,
    };
    note(
      `cds: ${figures.rps} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms, errors ${errors}, server CPU ${figures.serverCpuMsPerRequest} ms/request; inside the server p50 ${inside?.p50} ms, p99 ${inside?.p99} ms`,
    );
    return figures;
  } finally {
    await stopServerChild(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
    },
  });
  note(describeMachine());
  const figures = await cdsBench({
    ...(values.rate === undefined ? {} : { rate: Number(values.rate) }),
    ...(values.seconds === undefined ? {} : { seconds: Number(values.seconds) }),
    ...(values.connections === undefined ? {} : { connections: Number(values.connections) }),
  });
  process.stdout.write(
    `${values.json === true ? JSON.stringify(figures) : JSON.stringify(figures, null, 2)}\n`,
  );
}
