/**
 * Compiles criteria trees into closures once per knowledge base, so evaluating a profile is a walk of plain
 * functions (the engine's throughput target includes the trace).
 *
 * Profiles come in many shapes (any subset of fields), so reading `profile.age` in hundreds of compiled conditions
 * would be a megamorphic property load each time. Instead the profile is read once per evaluation into a fixed-shape
 * fact vector (`readFacts`): every condition then reads an array slot, and strings are case-folded once, not once
 * per comparison.
 * @module
 */
import { type Comparison, type Criterion, FACT_NAMES, type FactName } from '../kb/core.js';
import type { Profile } from '../profile/index.js';
import { and2, not3, or2, type Verdict } from './logic.js';
import { describeCondition, type Scalar, type TraceNode } from './trace.js';

export type Evaluator = (profile: Profile) => TraceNode;

type FactValue = Scalar | readonly Scalar[] | undefined;
const FACTS: readonly FactName[] = FACT_NAMES;

/** The slot of each fact in a fact vector. */
export const FACT_INDEX: ReadonlyMap<FactName, number> = new Map(FACTS.map((f, i) => [f, i]));

/** A scalar's comparison key: strings compare case-insensitively (e.g. "t315i" matches "T315I"). */
const keyOf = (x: Scalar): Scalar => (typeof x === 'string' ? x.toLowerCase() : x);

/**
 * Case-folded strings, remembered: profiles repeat a small vocabulary ("B", "negative", "KMT2A"), and a look-up is
 * cheaper than a new lower-case string. Bounded, so free text cannot grow it without limit.
 */
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 4096;

function fold(s: string): string {
  let f = FOLDED.get(s);
  // Stryker disable next-line ConditionalExpression: a cache; folding again gives the same string
  if (f === undefined) {
    f = s.toLowerCase();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound of a cache, not of its answers
    if (FOLDED.size < FOLDED_MAX) {
      FOLDED.set(s, f);
    }
  }
  return f;
}

function foldValue(v: FactValue): FactValue {
  if (typeof v === 'string') {
    return fold(v);
  }
  if (Array.isArray(v)) {
    const list = v as readonly Scalar[];
    // Stryker disable next-line ArrayDeclaration: a pre-sized array is filled to the same length either way
    const out: Scalar[] = new Array<Scalar>(list.length);
    for (let i = 0; i < list.length; i++) {
      const x = list[i] as Scalar;
      out[i] = typeof x === 'string' ? fold(x) : x;
    }
    return out;
  }
  return v;
}

/**
 * One profile's facts in one fixed shape: `raw[i]` is the value of fact `i` (`undefined` = unknown), `key[i]` the
 * same value case-folded for comparisons.
 */
export interface Facts {
  readonly raw: readonly FactValue[];
  readonly key: readonly FactValue[];
}

/** Top-level profile field → its slot; nested fields (`mrd` → `mrd.value`, ...) → their sub-keys and slots. */
const FIELD_SLOT = new Map<string, number>();
const NESTED_SLOTS = new Map<string, [string, number][]>();
FACTS.forEach((fact, i) => {
  const dot = fact.indexOf('.');
  if (dot === -1) {
    FIELD_SLOT.set(fact, i);
    return;
  }
  const field = fact.slice(0, dot);
  const list = NESTED_SLOTS.get(field) ?? [];
  list.push([fact.slice(dot + 1), i]);
  NESTED_SLOTS.set(field, list);
});

/** Every fact unknown: copied (a packed array, cheap to copy) as the start of each fact vector. */
const UNKNOWN_FACTS: readonly FactValue[] = FACTS.map(() => undefined);

/** The slot of age: compared in completed years (54.9 is 54), the way the review's ages read ("younger than 55"). */
const AGE_SLOT = FACTS.indexOf('age');

function put(raw: FactValue[], key: FactValue[], i: number, v: unknown): void {
  const value = v as FactValue;
  raw[i] = value;
  key[i] = i === AGE_SLOT && typeof value === 'number' ? Math.floor(value) : foldValue(value);
}

