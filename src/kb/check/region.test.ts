import { describe, expect, it } from 'vitest';
import type { Criterion } from '../schema/index.js';
import {
  type Box,
  type Domains,
  describeBox,
  type Interval,
  meet,
  regionOf,
  regionOfAll,
  subtract,
  uncovered,
} from './region.js';
import { PROFILE_DOMAINS as D } from './scope-proof.js';

const age = (op: 'lt' | 'le' | 'gt' | 'ge' | 'eq', value: number): Criterion => ({ fact: 'age', op, value });
const left = (rule: Criterion[], ...cover: Criterion[][]): string[] =>
  uncovered(
    regionOfAll(rule, D),
    cover.flatMap((c) => regionOfAll(c, D)),
    D,
  ).map((b) => describeBox(b, D));

describe('regions of patients', () => {
  it('reads ages in completed years: "le 54" and "lt 55" are the same patients', () => {
    expect(left([age('le', 54)], [age('lt', 55)])).toEqual([]);
    expect(left([age('lt', 55)], [age('le', 54)])).toEqual([]);
    expect(left([age('gt', 55)], [age('ge', 56)])).toEqual([]);
    expect(left([age('ge', 55)], [age('gt', 55)])).toEqual(['age 55']);
  });

  it('names the ages a rule reaches past its evidence', () => {
    expect(left([age('lt', 55)], [age('ge', 30), age('le', 70)])).toEqual(['age 0-29']);
    expect(
      left([age('ge', 18), age('lt', 55)], [age('ge', 30), age('le', 70)], [age('ge', 18), age('le', 65)]),
    ).toEqual([]);
    expect(left([age('ge', 60)], [age('ge', 25), age('le', 65)])).toEqual(['age 66 and older']);
  });

  it('keeps words as sets: a rule for any fitness is not covered by a study of fit patients only', () => {
    const fit: Criterion = { fact: 'fitForIntensiveChemo', op: 'eq', value: true };
    expect(left([age('ge', 18)], [age('ge', 18), fit])).toEqual([
      'age 18 and older, fitForIntensiveChemo false',
    ]);
    expect(left([age('ge', 18), fit], [age('ge', 18), fit])).toEqual([]);
  });

  it('turns any, not and list membership into boxes', () => {
    const cd22neg: Criterion = { fact: 'cd22', op: 'eq', value: 'negative' };
    expect(regionOf({ not: cd22neg }, D).map((b) => describeBox(b, D))).toEqual(['cd22 positive']);
    const anyOf: Criterion = { fact: 'highRiskGenetics', op: 'includesAny', value: ['KMT2A', 'TP53'] };
    expect(regionOf(anyOf, D)).toHaveLength(2);
    expect(regionOf({ not: anyOf }, D).map((b) => describeBox(b, D))).toEqual([
      'highRiskGenetics:KMT2A false, highRiskGenetics:TP53 false',
    ]);
    const either: Criterion = { any: [age('lt', 18), age('gt', 65)] };
    expect(left([either], [age('ge', 0), age('le', 17)])).toEqual(['age 66 and older']);
  });

  it('reads numbers other than age as real intervals', () => {
    const mrd = (op: 'lt' | 'ge', value: number): Criterion => ({ fact: 'mrd.value', op, value });
    expect(left([mrd('ge', 0.0001)], [mrd('ge', 0.001)]).join()).toContain('mrd.value ≥0.0001 and <0.001');
    expect(left([mrd('lt', 0.0001)], [mrd('lt', 0.0001)])).toEqual([]);
  });
});

// The algebra itself, on a small domain: `x` a real number in [0, 100], `w` a word (a, b, c), `f` a boolean, `list` a
// list fact; ages in completed years in [0, 121).
const S: Domains = {
  sets: new Map([['w', ['a', 'b', 'c']]]),
  ranges: new Map([
    ['age', { lo: 0, hi: 121, loOpen: false, hiOpen: true }],
    ['x', { lo: 0, hi: 100, loOpen: false, hiOpen: false }],
  ]),
  lists: new Set(['list']),
};
const iv = (i: Interval): string => `${i.loOpen ? '(' : '['}${i.lo},${i.hi}${i.hiOpen ? ')' : ']'}`;
/** A box exactly: every dimension in order, intervals with their open and closed ends. */
const show = (b: Box): string =>
  [...b]
    .sort(([p], [q]) => (p < q ? -1 : 1))
    .map(([dim, c]) => `${dim}${c.kind === 'interval' ? iv(c.interval) : `{${[...c.values].join(',')}}`}`)
    .join(' ');
