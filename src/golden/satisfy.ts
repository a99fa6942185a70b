/**
 * Makes a profile satisfy (or fail) a criteria tree by changing as few facts as it can: the generator's way of
 * building, for each rule, a patient that the rule's own criteria accept. The result is checked by the engine
 * itself, so a criterion this solver cannot meet gives `undefined`, never a wrong patient.
 * @module
 */
import { compileCriterion } from '../engine/index.js';
import type { Comparison, Criterion, FactName } from '../kb/core.js';
import { parseProfile } from '../profile/index.js';
import { domainOf } from './fact-domain.js';
import { getFact, type JsonProfile, setFact } from './profile-json.js';
import { tidy } from './thresholds.js';

type Scalar = string | number | boolean;

function listOf(v: Comparison['value']): Scalar[] {
  return Array.isArray(v) ? [...v] : v === undefined ? [] : [v];
}

/** A value of the fact other than the given ones, if the fact's domain has one. */
function other(fact: FactName, not: readonly Scalar[]): Scalar | undefined {
  const d = domainOf(fact);
  switch (d.kind) {
    case 'enum':
      return d.values.find((v) => !not.includes(v));
    case 'boolean':
      return [true, false].find((v) => !not.includes(v));
    case 'number': {
      const n = not.find((x): x is number => typeof x === 'number');
      return n === undefined ? d.min : n + 1 <= d.max ? n + 1 : n - 1;
    }
    default:
      return undefined;
  }
}

/** A number just below or above `t` (a clean step: 1 on wide scales, half the cut-off on small ones). */
function step(fact: FactName, t: number, dir: -1 | 1): number {
  const d = domainOf(fact);
  if (d.kind !== 'number') {
    return t + dir;
  }
  const wide = d.integer || d.max - d.min >= 10;
  const v = wide ? t + dir : dir < 0 ? t / 2 : t === 0 ? (d.max - d.min) / 1000 : t * 2;
  return tidy(Math.min(d.max, Math.max(d.min, v)));
}

function current(p: JsonProfile, fact: FactName): unknown {
  return getFact(p, fact);
}

/** A profile on which the comparison holds. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one case per operator; splitting it would scatter the one table of how each comparison is made true
function makeTrue(c: Comparison, p: JsonProfile): JsonProfile {
  const now = current(p, c.fact);
  const values = listOf(c.value);
  const t = typeof c.value === 'number' ? c.value : Number.NaN;
  const num = typeof now === 'number' ? now : undefined;
  switch (c.op) {
    case 'eq':
    case 'in':
      return values.includes(now as Scalar) ? p : setFact(p, c.fact, values[0]);
    case 'ne':
      return now !== undefined && !values.includes(now as Scalar)
        ? p
        : setFact(p, c.fact, other(c.fact, values));
    case 'lt':
      return num !== undefined && num < t ? p : setFact(p, c.fact, step(c.fact, t, -1));
    case 'le':
      return num !== undefined && num <= t ? p : setFact(p, c.fact, t);
    case 'gt':
      return num !== undefined && num > t ? p : setFact(p, c.fact, step(c.fact, t, 1));
    case 'ge':
      return num !== undefined && num >= t ? p : setFact(p, c.fact, t);
    case 'includes':
    case 'includesAny': {
      const list = Array.isArray(now) ? (now as Scalar[]) : [];
      return values.some((v) => list.includes(v)) ? p : setFact(p, c.fact, [...list, values[0]]);
    }
    case 'known':
      return now !== undefined ? p : setFact(p, c.fact, other(c.fact, []));
    default: {
      const never: never = c.op;
      return never;
    }
  }
}

/** A profile on which the comparison fails (is false, not unknown). */
function makeFalse(c: Comparison, p: JsonProfile): JsonProfile {
  const now = current(p, c.fact);
  const values = listOf(c.value);
  const t = typeof c.value === 'number' ? c.value : Number.NaN;
  const num = typeof now === 'number' ? now : undefined;
  switch (c.op) {
    case 'eq':
    case 'in':
      return now !== undefined && !values.includes(now as Scalar)
        ? p
        : setFact(p, c.fact, other(c.fact, values));
    case 'ne':
      return setFact(p, c.fact, values[0]);
    case 'lt':
      return num !== undefined && num >= t ? p : setFact(p, c.fact, t);
    case 'le':
      return num !== undefined && num > t ? p : setFact(p, c.fact, step(c.fact, t, 1));
    case 'gt':
      return num !== undefined && num <= t ? p : setFact(p, c.fact, t);
    case 'ge':
      return num !== undefined && num < t ? p : setFact(p, c.fact, step(c.fact, t, -1));
    case 'includes':
    case 'includesAny': {
      const list = Array.isArray(now) ? (now as Scalar[]) : [];
      return setFact(
        p,
        c.fact,
        list.filter((v) => !values.includes(v)),
      );
    }
    case 'known':
      return setFact(p, c.fact, undefined);
    default: {
      const never: never = c.op;
      return never;
    }
  }
}

/** The engine's verdict of a criterion on a JSON profile; undefined when the profile is not valid. */
export function verdictOn(c: Criterion, p: JsonProfile): boolean | 'unknown' | undefined {
  const parsed = parseProfile(p);
  return parsed.ok ? compileCriterion(c).verdict(parsed.profile) : undefined;
}

function solve(c: Criterion, p: JsonProfile, want: boolean): JsonProfile {
  if ('not' in c) {
    return solve(c.not, p, !want);
  }
  if ('all' in c || 'any' in c) {
    const kids = 'all' in c ? c.all : c.any;
    // all → true and any → false need every child; all → false and any → true need one.
    const every = 'all' in c === want;
    if (every) {
      let q = p;
      for (let pass = 0; pass < 2; pass++) {
        for (const k of kids) {
          q = solve(k, q, want);
        }
      }
      return q;
    }
    for (const k of kids) {
      const q = solve(k, p, want);
      if (verdictOn(c, q) === want) {
        return q;
      }
    }
    return p;
  }
  return want ? makeTrue(c, p) : makeFalse(c, p);
}

/** The profile changed so the criterion is `want` (true by default); undefined when that was not reached. */
export function satisfy(c: Criterion, p: JsonProfile, want = true): JsonProfile | undefined {
  const q = solve(c, p, want);
  return verdictOn(c, q) === want ? q : undefined;
}