/**
 * Reads a profile into a fact vector (once per evaluation). It walks the fields the profile has, instead of asking
 * for each fact by name: profiles come in many shapes, and a named read on a many-shaped object is slow.
 */
export function readFacts(profile: Profile): Facts {
  const raw = UNKNOWN_FACTS.slice();
  const key = UNKNOWN_FACTS.slice();
  const record = profile as unknown as Readonly<Record<string, unknown>>;
  for (const field of Object.keys(record)) {
    const value = record[field];
    const slot = FIELD_SLOT.get(field);
    if (slot !== undefined) {
      put(raw, key, slot, value);
      continue;
    }
    const nested = NESTED_SLOTS.get(field);
    // Stryker disable next-line ConditionalExpression: reading a sub-key of a string or number gives undefined too
    if (nested !== undefined && value !== null && typeof value === 'object') {
      const inner = value as Readonly<Record<string, unknown>>;
      for (const [sub, i] of nested) {
        put(raw, key, i, inner[sub]);
      }
    }
  }
  return { raw, key };
}

type Check = (facts: Facts) => Verdict;

function includesAnyOf(o: FactValue, isMember: (x: Scalar) => boolean): boolean {
  if (!Array.isArray(o)) {
    return false;
  }
  for (const x of o as readonly Scalar[]) {
    if (isMember(x)) {
      return true;
    }
  }
  return false;
}

function membership(list: readonly Scalar[]): (x: Scalar) => boolean {
  // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; the set gives the same answer
  if (list.length === 1) {
    const only = list[0];
    return (x) => x === only;
  }
  const set = new Set(list);
  return (x) => set.has(x);
}

/**
 * The verdict of one comparison, specialized per operator so that a condition is one closure call: it reads the
 * case-folded slot (`undefined` = unknown). A list fact never equals a scalar, so `eq`/`in` are false and `ne` true
 * for lists, as before.
 */
