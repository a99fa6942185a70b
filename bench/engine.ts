/**
 * Engine throughput: 100,000 seeded, varied profiles through `evaluate` (traces, warnings, alerts, missing: the
 * whole decision), and beside it, in the same process, json-rules-engine 7 running the same rules translated from
 * the knowledge base (bench/peer.ts). Verdicts are cross-checked: where Frontline says true or false, the peer must
 * agree. One core: everything runs on the main thread.
 *
 * Run alone: `npx tsx bench/engine.ts [--json] [--profiles N] [--peer-seconds S]`.
 * @module
 */
import { parseArgs } from 'node:util';
import { type CompiledKb, compileKb, evaluate } from '../src/engine/index.js';
import { loadKb } from '../src/kb/index.js';
import type { Profile } from '../src/profile/index.js';
import { profiles } from './corpus.js';
import { describeMachine, isMain, note, quantile, round } from './machine.js';
import { peerApplies, peerEngine } from './peer.js';

export interface EngineFigures {
  /** Wall-clock throughput (median of the timed passes). */
  readonly profilesPerSec: number;
  readonly peerProfilesPerSec: number;
  readonly ratio: number;
  /** Throughput per CPU-second of this process: what one core does, whatever else the machine is running. */
  readonly profilesPerCpuSec: number;
  readonly peerProfilesPerCpuSec: number;
  readonly corpus: number;
  readonly rules: number;
  readonly peerProfiles: number;
  /** Rule verdicts on which Frontline was decided (true/false) and the peer agreed / disagreed. */
  readonly agreed: number;
  readonly disagreed: number;
  /** Rule verdicts Frontline left unknown (the peer said applies or not: it cannot say unknown). */
  readonly unknown: number;
  readonly passes: readonly number[];
}

function compiled(): CompiledKb {
  const { kb, issues } = loadKb();
  if (kb === undefined) {
    throw new Error(`the knowledge base does not load (${issues.length} problems)`);
  }
  return compileKb(kb);
}

/** CPU seconds used by this process since `since`. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

interface Rate {
  readonly rate: number;
  readonly cpuRate: number;
}

/** One timed pass of Frontline over the corpus: profiles per second, wall-clock and per CPU-second. */
function ourPass(corpus: readonly Profile[], ckb: CompiledKb): Rate & { sink: number } {
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of corpus) {
    const d = evaluate(p, ckb);
    sink += d.options.length + d.pending.length + d.missing.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { rate: corpus.length / seconds, cpuRate: corpus.length / cpuSeconds(c0), sink };
}

function median(xs: readonly number[]): number {
  return quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

async function peerPass(
  corpus: readonly Profile[],
  ckb: CompiledKb,
  budgetSeconds: number,
): Promise<Rate & { n: number; agreed: number; disagreed: number; unknown: number }> {
  const engine = peerEngine(ckb.kb);
  // Warm-up, as for ours.
  for (const p of corpus.slice(0, 500)) {
    await peerApplies(engine, p as unknown as Record<string, unknown>);
  }
  let agreed = 0;
  let disagreed = 0;
  let unknown = 0;
  let n = 0;
  let peerMs = 0;
  let peerCpu = 0;
  const deadline = performance.now() + budgetSeconds * 1000;
  for (const p of corpus) {
    if (performance.now() > deadline) {
      break;
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const applies = await peerApplies(engine, p as unknown as Record<string, unknown>);
    peerMs += performance.now() - t0;
    peerCpu += cpuSeconds(c0);
    n++;
    // The cross-check is not timed.
    for (const r of ckb.rules) {
      const ours = r.when.verdict(p);
      if (ours === 'unknown') {
        unknown++;
      } else if (ours === applies.has(r.rule.id)) {
        agreed++;
      } else {
        disagreed++;
        if (disagreed <= 5) {
          note(`peer disagrees on ${r.rule.id} for ${JSON.stringify(p)}: ours ${ours}`);
        }
      }
    }
  }
  return { rate: n / (peerMs / 1000), cpuRate: n / peerCpu, n, agreed, disagreed, unknown };
}

/** Runs the engine benchmark. */
export async function engineBench(
  options: { profiles?: number; peerSeconds?: number; passes?: number } = {},
): Promise<EngineFigures> {
  const n = options.profiles ?? 100_000;
  note(`engine: generating ${n} seeded profiles…`);
  const corpus = profiles(n);
  const ckb = compiled();
  // Warm-up: one untimed pass, so the JIT has settled on the real corpus before timing.
  ourPass(corpus, ckb);
  const runs: Rate[] = [];
  for (let i = 0; i < (options.passes ?? 5); i++) {
    runs.push(ourPass(corpus, ckb));
  }
  const passes = runs.map((r) => r.rate);
  const ours = median(passes);
  const oursCpu = median(runs.map((r) => r.cpuRate));
  note(
    `engine: Frontline ${passes.map((r) => round(r)).join(', ')} profiles/s (median ${round(ours)}; ${round(oursCpu)} per CPU-second)`,
  );
  const peer = await peerPass(corpus, ckb, options.peerSeconds ?? 20);
  note(
    `engine: json-rules-engine ${round(peer.rate)} profiles/s (${round(peer.cpuRate)} per CPU-second) over ${peer.n} profiles; verdicts agreed ${peer.agreed}, disagreed ${peer.disagreed}, unknown in Frontline ${peer.unknown}`,
  );
  return {
    profilesPerSec: round(ours),
    peerProfilesPerSec: round(peer.rate),
    ratio: round(ours / peer.rate, 1),
    profilesPerCpuSec: round(oursCpu),
    peerProfilesPerCpuSec: round(peer.cpuRate),
    corpus: n,
    rules: ckb.rules.length,
    peerProfiles: peer.n,
    agreed: peer.agreed,
    disagreed: peer.disagreed,
    unknown: peer.unknown,
    passes: passes.map((r) => round(r)),
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      profiles: { type: 'string' },
      'peer-seconds': { type: 'string' },
    },
  });
  note(describeMachine());
  const figures = await engineBench({
    ...(values.profiles === undefined ? {} : { profiles: Number(values.profiles) }),
    ...(values['peer-seconds'] === undefined ? {} : { peerSeconds: Number(values['peer-seconds']) }),
  });
  process.stdout.write(
    `${values.json === true ? JSON.stringify(figures) : JSON.stringify(figures, null, 2)}\n`,
  );
}
