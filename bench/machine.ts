/**
 * What a figure was measured on: cores, CPU, Node, load. Printed with every benchmark, because on a shared 2-core
 * machine the load average explains more of a change than the code does.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memGb: number;
  readonly node: string;
  readonly load: readonly number[];
}

export function machine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model ?? 'unknown',
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

export function describeMachine(m: Machine = machine()): string {
  return `${m.cores} cores (${m.cpu}), ${m.memGb} GiB, Node ${m.node}, load ${m.load.join(' ')}`;
}

/** Rounds for reports. */
export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The nearest-rank quantile `q` (0–1) of numbers sorted ascending; 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Writes a progress line to stderr (stdout is kept for the results). */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

function newestTs(dir: string): number {
  let latest = 0;
  for (const entry of execFileSync('find', [dir, '-name', '*.ts', '-not', '-name', '*.test.ts'], {
    encoding: 'utf8',
  }).split('\n')) {
    if (entry !== '') {
      latest = Math.max(latest, statSync(entry).mtimeMs);
    }
  }
  return latest;
}

/** Builds dist/ and the CLI bundle (not the web app) when either is missing or older than src/. */
export function ensureBuilt(): void {
  const newest = newestTs(join(ROOT, 'src'));
  const built = [join(ROOT, 'dist', 'cli', 'main.js'), join(ROOT, 'dist', 'bundle', 'cli', 'main.js')];
  if (built.every((f) => existsSync(f) && statSync(f).mtimeMs >= newest)) {
    return;
  }
  note('bench: building dist/ (missing or older than src/)…');
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('node', ['scripts/bundle-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('node', ['scripts/build-kb.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

/** True when this module is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
}