const shows = (bs: readonly Box[]): string[] => bs.map(show);
const cmp = (fact: string, op: string, value?: unknown): Criterion =>
  ({ fact, op, value }) as unknown as Criterion;
const of = (c: Criterion): string[] => shows(regionOf(c, S));
const interval = (dim: string, i: Interval): Box => new Map([[dim, { kind: 'interval', interval: i }]]);
const set = (dim: string, values: string[]): Box =>
  new Map([[dim, { kind: 'set', values: new Set(values) }]]);

describe('comparisons as regions', () => {
  it('reads each operator on a real number with its open and closed ends', () => {
    expect(of(cmp('x', 'lt', 5))).toEqual(['x[0,5)']);
    expect(of(cmp('x', 'le', 5))).toEqual(['x[0,5]']);
    expect(of(cmp('x', 'gt', 5))).toEqual(['x(5,100]']);
    expect(of(cmp('x', 'ge', 5))).toEqual(['x[5,100]']);
    expect(of(cmp('x', 'eq', 5))).toEqual(['x[5,5]']);
    expect(of(cmp('x', 'ne', 5))).toEqual(['x[0,5)', 'x(5,100]']);
    expect(of(cmp('x', 'in', [5, 7, 'not a number']))).toEqual(['x[5,5]', 'x[7,7]']);
    expect(of({ not: cmp('x', 'in', [5, 7]) })).toEqual(['x[0,5)', 'x(5,7)', 'x(7,100]']);
    // Beyond the range: nothing.
    expect(of(cmp('x', 'gt', 100))).toEqual([]);
    expect(of(cmp('x', 'lt', 0))).toEqual([]);
  });

  it('reads ages in completed years', () => {
    expect(of(cmp('age', 'lt', 55))).toEqual(['age[0,55)']);
    expect(of(cmp('age', 'le', 54))).toEqual(['age[0,55)']);
    expect(of(cmp('age', 'le', 54.5))).toEqual(['age[0,55)']);
    expect(of(cmp('age', 'gt', 55))).toEqual(['age[56,121)']);
    expect(of(cmp('age', 'gt', 55.5))).toEqual(['age[56,121)']);
    expect(of(cmp('age', 'ge', 55))).toEqual(['age[55,121)']);
    expect(of(cmp('age', 'eq', 10))).toEqual(['age[10,11)']);
    expect(of(cmp('age', 'ne', 10))).toEqual(['age[0,10)', 'age[11,121)']);
    expect(of(cmp('age', 'in', [1, 3]))).toEqual(['age[1,2)', 'age[3,4)']);
  });

  it('negates each operator, the fact known', () => {
    const neg = (op: string, v: unknown): string[] => of({ not: cmp('x', op, v) });
    expect(neg('lt', 5)).toEqual(['x[5,100]']);
    expect(neg('le', 5)).toEqual(['x(5,100]']);
    expect(neg('gt', 5)).toEqual(['x[0,5]']);
    expect(neg('ge', 5)).toEqual(['x[0,5)']);
    expect(neg('eq', 5)).toEqual(['x[0,5)', 'x(5,100]']);
    expect(neg('ne', 5)).toEqual(['x[5,5]']);
  });

  it('reads words and booleans as sets, "ne" as the other values, and an empty set as no patient', () => {
    expect(of(cmp('w', 'eq', 'a'))).toEqual(['w{a}']);
    expect(of(cmp('w', 'in', ['a', 'c']))).toEqual(['w{a,c}']);
    expect(of(cmp('w', 'ne', 'a'))).toEqual(['w{b,c}']);
    expect(of({ not: cmp('w', 'ne', 'a') })).toEqual(['w{a}']);
    expect(of({ not: cmp('w', 'in', ['a', 'c']) })).toEqual(['w{b}']);
    expect(of(cmp('w', 'in', []))).toEqual([]);
    expect(of(cmp('w', 'eq', 'z'))).toEqual([]);
    expect(of(cmp('f', 'eq', true))).toEqual(['f{true}']);
    expect(of({ not: cmp('f', 'eq', true) })).toEqual(['f{false}']);
  });

  it('reads list membership per member, and any other operator on a list, or "known", as every patient', () => {
    expect(of(cmp('list', 'includes', 'K'))).toEqual(['list:K{true}']);
    expect(of(cmp('list', 'includesAny', ['K', 'T']))).toEqual(['list:K{true}', 'list:T{true}']);
    expect(of({ not: cmp('list', 'includesAny', ['K', 'T']) })).toEqual(['list:K{false} list:T{false}']);
    expect(of(cmp('list', 'eq', 'K'))).toEqual(['']);
    expect(of(cmp('age', 'known'))).toEqual(['']);
    expect(of({ not: cmp('w', 'known') })).toEqual(['']);
  });

  it('reads all, any and not, negated by De Morgan', () => {
    const a = cmp('x', 'lt', 5);
    const b = cmp('w', 'eq', 'a');
    expect(of({ all: [a, b] })).toEqual(['w{a} x[0,5)']);
    expect(of({ any: [a, b] })).toEqual(['x[0,5)', 'w{a}']);
    expect(of({ not: { all: [a, b] } })).toEqual(['x[5,100]', 'w{b,c}']);
    expect(of({ not: { any: [a, b] } })).toEqual(['w{b,c} x[5,100]']);
    expect(of({ not: { not: a } })).toEqual(['x[0,5)']);
    expect(shows(regionOfAll([a, b], S))).toEqual(['w{a} x[0,5)']);
  });
});

