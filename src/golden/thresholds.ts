/**
 * The values worth trying for each fact of a criterion: every number a rule compares with, and its neighbours on
 * both sides (± 0.5 in the fact's unit; ± 1 for whole-number facts; for a fact whose whole range is small, such as
 * MRD as a fraction from 0 to 1, ± half the cut-off, since 0.5 would cross every other cut-off), clamped to the
 * fact's valid range; every word of an enumeration; both booleans; an empty list and each word of a list alone.
 * "Unknown" (the fact left out) is added by the generator.
 * @module
 */
import type { Boundary, Comparison, Criterion, FactName } from '../kb/core.js';
import { type Domain, domainOf } from './fact-domain.js';

/** Every comparison of a criteria tree, depth-first. */
export function comparisons(c: Criterion): Comparison[] {
  if ('all' in c) {
    return c.all.flatMap(comparisons);
  }
  if ('any' in c) {
    return c.any.flatMap(comparisons);
  }
  if ('not' in c) {
    return comparisons(c.not);
  }
  return [c];
}

/** The facts a criteria tree tests, in the order it first tests them. */
export function factsOf(c: Criterion): FactName[] {
  return [...new Set(comparisons(c).map((x) => x.fact))];
}

/** A number without binary noise (0.0001 × 1.5 is 0.00015, not 0.00015000000000000001). */
export function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/** The numbers a comparison or a boundary names, for one fact. */
function numbersFor(fact: FactName, list: readonly Comparison[], boundaries: readonly Boundary[]): number[] {
  const out: number[] = [];
  for (const c of list) {
    if (c.fact !== fact) {
      continue;
    }
    const vs = Array.isArray(c.value) ? c.value : [c.value];
    for (const v of vs) {
      if (typeof v === 'number') {
        out.push(v);
      }
    }
  }
  for (const b of boundaries) {
    if (b.fact === fact) {
      out.push(b.value);
    }
  }
  return out;
}

/** A cut-off and its neighbours in the fact's unit. */
export function neighbours(
  t: number,
  d: Extract<Domain, { kind: 'number' }>,
  all: readonly number[],
): number[] {
  const out: number[] = [t];
  if (d.integer) {
    out.push(t - 1, t + 1);
  } else if (d.max - d.min >= 10) {
    out.push(t - 0.5, t + 0.5);
    if (Number.isInteger(t)) {
      out.push(t - 1, t + 1);
    }
  } else if (t > 0) {
    out.push(t / 2, t * 1.5);
  } else {
    // the smallest step above zero: a tenth of the smallest positive cut-off of this fact
    const positive = all.filter((x) => x > 0);
    out.push(positive.length === 0 ? (d.max - d.min) / 1000 : Math.min(...positive) / 10);
  }
  return out.map(tidy).filter((x) => x >= d.min && x <= d.max);
}

/** The values to try for one fact of a criterion (never "unknown"; the generator adds it). */
export function valuesToTry(
  fact: FactName,
  list: readonly Comparison[],
  boundaries: readonly Boundary[],
): unknown[] {
  const d = domainOf(fact);
  switch (d.kind) {
    case 'number': {
      const cuts = numbersFor(fact, list, boundaries);
      const vs = cuts.flatMap((t) => neighbours(t, d, cuts));
      return [...new Set(vs)].sort((a, b) => a - b);
    }
    case 'enum':
      return [...d.values];
    case 'boolean':
      return [true, false];
    case 'list': {
      const named = list
        .filter((c) => c.fact === fact)
        .flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value]))
        .filter((v): v is string => typeof v === 'string');
      const wordsOf = d.values ?? [...new Set(named)];
      return [[], ...wordsOf.map((w) => [w])];
    }
    case 'text': {
      const named = list
        .filter((c) => c.fact === fact)
        .flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value]));
      return [...new Set(named)];
    }
    default: {
      const never: never = d;
      return never;
    }
  }
}
