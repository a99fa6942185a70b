import { describe, expect, it } from 'vitest';
import type { Criterion } from '../schema/index.js';
import { describeBox, regionOf, regionOfAll, uncovered } from './region.js';
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