describe('meeting and subtracting boxes', () => {
  it('meets intervals keeping the tighter end, open where either is open', () => {
    const m = (p: Interval, q: Interval): string[] => {
      const got = meet(interval('x', p), interval('x', q));
      return got === undefined ? [] : [show(got)];
    };
    const closed = (lo: number, hi: number): Interval => ({ lo, hi, loOpen: false, hiOpen: false });
    expect(m(closed(0, 10), { lo: 0, hi: 10, loOpen: true, hiOpen: false })).toEqual(['x(0,10]']);
    expect(m({ lo: 0, hi: 10, loOpen: true, hiOpen: false }, closed(0, 10))).toEqual(['x(0,10]']);
    expect(m(closed(0, 10), { lo: 0, hi: 10, loOpen: false, hiOpen: true })).toEqual(['x[0,10)']);
    expect(m({ lo: 0, hi: 10, loOpen: false, hiOpen: true }, closed(0, 10))).toEqual(['x[0,10)']);
    expect(m(closed(0, 10), closed(5, 20))).toEqual(['x[5,10]']);
    expect(m(closed(5, 20), closed(0, 10))).toEqual(['x[5,10]']);
    expect(m(closed(0, 5), closed(5, 10))).toEqual(['x[5,5]']);
    expect(m(closed(0, 5), { lo: 5, hi: 10, loOpen: true, hiOpen: false })).toEqual([]);
    expect(m({ lo: 0, hi: 5, loOpen: false, hiOpen: true }, closed(5, 10))).toEqual([]);
    expect(m(closed(0, 4), closed(5, 10))).toEqual([]);
  });

  it('meets sets by their common values, a dimension missing on one side as free, and never an interval with a set', () => {
    expect(show(meet(set('w', ['a', 'b']), set('w', ['b', 'c'])) ?? new Map())).toBe('w{b}');
    expect(meet(set('w', ['a']), set('w', ['b']))).toBeUndefined();
    expect(
      show(meet(set('w', ['a']), interval('x', { lo: 1, hi: 2, loOpen: false, hiOpen: false })) ?? new Map()),
    ).toBe('w{a} x[1,2]');
    expect(
      meet(set('x', ['a']), interval('x', { lo: 1, hi: 2, loOpen: false, hiOpen: false })),
    ).toBeUndefined();
    expect(
      meet(interval('x', { lo: 1, hi: 2, loOpen: false, hiOpen: false }), set('x', ['a'])),
    ).toBeUndefined();
  });

  it('subtracts into disjoint parts, reading a free dimension as its whole domain', () => {
    const ge18 = interval('age', { lo: 18, hi: 121, loOpen: false, hiOpen: true });
    expect(shows(subtract(new Map(), ge18, S))).toEqual(['age[0,18)']);
    expect(shows(subtract(new Map(), set('w', ['a']), S))).toEqual(['w{b,c}']);
    expect(shows(subtract(new Map(), set('f', ['true']), S))).toEqual(['f{false}']);
    const mid = interval('x', { lo: 10, hi: 20, loOpen: false, hiOpen: true });
    expect(shows(subtract(interval('x', { lo: 0, hi: 100, loOpen: false, hiOpen: false }), mid, S))).toEqual([
      'x[0,10)',
      'x[20,100]',
    ]);
    expect(
      shows(
        subtract(
          interval('x', { lo: 0, hi: 100, loOpen: false, hiOpen: false }),
          interval('x', { lo: 10, hi: 20, loOpen: true, hiOpen: false }),
          S,
        ),
      ),
    ).toEqual(['x[0,10]', 'x(20,100]']);
    // Two dimensions: what lies outside the first, then what lies inside it but outside the second.
    const both = new Map([
      ...set('w', ['a']),
      ...interval('x', { lo: 0, hi: 50, loOpen: false, hiOpen: false }),
    ]);
    expect(shows(subtract(new Map(), both, S))).toEqual(['w{b,c}', 'w{a} x(50,100]']);
    // Nothing in common on the first dimension: the box is left whole, and nothing else is added.
    const low = interval('x', { lo: 0, hi: 5, loOpen: false, hiOpen: true });
    const far = new Map([
      ...interval('x', { lo: 10, hi: 20, loOpen: false, hiOpen: false }),
      ...set('w', ['a']),
    ]);
    expect(shows(subtract(low, far, S))).toEqual(['x[0,5)']);
    // A box inside the other leaves nothing; mismatched kinds leave the box as it is.
    expect(subtract(set('w', ['a']), set('w', ['a', 'b']), S)).toEqual([]);
    expect(shows(subtract(set('x', ['a']), low, S))).toEqual(['x{a}']);
  });

  it('leaves uncovered what no box of the cover contains, through every box', () => {
    const parts = [0, 30, 60].map((lo) => interval('x', { lo, hi: lo + 30, loOpen: false, hiOpen: true }));
    expect(shows(uncovered([new Map()], parts, S))).toEqual(['x[90,100]']);
    expect(
      uncovered([new Map()], [...parts, interval('x', { lo: 90, hi: 100, loOpen: false, hiOpen: false })], S),
    ).toEqual([]);
  });
});

