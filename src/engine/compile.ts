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

const sameText = (a: Scalar, b: Scalar): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

type Test = (observed: Scalar | readonly Scalar[]) => boolean;

function testFor(c: Comparison): Test {
  const v = c.value;
  const num = typeof v === 'number' ? v : Number.NaN;
  const list: readonly Scalar[] = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const scalar = (o: Scalar | readonly Scalar[]): Scalar | undefined =>
    Array.isArray(o) ? undefined : (o as Scalar);
  switch (c.op) {
    case 'eq':
      return (o) => {
        const s = scalar(o);
        return s !== undefined && v !== undefined && !Array.isArray(v) && sameText(s, v as Scalar);
      };
    case 'ne':
      return (o) => {
        const s = scalar(o);
        return !(s !== undefined && v !== undefined && !Array.isArray(v) && sameText(s, v as Scalar));
      };
    case 'lt':
      return (o) => typeof o === 'number' && o < num;
    case 'le':
      return (o) => typeof o === 'number' && o <= num;
    case 'gt':
      return (o) => typeof o === 'number' && o > num;
    case 'ge':
      return (o) => typeof o === 'number' && o >= num;
    case 'in':
      return (o) => {
        const s = scalar(o);
        return s !== undefined && list.some((x) => sameText(s, x));
      };
    case 'includes':
      return (o) => Array.isArray(o) && o.some((x: Scalar) => list.some((y) => sameText(x, y)));
    case 'includesAny':
      return (o) => Array.isArray(o) && o.some((x: Scalar) => list.some((y) => sameText(x, y)));
    case 'known':
      return () => true;
    default: {
      const never: never = c.op;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

function compileComparison(c: Comparison): Evaluator {
  const get = GETTERS[c.fact];
  const test = testFor(c);
  const label = c.label ?? describeCondition(c.fact, c.op, c.value);
  const base = {
    kind: 'condition' as const,
    label,
    fact: c.fact,
    op: c.op,
    ...(c.value === undefined ? {} : { threshold: c.value }),
    ...(c.written === undefined ? {} : { written: c.written }),
  };
  if (c.op === 'known') {
    return (p) => {
      const observed = get(p);
      return { ...base, observed: observed ?? null, verdict: observed !== undefined };
    };
  }
  return (p) => {
    const observed = get(p);
    const verdict: Verdict = observed === undefined ? 'unknown' : test(observed);
    return { ...base, observed: observed ?? null, verdict };
  };
}

/** Compiles a criteria tree into an evaluator that returns its trace. */
export function compileCriterion(c: Criterion): Evaluator {
  if ('all' in c) {
    const kids = c.all.map(compileCriterion);
    const label = c.label ?? 'all of';
    return (p) => {
      const children = kids.map((k) => k(p));
      return { kind: 'all', label, verdict: and3(children.map((n) => n.verdict)), children };
    };
  }
  if ('any' in c) {
    const kids = c.any.map(compileCriterion);
    const label = c.label ?? 'any of';
    return (p) => {
      const children = kids.map((k) => k(p));
      return { kind: 'any', label, verdict: or3(children.map((n) => n.verdict)), children };
    };
  }
  if ('not' in c) {
    const kid = compileCriterion(c.not);
    const label = c.label ?? 'not';
    return (p) => {
      const child = kid(p);
      return { kind: 'not', label, verdict: not3(child.verdict), children: [child] };
    };
  }
  return compileComparison(c);
}
