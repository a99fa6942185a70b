/**
 * Regions of patients as unions of boxes: each box constrains some profile facts (an interval for a number, a set of
 * values for a word or a boolean, present/absent for each member of a list fact) and leaves the others free. A
 * criteria tree becomes such a union (its disjunctive normal form); the scope proof then subtracts the populations of
 * a rule's evidence from the region where the rule fires and reports what is left.
 *
 * Ages are compared in completed years, as the engine compares them: `age lt 55` is the interval [0, 55), `age le 54`
 * the same interval.
 * @module
 */
import type { Comparison, Criterion } from '../schema/index.js';

export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export type Constraint =
  | { readonly kind: 'interval'; readonly interval: Interval }
  | { readonly kind: 'set'; readonly values: ReadonlySet<string> };

/** A box: dimension → constraint; a dimension absent from the map is unconstrained. */
export type Box = ReadonlyMap<string, Constraint>;
/** A union of boxes. */
export type Region = readonly Box[];

/** The values of each word-valued or boolean fact (profile contract). */
export interface Domains {
  readonly sets: ReadonlyMap<string, readonly string[]>;
  readonly ranges: ReadonlyMap<string, Interval>;
  /** List-valued facts: each member becomes a present/absent dimension `fact:member`. */
  readonly lists: ReadonlySet<string>;
}

const YES_NO = ['true', 'false'];

function domainOf(dim: string, d: Domains): Constraint {
  const range = d.ranges.get(dim);
  if (range !== undefined) {
    return { kind: 'interval', interval: range };
  }
  return { kind: 'set', values: new Set(d.sets.get(dim) ?? YES_NO) };
}

const EMPTY_INTERVAL = (i: Interval): boolean => i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));

function intersectIntervals(a: Interval, b: Interval): Interval {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return {
    lo,
    hi,
    loOpen: (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen),
    hiOpen: (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen),
  };
}

function isEmpty(c: Constraint): boolean {
  return c.kind === 'interval' ? EMPTY_INTERVAL(c.interval) : c.values.size === 0;
}

function intersect(a: Constraint, b: Constraint): Constraint {
  if (a.kind === 'interval' && b.kind === 'interval') {
    return { kind: 'interval', interval: intersectIntervals(a.interval, b.interval) };
  }
  if (a.kind === 'set' && b.kind === 'set') {
    return { kind: 'set', values: new Set([...a.values].filter((v) => b.values.has(v))) };
  }
  return { kind: 'set', values: new Set() };
}

/** `a` minus `b`, as disjoint constraints. */
function minus(a: Constraint, b: Constraint): Constraint[] {
  if (a.kind === 'set' && b.kind === 'set') {
    const rest = new Set([...a.values].filter((v) => !b.values.has(v)));
    return rest.size === 0 ? [] : [{ kind: 'set', values: rest }];
  }
  if (a.kind === 'interval' && b.kind === 'interval') {
    const A = a.interval;
    const B = b.interval;
    const below: Interval = { lo: A.lo, loOpen: A.loOpen, hi: B.lo, hiOpen: !B.loOpen };
    const above: Interval = { lo: B.hi, loOpen: !B.hiOpen, hi: A.hi, hiOpen: A.hiOpen };
    return [intersectIntervals(A, below), intersectIntervals(A, above)]
      .filter((i) => !EMPTY_INTERVAL(i))
      .map((interval) => ({ kind: 'interval' as const, interval }));
  }
  return [a];
}

/** The intersection of two boxes, or undefined when it is empty. */
export function meet(a: Box, b: Box): Box | undefined {
  const out = new Map(a);
  for (const [dim, c] of b) {
    const mine = out.get(dim);
    const both = mine === undefined ? c : intersect(mine, c);
    if (isEmpty(both)) {
      return undefined;
    }
    out.set(dim, both);
  }
  return out;
}

