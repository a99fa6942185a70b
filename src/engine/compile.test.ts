import { describe, expect, it } from 'vitest';
import { FACT_NAMES } from '../kb/core.js';
import type { Profile } from '../profile/index.js';
import { PROFILE_FIELDS } from '../profile/values.js';
import { compileCriterion, readFacts } from './compile.js';
import { and3, not3, or3 } from './logic.js';

const p = (extra: Partial<Profile>): Profile => ({ lineage: 'B', phase: 'newly-diagnosed', ...extra });

describe('three-valued logic', () => {
  it('and: false wins over unknown, unknown over true', () => {
    expect(and3([true, 'unknown', false])).toBe(false);
    expect(and3([true, 'unknown'])).toBe('unknown');
    expect(and3([true, true])).toBe(true);
  });
  it('or: true wins over unknown, unknown over false', () => {
    expect(or3([false, 'unknown', true])).toBe(true);
    expect(or3([false, 'unknown'])).toBe('unknown');
    expect(or3([false])).toBe(false);
  });
  it('not keeps unknown', () => {
    expect(not3('unknown')).toBe('unknown');
    expect(not3(true)).toBe(false);
  });
});

describe('compileCriterion', () => {
  const under55 = compileCriterion({ fact: 'age', op: 'lt', value: 55, written: '<55' }).trace;

  it('records the value seen, the threshold and the verdict', () => {
    expect(under55(p({ age: 45 }))).toMatchObject({
      kind: 'condition',
      fact: 'age',
      op: 'lt',
      threshold: 55,
      written: '<55',
      observed: 45,
      verdict: true,
      label: 'age < 55',
    });
  });

  it('is unknown, not false, when the fact is missing', () => {
    expect(under55(p({}))).toMatchObject({ observed: null, verdict: 'unknown' });
  });

  it('is false at the threshold of a strict comparison', () => {
    expect(under55(p({ age: 55 })).verdict).toBe(false);
  });

  it('keeps unknown through not', () => {
    const notPositive = compileCriterion({ not: { fact: 'ph', op: 'eq', value: 'positive' } }).trace;
    expect(notPositive(p({})).verdict).toBe('unknown');
    expect(notPositive(p({ ph: 'negative' })).verdict).toBe(true);
  });

  it('tests list facts with includes and includesAny', () => {
    const kmt2a = compileCriterion({ fact: 'highRiskGenetics', op: 'includes', value: 'KMT2A' }).trace;
    expect(kmt2a(p({ highRiskGenetics: ['KMT2A', 'TP53'] })).verdict).toBe(true);
    expect(kmt2a(p({ highRiskGenetics: [] })).verdict).toBe(false);
    expect(kmt2a(p({})).verdict).toBe('unknown');
    const any = compileCriterion({ fact: 'abl1Mutations', op: 'includesAny', value: ['T315I'] }).trace;
    expect(any(p({ abl1Mutations: ['t315i'] })).verdict).toBe(true);
  });

  it('reads MRD inside its object', () => {
    const mrdPositive = compileCriterion({
      fact: 'mrd.value',
      op: 'ge',
      value: 0.001,
      written: '0.1%',
    }).trace;
    expect(mrdPositive(p({ mrd: { value: 0.001 } })).verdict).toBe(true);
    expect(mrdPositive(p({ mrd: { value: 0 } })).verdict).toBe(false);
    expect(mrdPositive(p({})).verdict).toBe('unknown');
  });

  it('"known" is true or false, never unknown', () => {
    const known = compileCriterion({ fact: 'ph', op: 'known' }).trace;
    expect(known(p({})).verdict).toBe(false);
    expect(known(p({ ph: 'negative' })).verdict).toBe(true);
  });

  it('gives the same verdict without a trace as with one', () => {
    const c = compileCriterion({
      all: [
        { fact: 'lineage', op: 'eq', value: 'B' },
        { any: [{ fact: 'age', op: 'lt', value: 55 }, { not: { fact: 'ph', op: 'eq', value: 'positive' } }] },
      ],
    });
    for (const profile of [
      p({}),
      p({ age: 60 }),
      p({ age: 60, ph: 'positive' }),
      p({ age: 40, ph: 'positive' }),
    ]) {
      expect(c.verdict(profile)).toBe(c.trace(profile).verdict);
    }
  });

  it('traces every child of all/any, not only up to the first false', () => {
    const tree = compileCriterion({
      all: [
        { fact: 'lineage', op: 'eq', value: 'T' },
        { fact: 'age', op: 'lt', value: 55 },
      ],
    }).trace;
    const t = tree(p({ age: 30 }));
    expect(t.verdict).toBe(false);
    expect(t.children?.map((c) => c.verdict)).toEqual([false, true]);
  });
});

describe('the facts a criterion may test', () => {
  it('are the profile fields, MRD by its parts, in the contract order', () => {
    const expected = PROFILE_FIELDS.flatMap((f) =>
      f === 'mrd' ? ['mrd.value', 'mrd.afterCycle', 'mrd.method'] : [f],
    );
    expect([...FACT_NAMES]).toEqual(expected);
  });
});

