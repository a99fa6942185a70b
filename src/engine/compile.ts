/**
 * Compiles criteria trees into closures once per knowledge base, so evaluating a profile is a walk of plain
 * functions (the engine's throughput target includes the trace).
 * @module
 */
import type { Comparison, Criterion, FactName } from '../kb/core.js';
import type { Profile } from '../profile/index.js';
import { and3, not3, or3, type Verdict } from './logic.js';
import { describeCondition, type Scalar, type TraceNode } from './trace.js';

export type Evaluator = (profile: Profile) => TraceNode;

type Getter = (p: Profile) => Scalar | readonly Scalar[] | undefined;

const GETTERS: Record<FactName, Getter> = {
  age: (p) => p.age,
  lineage: (p) => p.lineage,
  phase: (p) => p.phase,
  ph: (p) => p.ph,
  phLike: (p) => p.phLike,
  cd19: (p) => p.cd19,
  cd20Percent: (p) => p.cd20Percent,
  cd22: (p) => p.cd22,
  'mrd.value': (p) => p.mrd?.value,
  'mrd.afterCycle': (p) => p.mrd?.afterCycle,
  'mrd.method': (p) => p.mrd?.method,
  molecularResponse: (p) => p.molecularResponse,
  highRiskGenetics: (p) => p.highRiskGenetics,
  abl1Mutations: (p) => p.abl1Mutations,
  cnsDisease: (p) => p.cnsDisease,
  extramedullaryDisease: (p) => p.extramedullaryDisease,
  highDiseaseBurden: (p) => p.highDiseaseBurden,
  wbc: (p) => p.wbc,
  pdl1Positive: (p) => p.pdl1Positive,
  fitForIntensiveChemo: (p) => p.fitForIntensiveChemo,
  alloHctPlanned: (p) => p.alloHctPlanned,
  pediatricRisk: (p) => p.pediatricRisk,
  priorTherapy: (p) => p.priorTherapy,
};

/** Reads one fact of the profile (`undefined` = unknown). */
export function factOf(profile: Profile, fact: FactName): Scalar | readonly Scalar[] | undefined {
  return GETTERS[fact](profile);
}

/** A scalar's comparison key: strings compare case-insensitively (e.g. "t315i" matches "T315I"). */
const keyOf = (x: Scalar): Scalar => (typeof x === 'string' ? x.toLowerCase() : x);

type Test = (observed: Scalar | readonly Scalar[]) => boolean;

/** Membership of an observed scalar in a precomputed set of expected keys; exact match first, then case-folded. */
function memberOf(keys: ReadonlySet<Scalar>): (o: Scalar) => boolean {
  return (o) => keys.has(o) || (typeof o === 'string' && keys.has(o.toLowerCase()));
}

function testFor(c: Comparison): Test {
  const v = c.value;
  const num = typeof v === 'number' ? v : Number.NaN;
  const list: readonly Scalar[] = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const isMember = memberOf(new Set(list.map(keyOf)));
  switch (c.op) {
    case 'eq':
    case 'in':
      return (o) => !Array.isArray(o) && isMember(o as Scalar);
    case 'ne':
      return (o) => Array.isArray(o) || !isMember(o as Scalar);
    case 'lt':
      return (o) => typeof o === 'number' && o < num;
    case 'le':
      return (o) => typeof o === 'number' && o <= num;
    case 'gt':
      return (o) => typeof o === 'number' && o > num;
    case 'ge':
      return (o) => typeof o === 'number' && o >= num;
    case 'includes':
    case 'includesAny':
      return (o) => {
        if (!Array.isArray(o)) {
          return false;
        }
        for (const x of o as readonly Scalar[]) {
          if (isMember(x)) {
            return true;
          }
        }
        return false;
      };
    case 'known':
      return () => true;
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
}

function compileComparison(c: Comparison): Compiled {
  const get = GETTERS[c.fact];
  const test = testFor(c);
  const label = c.label ?? describeCondition(c.fact, c.op, c.value);
  const { fact, op, value: threshold, written } = c;
  const known = op === 'known';
  const verdict = (p: Profile): Verdict => {
    const observed = get(p);
    if (known) {
      return observed !== undefined;
    }
    return observed === undefined ? 'unknown' : test(observed);
  };
  // One object shape for every condition node keeps property access monomorphic.
  const trace = (p: Profile): TraceNode => ({
    kind: 'condition',
    label,
    verdict: verdict(p),
    fact,
    op,
    threshold,
    written,
    observed: get(p) ?? null,
    children: undefined,
  });
  return { verdict, trace };
}

function compileAll(kids: readonly Compiled[], label: string): Compiled {
  const verdict = (p: Profile): Verdict => {
    let unknown = false;
    for (const k of kids) {
      const v = k.verdict(p);
      if (v === false) {
        return false;
      }
      if (v === 'unknown') {
        unknown = true;
      }
    }
    return unknown ? 'unknown' : true;
  };
  const trace = (p: Profile): TraceNode => {
    const children = kids.map((k) => k.trace(p));
    return { kind: 'all', label, verdict: and3(children.map((n) => n.verdict)), children };
  };
  return { verdict, trace };
}

function compileAny(kids: readonly Compiled[], label: string): Compiled {
  const verdict = (p: Profile): Verdict => {
    let unknown = false;
    for (const k of kids) {
      const v = k.verdict(p);
      if (v === true) {
        return true;
      }
      if (v === 'unknown') {
        unknown = true;
      }
    }
    return unknown ? 'unknown' : false;
  };
  const trace = (p: Profile): TraceNode => {
    const children = kids.map((k) => k.trace(p));
    return { kind: 'any', label, verdict: or3(children.map((n) => n.verdict)), children };
  };
  return { verdict, trace };
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
    return {
      verdict: (p) => not3(kid.verdict(p)),
      trace: (p) => {
        const child = kid.trace(p);
        return { kind: 'not', label, verdict: not3(child.verdict), children: [child] };
      },
    };
  }
  return compileComparison(c);
}
