// Boundary tests GENERATED FROM THE KNOWLEDGE BASE: every comparison on a numeric fact in every rule, rule warning,
// extrapolation and alert is evaluated just below, at and just above its threshold, and with the fact unknown, and
// must give the exact three-valued verdict its operator requires. A new rule gets its boundaries tested with no new
// test code. Protects: `le`/`lt`/`ge`/`gt` at their exact threshold (an upper age limit such as "aged 18 to 59"
// includes 59, and 59.9 in completed years), and that an unknown fact is `'unknown'`, never `false`.
import { describe, expect, it } from 'vitest';
import { installed } from '../../test/support/kb.js';
import type { Comparison, Criterion, FactName } from '../kb/core.js';
import type { Profile } from '../profile/index.js';
import { compileCriterion, readFacts } from './compile.js';
import type { Verdict } from './logic.js';

type NumericOp = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';
const NUMERIC_OPS: ReadonlySet<string> = new Set<NumericOp>(['lt', 'le', 'gt', 'ge', 'eq', 'ne']);

/** What each operator must answer for an observed number against the threshold. */
const EXPECTED: Record<NumericOp, (observed: number, threshold: number) => boolean> = {
  lt: (o, t) => o < t,
  le: (o, t) => o <= t,
  gt: (o, t) => o > t,
  ge: (o, t) => o >= t,
  eq: (o, t) => o === t,
  ne: (o, t) => o !== t,
};

function comparisonsOf(c: Criterion): Comparison[] {
  if ('all' in c) {
    return c.all.flatMap(comparisonsOf);
  }
  if ('any' in c) {
    return c.any.flatMap(comparisonsOf);
  }
  if ('not' in c) {
    return comparisonsOf(c.not);
  }
  return [c];
}

interface Site {
  readonly where: string;
  readonly comparison: Comparison & { readonly op: NumericOp; readonly value: number };
}

function isNumeric(c: Comparison): c is Site['comparison'] {
  return NUMERIC_OPS.has(c.op) && typeof c.value === 'number';
}

/** Every numeric comparison in the knowledge base, named by where it sits. */
function sites(): Site[] {
  const kb = installed();
  const out: Site[] = [];
  const add = (where: string, c: Criterion | undefined): void => {
    if (c === undefined) {
      return;
    }
    for (const comparison of comparisonsOf(c)) {
      if (isNumeric(comparison)) {
        out.push({ where, comparison });
      }
    }
  };
  for (const r of kb.recommendations) {
    add(`rule ${r.id}`, r.when);
    for (const w of r.warnings) {
      add(`rule ${r.id} warning ${w.code}`, w.when);
    }
    r.extrapolation.forEach((x, i) => {
      add(`rule ${r.id} extrapolation ${i}`, x.scope);
    });
  }
  for (const a of kb.alerts) {
    add(`alert ${a.code}`, a.when);
  }
  return out;
}

/** A profile holding only `fact` = `value` (nested facts such as `mrd.value` go under their field). */
function profileWith(fact: FactName, value: number): Profile {
  const dot = fact.indexOf('.');
  const record: Record<string, unknown> =
    dot === -1 ? { [fact]: value } : { [fact.slice(0, dot)]: { [fact.slice(dot + 1)]: value } };
  return record as unknown as Profile;
}

/** The values around a threshold: integers step by 1 (ages in completed years), fractions by a tenth. */
function around(fact: FactName, t: number): { below: number; above: number } {
  const step = fact === 'age' || (Number.isInteger(t) && t >= 1) ? 1 : t / 10 || 0.001;
  return { below: t - step, above: t + step };
}

const ALL = sites();

describe('boundaries of every numeric threshold in the knowledge base', () => {
  it('finds the thresholds (the knowledge base has age, MRD and CD20 limits)', () => {
    const facts = new Set(ALL.map((s) => s.comparison.fact));
    expect(facts.has('age')).toBe(true);
    expect(ALL.some((s) => s.comparison.op === 'le' && s.comparison.fact === 'age')).toBe(true);
    expect(ALL.some((s) => s.comparison.op === 'lt')).toBe(true);
  });

  it.each(
    ALL.map((s) => [`${s.where}: ${s.comparison.fact} ${s.comparison.op} ${s.comparison.value}`, s] as const),
  )('%s', (_name, { comparison }) => {
    const { fact, op, value: t } = comparison;
    const compiled = compileCriterion(comparison);
    const { below, above } = around(fact, t);
    const points = [below, t, above];
    if (fact === 'age' && Number.isInteger(t)) {
      // Completed years: t + 0.9 reads as t, t - 0.1 as t - 1.
      points.push(t + 0.9, t - 0.1);
    }
    for (const x of points) {
      const facts = readFacts(profileWith(fact, x));
      const seen = fact === 'age' ? Math.floor(x) : x;
      const want: Verdict = EXPECTED[op](seen, t);
      expect(compiled.check(facts), `${fact}=${x} ${op} ${t}`).toBe(want);
      expect(compiled.explain(facts).verdict, `trace: ${fact}=${x} ${op} ${t}`).toBe(want);
      expect(compiled.verdict(profileWith(fact, x)), `profile: ${fact}=${x} ${op} ${t}`).toBe(want);
    }
    const unknown = readFacts({} as Profile);
    expect(compiled.check(unknown), `${fact} unknown`).toBe('unknown');
    expect(compiled.explain(unknown).verdict, `trace: ${fact} unknown`).toBe('unknown');
  });
});