/** `a` minus `b`: disjoint boxes covering what of `a` lies outside `b`. */
export function subtract(a: Box, b: Box, d: Domains): Box[] {
  const out: Box[] = [];
  let rest = new Map(a);
  for (const [dim, cb] of b) {
    const ca = rest.get(dim) ?? domainOf(dim, d);
    for (const part of minus(ca, cb)) {
      out.push(new Map(rest).set(dim, part));
    }
    const inside = intersect(ca, cb);
    if (isEmpty(inside)) {
      return out;
    }
    rest = new Map(rest).set(dim, inside);
  }
  return out;
}

/** What of `region` no box of `cover` contains. */
export function uncovered(region: Region, cover: Region, d: Domains): Box[] {
  let left: Box[] = [...region];
  for (const c of cover) {
    left = left.flatMap((box) => subtract(box, c, d));
  }
  return left;
}

const point = (v: number): Interval => ({ lo: v, hi: v, loOpen: false, hiOpen: false });

/** The interval of a numeric comparison within the fact's range; ages in completed years. */
function intervalOf(fact: string, all: Interval, op: string, v: number): Interval[] {
  const years = fact === 'age';
  const cut = (i: Interval): Interval => intersectIntervals(all, i);
  switch (op) {
    case 'lt':
      return [cut({ lo: -Infinity, loOpen: true, hi: v, hiOpen: true })];
    case 'le':
      return [
        cut(
          years
            ? { lo: -Infinity, loOpen: true, hi: Math.floor(v) + 1, hiOpen: true }
            : { lo: -Infinity, loOpen: true, hi: v, hiOpen: false },
        ),
      ];
    case 'gt':
      return [
        cut(
          years
            ? { lo: Math.floor(v) + 1, loOpen: false, hi: Infinity, hiOpen: true }
            : { lo: v, loOpen: true, hi: Infinity, hiOpen: true },
        ),
      ];
    case 'ge':
      return [cut({ lo: v, loOpen: false, hi: Infinity, hiOpen: true })];
    case 'eq':
      return [cut(years ? { lo: v, loOpen: false, hi: v + 1, hiOpen: true } : point(v))];
    case 'ne':
      return [
        cut({ lo: -Infinity, loOpen: true, hi: v, hiOpen: true }),
        cut(
          years
            ? { lo: v + 1, loOpen: false, hi: Infinity, hiOpen: true }
            : { lo: v, loOpen: true, hi: Infinity, hiOpen: true },
        ),
      ];
    default:
      return [all];
  }
}

const NEGATED: Readonly<Record<string, string>> = {
  lt: 'ge',
  le: 'gt',
  gt: 'le',
  ge: 'lt',
  eq: 'ne',
  ne: 'eq',
  in: 'notIn',
};

const key = (v: unknown): string => String(v);

const setBox = (dim: string, values: Iterable<string>): Box =>
  new Map<string, Constraint>([[dim, { kind: 'set', values: new Set(values) }]]);
const intervalBox = (dim: string, interval: Interval): Box =>
  new Map<string, Constraint>([[dim, { kind: 'interval', interval }]]);

/** includes v: member v present; includesAny [a, b]: a present or b present. Negated: every one absent. */
function listRegion(c: Comparison, values: readonly unknown[], negated: boolean): Box[] {
  if (c.op !== 'includes' && c.op !== 'includesAny') {
    return [new Map()];
  }
  if (negated) {
    return [new Map(values.map((v) => [`${c.fact}:${key(v)}`, { kind: 'set', values: new Set(['false']) }]))];
  }
  return values.map((v) => setBox(`${c.fact}:${key(v)}`, ['true']));
}

function numericRegion(c: Comparison, range: Interval, values: readonly unknown[], negated: boolean): Box[] {
  const op = negated ? (NEGATED[c.op] ?? c.op) : c.op;
  const pts = values.filter((v): v is number => typeof v === 'number');
  if (op === 'in') {
    return pts.flatMap((v) => intervalOf(c.fact, range, 'eq', v)).map((i) => intervalBox(c.fact, i));
  }
  if (op === 'notIn') {
    let left: Box[] = [new Map()];
    for (const v of pts) {
      left = left.flatMap((b) =>
        intervalOf(c.fact, range, 'ne', v).flatMap((i) => meet(b, intervalBox(c.fact, i)) ?? []),
      );
    }
    return left;
  }
  return intervalOf(c.fact, range, op, typeof c.value === 'number' ? c.value : Number.NaN)
    .filter((i) => !EMPTY_INTERVAL(i))
    .map((i) => intervalBox(c.fact, i));
}

