/**
 * `npm run bench -- --instances N`: CDS throughput and latency of several instances on one PostgreSQL, beside one
 * instance on SQLite and one on PostgreSQL, in one run. Every configuration is measured the same way: nginx in front
 * (deploy/nginx/frontline.conf, so the balancer's cost is in every figure), autocannon at full speed (no rate cap)
 * over a fixed number of connections for a fixed time, `patient-view` with prefetch, JWT off (as `bench/cds.ts`).
 * Needs Debian's PostgreSQL 15 and nginx; without them it says so and measures nothing.
 * @module
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasNginx, startNginx } from '../test/support/nginx.js';
import { freePort, hasPostgres, startPostgres } from '../test/support/postgres.js';
import { load } from './cds.js';
import { ensureBuilt, note, round } from './machine.js';
import { patientViewBodies } from './patients.js';
import { processCpuSeconds, type ServerChild, startServerChild, stopServerChild } from './server.js';

/** One configuration's figures. */
export interface InstancesRow {
  readonly store: 'sqlite' | 'postgres';
  readonly instances: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** Of the errors: answers other than 2xx, timeouts, socket errors. */
  readonly non2xx: number;
  readonly timeouts: number;
  readonly socketErrors: number;
  /** CPU milliseconds per request: all Frontline instances together, and PostgreSQL's server processes. */
  readonly frontlineCpuMsPerRequest: number | null;
}

export interface InstancesFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly rows: readonly InstancesRow[];
  readonly skipped?: string;
}

/** CPU seconds of the cluster: its postmaster and every process it started (by parent pid), from /proc. */
function postgresCpuSeconds(postmaster: number): number {
  let total = processCpuSeconds(postmaster) ?? 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) {
        total += processCpuSeconds(Number(pid)) ?? 0;
      }
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Runs each configuration: SQLite ×1, PostgreSQL ×1, PostgreSQL ×n (n ≥ 2). */
export async function instancesBench(
  n: number,
  options: { seconds?: number; connections?: number } = {},
): Promise<InstancesFigures & { readonly postgresCpuMsPerRequest: readonly (number | null)[] }> {
  const seconds = options.seconds ?? 15;
  const connections = options.connections ?? 32;
  if (!hasPostgres() || !hasNginx()) {
    const skipped =
      'instances: skipped: needs PostgreSQL 15 and nginx (apt-get install postgresql-15 nginx-light)';
    note(skipped);
    return { connections, seconds, rows: [], skipped, postgresCpuMsPerRequest: [] };
  }
  ensureBuilt();
  const bodies = patientViewBodies(500);
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-instances-'));
  chmodSync(dir, 0o755);
  const cluster = await startPostgres();
  const rows: InstancesRow[] = [];
  const pgCpu: (number | null)[] = [];
  try {
    const configs: { store: 'sqlite' | 'postgres'; instances: number }[] = [
      { store: 'sqlite', instances: 1 },
      { store: 'postgres', instances: 1 },
      ...(n >= 2 ? [{ store: 'postgres' as const, instances: n }] : []),
    ];
    for (const [i, c] of configs.entries()) {
      const db = c.store === 'sqlite' ? join(dir, `bench-${i}.db`) : await cluster.database(`bench_${i}`);
      const ports = await Promise.all(Array.from({ length: c.instances }, () => freePort()));
      const servers: ServerChild[] = await Promise.all(
        ports.map((p, k) => startServerChild(db, join(dir, `server-${i}-${k}.log`), {}, p)),
      );
      const lbDir = join(dir, `nginx-${i}`);
      const lb = await startNginx(lbDir, await freePort(), ports);
      try {
        note(`instances: ${c.store} ×${c.instances}: warming up…`);
        await load(lb.url, bodies, { connections: 8, amount: 2000 });
        note(
          `instances: ${c.store} ×${c.instances}: full speed for ${seconds} s over ${connections} connections…`,
        );
        const cpu0 = servers.map((s) => processCpuSeconds(s.pid) ?? 0);
        const pg0 = postgresCpuSeconds(cluster.postmasterPid());
        const r = await load(lb.url, bodies, { seconds, connections });
        const cpu1 = servers.map((s) => processCpuSeconds(s.pid) ?? 0);
        const pg1 = postgresCpuSeconds(cluster.postmasterPid());
        const requests = r.requests.total;
        const cpu = cpu1.reduce((a, b) => a + b, 0) - cpu0.reduce((a, b) => a + b, 0);
        const row: InstancesRow = {
          store: c.store,
          instances: c.instances,
          rps: round(requests / r.duration, 1),
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          errors: r.errors + r.timeouts + r.non2xx,
          non2xx: r.non2xx,
          timeouts: r.timeouts,
          socketErrors: r.errors,
          frontlineCpuMsPerRequest: requests === 0 ? null : round((cpu * 1000) / requests, 3),
        };
        rows.push(row);
        pgCpu.push(c.store === 'postgres' && requests > 0 ? round(((pg1 - pg0) * 1000) / requests, 3) : null);
        note(
          `instances: ${c.store} ×${c.instances}: ${row.rps} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, errors ${row.errors}, Frontline CPU ${row.frontlineCpuMsPerRequest} ms/request, PostgreSQL CPU ${pgCpu.at(-1)} ms/request`,
        );
      } finally {
        await lb.stop();
        await Promise.all(servers.map((s) => stopServerChild(s)));
      }
    }
  } finally {
    await cluster.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return { connections, seconds, rows, postgresCpuMsPerRequest: pgCpu };
}