describe('boxes in words', () => {
  it('says every constrained dimension, age first, then by name; a whole domain is not said', () => {
    const box = new Map([
      ...set('w', ['a', 'b']),
      ...interval('age', { lo: 18, hi: 121, loOpen: false, hiOpen: true }),
      ...set('f', ['true']),
      ...interval('x', { lo: 0, hi: 100, loOpen: false, hiOpen: false }),
    ]);
    expect(describeBox(box, S)).toBe('age 18 and older, f true, w a or b');
    expect(describeBox(set('w', ['a', 'b', 'c']), S)).toBe('every patient');
    expect(describeBox(new Map(), S)).toBe('every patient');
    expect(describeBox(new Map([...set('b', ['x']), ...set('a', ['y'])]), S)).toBe('a y, b x');
  });

  it('writes numbers with their open and closed ends, and ages as years', () => {
    const x = (lo: number, hi: number, loOpen: boolean, hiOpen: boolean) =>
      describeBox(interval('x', { lo, hi, loOpen, hiOpen }), S);
    expect(x(5, 10, false, true)).toBe('x ≥5 and <10');
    expect(x(5, 10, true, false)).toBe('x >5 and ≤10');
    expect(x(0, 100, true, false)).toBe('x >0 and ≤100');
    expect(x(0, 100, false, true)).toBe('x ≥0 and <100');
    expect(describeBox(interval('y', { lo: -Infinity, hi: 3, loOpen: true, hiOpen: true }), S)).toBe('y <3');
    expect(describeBox(interval('y', { lo: 3, hi: Infinity, loOpen: false, hiOpen: true }), S)).toBe('y ≥3');
    const a = (lo: number, hi: number) =>
      describeBox(interval('age', { lo, hi, loOpen: false, hiOpen: true }), S);
    expect(a(0, 18)).toBe('age 0-17');
    expect(a(55, 56)).toBe('age 55');
    expect(a(60, 121)).toBe('age 60 and older');
    expect(describeBox(interval('age', { lo: 18, hi: 65, loOpen: false, hiOpen: false }), S)).toBe(
      'age 18-65',
    );
  });
});