/** The boxes where one comparison holds (or, `negated`, fails with the fact known). */
function comparisonRegion(c: Comparison, negated: boolean, d: Domains): Box[] {
  const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
  if (c.op === 'known') {
    return [new Map()]; // a known fact constrains no value
  }
  if (d.lists.has(c.fact)) {
    return listRegion(c, values, negated);
  }
  const range = d.ranges.get(c.fact);
  if (range !== undefined) {
    return numericRegion(c, range, values, negated);
  }
  const all = d.sets.get(c.fact) ?? YES_NO;
  const wanted = new Set(values.map(key));
  const outside = c.op === 'ne' ? !negated : negated;
  const set = all.filter((v) => (outside ? !wanted.has(v) : wanted.has(v)));
  return set.length === 0 ? [] : [setBox(c.fact, set)];
}

function product(parts: readonly Region[]): Box[] {
  let acc: Box[] = [new Map()];
  for (const part of parts) {
    acc = acc.flatMap((a) => part.flatMap((b) => meet(a, b) ?? []));
  }
  return acc;
}

/** The region where a criteria tree holds (`negated`: where it fails), with every fact it reads known. */
export function regionOf(c: Criterion, d: Domains, negated = false): Box[] {
  if ('all' in c) {
    return negated ? c.all.flatMap((k) => regionOf(k, d, true)) : product(c.all.map((k) => regionOf(k, d)));
  }
  if ('any' in c) {
    return negated ? product(c.any.map((k) => regionOf(k, d, true))) : c.any.flatMap((k) => regionOf(k, d));
  }
  if ('not' in c) {
    return regionOf(c.not, d, !negated);
  }
  return comparisonRegion(c, negated, d);
}

/** The region where all the criteria hold. */
export function regionOfAll(criteria: readonly Criterion[], d: Domains): Box[] {
  return product(criteria.map((c) => regionOf(c, d)));
}

function describeInterval(dim: string, i: Interval): string {
  if (dim === 'age') {
    const lo = Math.max(0, Math.ceil(i.lo));
    const hi = i.hiOpen ? Math.ceil(i.hi) - 1 : Math.floor(i.hi);
    return lo === hi ? `age ${lo}` : hi >= 120 ? `age ${lo} and older` : `age ${lo}-${hi}`;
  }
  const lo = `${i.loOpen ? '>' : '≥'}${i.lo}`;
  const hi = `${i.hiOpen ? '<' : '≤'}${i.hi}`;
  return `${dim} ${Number.isFinite(i.lo) ? lo : ''}${Number.isFinite(i.lo) && Number.isFinite(i.hi) ? ' and ' : ''}${Number.isFinite(i.hi) ? hi : ''}`;
}

/** A box in words: its constrained dimensions, those of `focus` first. */
export function describeBox(box: Box, d: Domains): string {
  const parts: string[] = [];
  for (const [dim, c] of [...box].sort(([a], [b]) => (a === 'age' ? -1 : b === 'age' ? 1 : a < b ? -1 : 1))) {
    const full = domainOf(dim, d);
    if (c.kind === 'interval') {
      const f = full.kind === 'interval' ? full.interval : undefined;
      if (
        f !== undefined &&
        f.lo === c.interval.lo &&
        f.hi === c.interval.hi &&
        f.loOpen === c.interval.loOpen &&
        f.hiOpen === c.interval.hiOpen
      ) {
        continue;
      }
      parts.push(describeInterval(dim, c.interval));
    } else if (full.kind !== 'set' || c.values.size < full.values.size) {
      parts.push(`${dim} ${[...c.values].join(' or ')}`);
    }
  }
  return parts.length === 0 ? 'every patient' : parts.join(', ');
}