describe('readFacts: a profile as a fact vector', () => {
  const slot = (fact: (typeof FACT_NAMES)[number]): number => FACT_NAMES.indexOf(fact);
  const odd = (x: Record<string, unknown>): Profile => x as unknown as Profile;

  it('keeps each value raw and case-folds its comparison key, list by list, element by element', () => {
    const f = readFacts(p({ highRiskGenetics: ['KMT2A', 'TP53'], ph: 'positive', age: 54.9 }));
    expect(f.raw[slot('highRiskGenetics')]).toEqual(['KMT2A', 'TP53']);
    expect(f.key[slot('highRiskGenetics')]).toEqual(['kmt2a', 'tp53']);
    expect(f.key[slot('ph')]).toBe('positive');
    expect(f.raw[slot('age')]).toBe(54.9);
    expect(f.key[slot('age')]).toBe(54);
    expect(f.key[slot('lineage')]).toBe('b');
  });

  it('keeps a non-string list element as it is (a hand-built profile)', () => {
    expect(readFacts(odd({ highRiskGenetics: ['KMT2A', 3] })).key[slot('highRiskGenetics')]).toEqual([
      'kmt2a',
      3,
    ]);
  });

  it('ignores fields that are no fact, and reads nested facts only from an object', () => {
    const f = readFacts(odd({ lineage: 'B', name: 'A. Patient', notes: { value: 1 }, mrd: null }));
    expect(f.raw.filter((v) => v !== undefined)).toEqual(['B']);
    const g = readFacts(odd({ mrd: { value: 0.01, method: 'NGS' }, age: undefined }));
    expect(g.raw[slot('mrd.value')]).toBe(0.01);
    expect(g.key[slot('mrd.method')]).toBe('ngs');
    expect(g.raw[slot('mrd.afterCycle')]).toBeUndefined();
    expect(g.raw[slot('age')]).toBeUndefined();
  });
});

describe('comparisons on values a parsed profile or knowledge base cannot hold', () => {
  const odd = (x: Record<string, unknown>): Profile => x as unknown as Profile;

  it('a number comparison never holds for a value that is not a number', () => {
    for (const op of ['lt', 'le', 'gt', 'ge'] as const) {
      const c = compileCriterion({ fact: 'age', op, value: 55 });
      expect(c.verdict(odd({ age: '40' })), `${op} on "40"`).toBe(false);
      expect(c.verdict(odd({ age: '70' })), `${op} on "70"`).toBe(false);
      expect(c.verdict(odd({ age: ['40'] })), `${op} on ["40"]`).toBe(false);
    }
  });

  it('a number comparison with a threshold that is not a number never holds', () => {
    for (const op of ['lt', 'le', 'gt', 'ge'] as const) {
      const c = compileCriterion({ fact: 'age', op, value: '55' });
      expect(c.verdict(p({ age: 40 })), `${op} "55" on 40`).toBe(false);
      expect(c.verdict(p({ age: 70 })), `${op} "55" on 70`).toBe(false);
      expect(c.verdict(p({})), `${op} "55" unknown`).toBe('unknown');
    }
  });

  it('includes on a fact that is not a list is false, whatever its letters', () => {
    const c = compileCriterion({ fact: 'lineage', op: 'includes', value: 'B' });
    expect(c.verdict(p({ lineage: 'B' }))).toBe(false);
    const many = compileCriterion({ fact: 'lineage', op: 'includesAny', value: ['B', 'T'] });
    expect(many.verdict(p({ lineage: 'T' }))).toBe(false);
  });

  it('a fact the profile cannot have is unknown', () => {
    const c = compileCriterion({ fact: 'nonsense', op: 'eq', value: 'B' } as unknown as Parameters<
      typeof compileCriterion
    >[0]);
    expect(c.verdict(p({ lineage: 'B', phase: 'newly-diagnosed' }))).toBe('unknown');
  });

  it('an operator the engine does not know is refused when compiled', () => {
    expect(() =>
      compileCriterion({ fact: 'age', op: 'about', value: 1 } as unknown as Parameters<
        typeof compileCriterion
      >[0]),
    ).toThrow('unknown operator about');
  });

  it('an "all of" and an "any of" say which they are in the trace, with their labels', () => {
    const all = compileCriterion({ all: [{ fact: 'age', op: 'lt', value: 55 }] });
    const any = compileCriterion({ any: [{ fact: 'age', op: 'lt', value: 55 }], label: 'young' });
    expect(all.trace(p({ age: 40 }))).toMatchObject({ kind: 'all', label: 'all of', verdict: true });
    expect(any.trace(p({ age: 40 }))).toMatchObject({ kind: 'any', label: 'young', verdict: true });
    expect(
      compileCriterion({ not: { fact: 'age', op: 'lt', value: 55 } }).trace(p({ age: 40 })),
    ).toMatchObject({
      kind: 'not',
      label: 'not',
      verdict: false,
    });
  });
});
