/**
 * CLI cold start: wall time from spawning `node bin/frontline.js …` (the installed command) to its exit, for the
 * commands people type, each run `runs` times after one warm-up (so the figure is the file-system-cached cold start
 * a user sees on a second call, not the first read from disk). Beside them, `node -e 0`: Node's own start-up on
 * this machine, which no code of ours can go below.
 *
 * Run alone: `npx tsx bench/cli.ts [--json] [--runs 15]`.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, ensureBuilt, isMain, note, quantile, ROOT, round } from './machine.js';

export interface CliCommandFigures {
  readonly command: string;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
}

export interface CliFigures {
  /** The median of the `recommend` flag form, the command the 300 ms target is read against. */
  readonly coldStartMs: number;
  readonly nodeStartMs: number;
  readonly runs: number;
  readonly commands: readonly CliCommandFigures[];
}

const BIN = join(ROOT, 'bin', 'frontline.js');

/** The commands timed, as a user types them (after `frontline`). The first is the headline figure. */
const COMMANDS: readonly (readonly string[])[] = [
  ['recommend', '--age', '45', '--lineage', 'B', '--ph', 'negative', '--cd20', '30', '--mrd', '0.001'],
  ['recommend', '--age', '45', '--lineage', 'B', '--ph', 'negative', '--cd20', '30', '--json', '--explain'],
  ['--help'],
  ['studies', '--agent', 'blinatumomab'],
  ['study', 'E1910'],
  ['trials'],
  ['kb', 'export', '--json'],
  ['kb', 'notes'],
  // The path that needs the schema library: a rejected profile, every bad field named.
  ['recommend', '--age', '130', '--lineage', 'B'],
];

function timeOnce(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error !== undefined) {
    throw new Error(`could not run node ${args.join(' ')}: ${r.error.message}`);
  }
  return ms;
}

function figuresOf(command: string, times: number[]): CliCommandFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    command,
    medianMs: round(quantile(sorted, 0.5)),
    p90Ms: round(quantile(sorted, 0.9)),
    maxMs: round(quantile(sorted, 1)),
  };
}

function measure(label: string, args: readonly string[], runs: number): CliCommandFigures {
  timeOnce(args);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(timeOnce(args));
  }
  const f = figuresOf(label, times);
  note(`cli: ${label}: median ${f.medianMs} ms, p90 ${f.p90Ms} ms, max ${f.maxMs} ms (${runs} runs)`);
  return f;
}

export function cliBench(options: { runs?: number } = {}): CliFigures {
  const runs = options.runs ?? 15;
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number ≥ 1 (got ${options.runs})`);
  }
  ensureBuilt();
  const node = measure('node -e 0', ['-e', '0'], runs);
  const commands = COMMANDS.map((c) => measure(`frontline ${c.join(' ')}`, [BIN, ...c], runs));
  return {
    coldStartMs: commands[0]?.medianMs ?? 0,
    nodeStartMs: node.medianMs,
    runs,
    commands,
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, runs: { type: 'string' } } });
  note(describeMachine());
  const figures = cliBench(values.runs === undefined ? {} : { runs: Number(values.runs) });
  process.stdout.write(
    `${values.json === true ? JSON.stringify(figures) : JSON.stringify(figures, null, 2)}\n`,
  );
}
