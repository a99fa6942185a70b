/**
 * `frontline ref N [N...]`: the review's reference entries behind "[refs 40, 41, 42]", read from the knowledge base
 * (kb/references/), each as the review prints it.
 * @module
 */
import type { Kb, SourceReference } from '../../kb/schema/index.js';
import { CliError, type Io } from '../io.js';
import { wrap } from '../text.js';

const WIDTH = Math.min(process.stdout.columns ?? 100, 110);

/** One reference as a reader cites it: "42. Litzow MR, … *N Engl J Med*. 2024;391(4):320-333." without markup. */
export function referenceLine(r: SourceReference): string {
  return `${r.n}. ${r.text.replace(/\*/g, '')}`;
}

/**
 * Prints the references with these numbers (of the primary source).
 * @param numbers - the numbers as typed ("42", "40-43" or "40,41")
 */
export function ref(io: Io, kb: Kb, numbers: readonly string[], opts: { json?: boolean }): number {
  const primary = kb.sources.find((s) => s.primary === true) ?? kb.sources[0];
  const wanted: number[] = [];
  for (const arg of numbers.flatMap((a) => a.split(',')).filter((a) => a.trim() !== '')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(arg);
    if (range === null) {
      throw new CliError(`ref: "${arg}" is not a reference number (e.g. 42, 40-43 or 40,41)`, 2);
    }
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    for (let n = from; n <= Math.max(from, to); n += 1) {
      wanted.push(n);
    }
  }
  const list = kb.references.filter((r) => r.source === primary?.id);
  const found = wanted.map((n) => list.find((r) => r.n === n));
  const bad = wanted.filter((_, i) => found[i] === undefined);
  if (bad.length > 0) {
    throw new CliError(
      `ref: the review's reference list runs from 1 to ${list.length}; no reference ${bad.join(', ')}`,
      2,
    );
  }
  const refs = found.filter((r): r is SourceReference => r !== undefined);
  if (opts.json === true) {
    io.out(`${JSON.stringify({ kbVersion: kb.version, references: refs }, null, 2)}\n`);
    return 0;
  }
  io.out(`${refs.map((r) => wrap(referenceLine(r), WIDTH, 4).replace(/^ {4}/, '')).join('\n')}\n`);
  return 0;
}
