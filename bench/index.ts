/**
 * `npm run bench [-- --json] [-- --only cli,engine,cds,screen] [-- --instances N]`: with `--instances N`, CDS
 * throughput and p50/p99 of N instances on PostgreSQL beside one on PostgreSQL and one on SQLite (bench/instances.ts;
 * alone unless `--only` names others too). the benchmarks, one after another, then one JSON
 * object as the LAST line of stdout (PRODUCT.md "Benchmarks"):
 * `{ "engine": { profilesPerSec, peerProfilesPerSec, ratio }, "cds": { rps, p50Ms, p99Ms, errors },
 *    "screen": { profiles, seconds, peakRssMb } }`, plus `cli` (cold start of the command), each with a few more figures beside the contract's, plus the
 * machine. Progress goes to stderr. Without `--json` a readable summary is printed before the JSON line.
 * @module
 */
import { parseArgs } from 'node:util';
import { type CdsFigures, cdsBench } from './cds.js';
import { type CliFigures, cliBench } from './cli.js';
import { type EngineFigures, engineBench } from './engine.js';
import { instancesBench } from './instances.js';
import { describeMachine, machine, note } from './machine.js';
import { type ScreenFigures, screenBench } from './screen.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    only: { type: 'string' },
    'cds-seconds': { type: 'string' },
    'screen-profiles': { type: 'string' },
    'cli-runs': { type: 'string' },
    instances: { type: 'string' },
    'instances-seconds': { type: 'string' },
  },
});
const instanceCount = values.instances === undefined ? undefined : Number(values.instances);
if (
  instanceCount !== undefined &&
  (!Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > 8)
) {
  process.stderr.write(`--instances must be a whole number from 1 to 8, not "${values.instances}"\n`);
  process.exit(2);
}
const BENCHMARKS = ['cli', 'engine', 'cds', 'screen'];
const only = new Set(
  (values.only ?? (instanceCount === undefined ? BENCHMARKS.join(',') : ''))
    .split(',')
    .filter((b) => b !== ''),
);
const unknown = [...only].filter((b) => !BENCHMARKS.includes(b));
if (unknown.length > 0) {
  process.stderr.write(
    `--only: unknown benchmark ${unknown.join(', ')}; allowed: ${BENCHMARKS.join(', ')}\n`,
  );
  process.exit(2);
}
const before = machine();
note(`bench: ${describeMachine(before)}`);

// The CLI first: its cold start is read on a quiet machine, not in the wake of the screening run's 760 MiB of file
// I/O (measured: Node's own start-up took 168 ms right after it, 105–113 ms otherwise).
const cli: CliFigures | undefined = only.has('cli')
  ? cliBench(values['cli-runs'] === undefined ? {} : { runs: Number(values['cli-runs']) })
  : undefined;
const engine: EngineFigures | undefined = only.has('engine') ? await engineBench() : undefined;
const cds: CdsFigures | undefined = only.has('cds')
  ? await cdsBench(values['cds-seconds'] === undefined ? {} : { seconds: Number(values['cds-seconds']) })
  : undefined;
const screen: ScreenFigures | undefined = only.has('screen')
  ? await screenBench(
      values['screen-profiles'] === undefined ? {} : { profiles: Number(values['screen-profiles']) },
    )
  : undefined;

const instances =
  instanceCount === undefined
    ? undefined
    : await instancesBench(
        instanceCount,
        values['instances-seconds'] === undefined ? {} : { seconds: Number(values['instances-seconds']) },
      );

const result = {
  ...(instances === undefined ? {} : { instances }),
  ...(engine === undefined ? {} : { engine }),
  ...(cds === undefined ? {} : { cds }),
  ...(screen === undefined ? {} : { screen }),
  ...(cli === undefined ? {} : { cli }),
  machine: { ...machine(), loadBefore: before.load },
};

if (values.json !== true) {
  const lines = [
    engine === undefined
      ? undefined
      : `engine  ${engine.profilesPerSec} profiles/s (json-rules-engine ${engine.peerProfilesPerSec}/s, ratio ${engine.ratio}x; ${engine.profilesPerCpuSec} per CPU-second)   target >= 100000/s and >= 10x`,
    cds === undefined
      ? undefined
      : `cds     ${cds.rps} req/s of ${cds.targetRps} over ${cds.connections} connections, p50 ${cds.p50Ms} ms, p99 ${cds.p99Ms} ms, errors ${cds.errors}   target 1000 req/s, p99 <= 10 ms, 0 errors`,
    screen === undefined
      ? undefined
      : `screen  ${screen.profiles} profiles in ${screen.seconds} s, peak RSS ${screen.peakRssMb} MiB (RSS ${screen.rssMbOverTime.join(' -> ')})   target <= 60 s, flat memory`,
    cli === undefined
      ? undefined
      : `cli     recommend cold start ${cli.coldStartMs} ms median (node alone ${cli.nodeStartMs} ms; slowest command ${Math.max(...cli.commands.map((c) => c.medianMs))} ms)   target <= 300 ms`,
    ...(instances?.rows ?? []).map(
      (r) =>
        `cds     ${r.store} ×${r.instances} behind nginx: ${r.rps} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}, Frontline CPU ${r.frontlineCpuMsPerRequest} ms/request`,
    ),
    instances?.skipped,
    `machine ${describeMachine()}`,
  ].filter((l) => l !== undefined);
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
