/**
 * Screening: a generated 1,000,000-line NDJSON cohort (seeded profiles from the benchmark corpus, each line
 * `{"id", "profile"}`) through the built `frontline screen` as a child process, results to a file. Reports seconds
 * and peak RSS, sampled from /proc/<pid>/status (VmHWM, and VmRSS over time to show that memory stays flat).
 *
 * Run alone: `npx tsx bench/screen.ts [--json] [--profiles 1000000]`.
 * @module
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { profileJson } from './corpus.js';
import { describeMachine, ensureBuilt, isMain, note, ROOT, round } from './machine.js';

export interface ScreenFigures {
  readonly profiles: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly profilesPerSec: number;
  /** RSS (MiB) sampled at 10%, 25%, 50%, 75% and 90% of the run: flat memory means these stay level. */
  readonly rssMbOverTime: readonly number[];
  readonly exitCode: number | null;
  readonly inputMb: number;
  readonly outputMb: number;
}

/** Writes `n` NDJSON lines: the distinct seeded profiles, repeated with fresh ids until there are `n`. */
async function writeCohort(file: string, n: number): Promise<void> {
  const distinct = profileJson(Math.min(n, 100_000));
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const line = `${JSON.stringify({ id: `P${i}`, profile: distinct[i % distinct.length] })}\n`;
    if (!out.write(line)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Runs the screening benchmark. */
export async function screenBench(options: { profiles?: number } = {}): Promise<ScreenFigures> {
  ensureBuilt();
  const n = options.profiles ?? 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-screen-'));
  try {
    const cohort = join(dir, 'cohort.ndjson');
    const results = join(dir, 'results.ndjson');
    note(`screen: writing ${n} NDJSON lines…`);
    await writeCohort(cohort, n);
    note(`screen: frontline screen (${round(statSync(cohort).size / 2 ** 20)} MiB)…`);
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'frontline.js'), 'screen', cohort, '--out', results],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const samples: { at: number; rss: number }[] = [];
    let hwm = 0;
    const sampler = setInterval(() => {
      const m = child.pid === undefined ? undefined : memoryOf(child.pid);
      if (m !== undefined) {
        hwm = Math.max(hwm, m.hwm, m.rss);
        samples.push({ at: performance.now() - t0, rss: m.rss });
      }
    }, 100);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    if (code !== 0) {
      note(`screen: exit ${code}; stderr tail:\n${stderr}`);
    }
    const rssAt = (f: number): number => {
      const at = seconds * 1000 * f;
      const s = samples.find((x) => x.at >= at) ?? samples.at(-1);
      return round(s?.rss ?? 0, 1);
    };
    const figures: ScreenFigures = {
      profiles: n,
      seconds: round(seconds, 1),
      peakRssMb: round(hwm, 1),
      profilesPerSec: round(n / seconds),
      rssMbOverTime: [0.1, 0.25, 0.5, 0.75, 0.9].map(rssAt),
      exitCode: code,
      inputMb: round(statSync(cohort).size / 2 ** 20, 1),
      outputMb: round(statSync(results).size / 2 ** 20, 1),
    };
    note(
      `screen: ${n} profiles in ${figures.seconds} s (${figures.profilesPerSec}/s), peak RSS ${figures.peakRssMb} MiB, RSS over time ${figures.rssMbOverTime.join(' → ')} MiB`,
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, profiles: { type: 'string' } } });
  note(describeMachine());
  const figures = await screenBench(
    values.profiles === undefined ? {} : { profiles: Number(values.profiles) },
  );
  process.stdout.write(
    `${values.json === true ? JSON.stringify(figures) : JSON.stringify(figures, null, 2)}\n`,
  );
}