function checkFor(c: Comparison, i: number): Check {
  const v = c.value;
  const num = typeof v === 'number' ? v : Number.NaN;
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: only `known` has no value, and it reads no list
  const list: readonly Scalar[] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(keyOf);
  // Stryker disable next-line ConditionalExpression: `only` is read only on the one-value path, where it is defined
  const only = list.length === 1 ? list[0] : undefined;
  const set = new Set(list);
  switch (c.op) {
    case 'eq':
    case 'in':
      // Stryker disable next-line ConditionalExpression: a fast path for one value; the set path gives the same verdict
      return list.length === 1
        ? (f) => {
            const o = f.key[i];
            return o === undefined ? 'unknown' : o === only;
          }
        : (f) => {
            const o = f.key[i];
            return o === undefined ? 'unknown' : !Array.isArray(o) && set.has(o as Scalar);
          };
    case 'ne':
      // Stryker disable next-line ConditionalExpression: a fast path for one value; the set path gives the same verdict
      return list.length === 1
        ? (f) => {
            const o = f.key[i];
            return o === undefined ? 'unknown' : o !== only;
          }
        : (f) => {
            const o = f.key[i];
            return o === undefined ? 'unknown' : Array.isArray(o) || !set.has(o as Scalar);
          };
    case 'lt':
      return (f) => {
        const o = f.key[i];
        return o === undefined ? 'unknown' : typeof o === 'number' && o < num;
      };
    case 'le':
      return (f) => {
        const o = f.key[i];
        return o === undefined ? 'unknown' : typeof o === 'number' && o <= num;
      };
    case 'gt':
      return (f) => {
        const o = f.key[i];
        return o === undefined ? 'unknown' : typeof o === 'number' && o > num;
      };
    case 'ge':
      return (f) => {
        const o = f.key[i];
        return o === undefined ? 'unknown' : typeof o === 'number' && o >= num;
      };
    case 'includes':
    case 'includesAny': {
      const isMember = membership(list);
      return (f) => {
        const o = f.key[i];
        return o === undefined ? 'unknown' : includesAnyOf(o, isMember);
      };
    }
    case 'known':
      return (f) => f.key[i] !== undefined;
    default: {
      const never: never = c.op;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

/** A compiled criterion: a verdict without allocation, and the full trace when the verdict is worth showing. */
export interface Compiled {
  readonly verdict: (profile: Profile) => Verdict;
  readonly trace: Evaluator;
  /** `verdict` on a fact vector (see `readFacts`): what the engine calls, many times per profile. */
  readonly check: (facts: Facts) => Verdict;
  /** `trace` on a fact vector. */
  readonly explain: (facts: Facts) => TraceNode;
}

function withProfileApi(check: Compiled['check'], explain: Compiled['explain']): Compiled {
  return {
    check,
    explain,
    verdict: (p) => check(readFacts(p)),
    trace: (p) => explain(readFacts(p)),
  };
}

function compileComparison(c: Comparison): Compiled {
  const index = FACT_INDEX.get(c.fact) ?? -1;
  const check = checkFor(c, index);
  const label = c.label ?? describeCondition(c.fact, c.op, c.value);
  const { fact, op, value: threshold, written } = c;
  // One object shape for every condition node keeps property access monomorphic.
  const explain = (f: Facts): TraceNode => ({
    kind: 'condition',
    label,
    verdict: check(f),
    fact,
    op,
    threshold,
    written,
    observed: f.raw[index] ?? null,
    children: undefined,
  });
  return withProfileApi(check, explain);
}

function compileAll(kids: readonly Compiled[], label: string): Compiled {
  const checks = kids.map((k) => k.check);
  const check = (f: Facts): Verdict => {
    let unknown = false;
    for (const k of checks) {
      const v = k(f);
      if (v === false) {
        return false;
      }
      if (v === 'unknown') {
        unknown = true;
      }
    }
    return unknown ? 'unknown' : true;
  };
  const explain = (f: Facts): TraceNode => {
    // Stryker disable next-line ArrayDeclaration: a pre-sized array is filled to the same length either way
    const children: TraceNode[] = new Array<TraceNode>(kids.length);
    let verdict: Verdict = true;
    for (let i = 0; i < kids.length; i++) {
      const child = (kids[i] as Compiled).explain(f);
      children[i] = child;
      verdict = and2(verdict, child.verdict);
    }
    return { kind: 'all', label, verdict, children };
  };
  return withProfileApi(check, explain);
}

function compileAny(kids: readonly Compiled[], label: string): Compiled {
  const checks = kids.map((k) => k.check);
  const check = (f: Facts): Verdict => {
    let unknown = false;
    for (const k of checks) {
      const v = k(f);
      if (v === true) {
        return true;
      }
      if (v === 'unknown') {
        unknown = true;
      }
    }
    return unknown ? 'unknown' : false;
  };
  const explain = (f: Facts): TraceNode => {
    // Stryker disable next-line ArrayDeclaration: a pre-sized array is filled to the same length either way
    const children: TraceNode[] = new Array<TraceNode>(kids.length);
    let verdict: Verdict = false;
    for (let i = 0; i < kids.length; i++) {
      const child = (kids[i] as Compiled).explain(f);
      children[i] = child;
      verdict = or2(verdict, child.verdict);
    }
    return { kind: 'any', label, verdict, children };
  };
  return withProfileApi(check, explain);
}

/** Compiles a criteria tree. */
export function compileCriterion(c: Criterion): Compiled {
  if ('all' in c) {
    return compileAll(c.all.map(compileCriterion), c.label ?? 'all of');
  }
  if ('any' in c) {
    return compileAny(c.any.map(compileCriterion), c.label ?? 'any of');
  }
  if ('not' in c) {
    const kid = compileCriterion(c.not);
    const label = c.label ?? 'not';
    return withProfileApi(
      (f) => not3(kid.check(f)),
      (f) => {
        const child = kid.explain(f);
        return { kind: 'not', label, verdict: not3(child.verdict), children: [child] };
      },
    );
  }
  return compileComparison(c);
}
