// Every operator and every connective of the criteria language, as a table: what it answers for a known value,
// and that an unknown fact gives 'unknown' (never false) through every operator but `known`, through `not`, `all`
// and `any`, in the fast verdict and in the trace alike. Protects the three-valued logic at its smallest parts.
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../kb/core.js';
import type { Profile } from '../profile/index.js';
import { compileCriterion, readFacts } from './compile.js';
import { and2, and3, not3, or2, or3, type Verdict } from './logic.js';

const VERDICTS: readonly Verdict[] = [true, false, 'unknown'];

/** Profile fields as given (case not normalized, so the case-folding of comparisons is tested too). */
type Raw = Readonly<Record<string, unknown>>;

interface Case {
  readonly criterion: Criterion;
  readonly known: Raw;
  readonly whenKnown: Verdict;
}

/** One case per operator (and per shape of its value: one value or a list), on a fact absent from `{}`. */
const OPERATORS: readonly Case[] = [
  { criterion: { fact: 'ph', op: 'eq', value: 'positive' }, known: { ph: 'Positive' }, whenKnown: true },
  { criterion: { fact: 'ph', op: 'eq', value: 'positive' }, known: { ph: 'negative' }, whenKnown: false },
  {
    criterion: { fact: 'ph', op: 'in', value: ['positive', 'unknown'] },
    known: { ph: 'negative' },
    whenKnown: false,
  },
  {
    criterion: { fact: 'ph', op: 'in', value: ['positive', 'unknown'] },
    known: { ph: 'UNKNOWN' },
    whenKnown: true,
  },
  { criterion: { fact: 'ph', op: 'ne', value: 'positive' }, known: { ph: 'negative' }, whenKnown: true },
  { criterion: { fact: 'ph', op: 'ne', value: 'positive' }, known: { ph: 'POSITIVE' }, whenKnown: false },
  {
    criterion: { fact: 'ph', op: 'ne', value: ['positive', 'unknown'] },
    known: { ph: 'negative' },
    whenKnown: true,
  },
  {
    criterion: { fact: 'ph', op: 'ne', value: ['positive', 'unknown'] },
    known: { ph: 'positive' },
    whenKnown: false,
  },
  // A list fact never equals a scalar: `eq`/`in` false, `ne` true.
  {
    criterion: { fact: 'highRiskGenetics', op: 'ne', value: ['KMT2A', 'TP53'] },
    known: { highRiskGenetics: ['KMT2A'] },
    whenKnown: true,
  },
  {
    criterion: { fact: 'highRiskGenetics', op: 'in', value: ['KMT2A', 'TP53'] },
    known: { highRiskGenetics: ['KMT2A'] },
    whenKnown: false,
  },
  { criterion: { fact: 'age', op: 'lt', value: 55 }, known: { age: 54.9 }, whenKnown: true },
  { criterion: { fact: 'age', op: 'lt', value: 55 }, known: { age: 55 }, whenKnown: false },
  { criterion: { fact: 'age', op: 'le', value: 59 }, known: { age: 59.9 }, whenKnown: true },
  { criterion: { fact: 'age', op: 'le', value: 59 }, known: { age: 60 }, whenKnown: false },
  { criterion: { fact: 'age', op: 'gt', value: 55 }, known: { age: 55.9 }, whenKnown: false },
  { criterion: { fact: 'age', op: 'gt', value: 55 }, known: { age: 56 }, whenKnown: true },
  { criterion: { fact: 'age', op: 'ge', value: 18 }, known: { age: 17.9 }, whenKnown: false },
  { criterion: { fact: 'age', op: 'ge', value: 18 }, known: { age: 18 }, whenKnown: true },
  // A comparison of order on a word is false, not unknown: the fact is known, it just is not a number.
  { criterion: { fact: 'ph', op: 'lt', value: 1 }, known: { ph: 'negative' }, whenKnown: false },
  { criterion: { fact: 'ph', op: 'le', value: 1 }, known: { ph: 'negative' }, whenKnown: false },
  { criterion: { fact: 'ph', op: 'gt', value: 1 }, known: { ph: 'negative' }, whenKnown: false },
  { criterion: { fact: 'ph', op: 'ge', value: 1 }, known: { ph: 'negative' }, whenKnown: false },
  {
    criterion: { fact: 'highRiskGenetics', op: 'includes', value: 'KMT2A' },
    known: { highRiskGenetics: ['kmt2a'] },
    whenKnown: true,
  },
  {
    criterion: { fact: 'abl1Mutations', op: 'includesAny', value: ['T315I', 'E255K'] },
    known: { abl1Mutations: ['F317L', 'e255k'] },
    whenKnown: true,
  },
  {
    criterion: { fact: 'abl1Mutations', op: 'includesAny', value: ['T315I', 'E255K'] },
    known: { abl1Mutations: ['F317L'] },
    whenKnown: false,
  },
  // `includes` on a scalar fact is false (the fact is known, it is not a list).
  {
    criterion: { fact: 'ph', op: 'includes', value: 'positive' },
    known: { ph: 'positive' },
    whenKnown: false,
  },
  {
    criterion: { fact: 'mrd.value', op: 'ge', value: 0.0001 },
    known: { mrd: { value: 0.0001 } },
    whenKnown: true,
  },
  {
    criterion: { fact: 'mrd.value', op: 'lt', value: 0.0001 },
    known: { mrd: { value: 0.0001 } },
    whenKnown: false,
  },
];

const asProfile = (x: Raw): Profile => x as unknown as Profile;

function verdicts(c: Criterion, profile: Raw): Verdict[] {
  const compiled = compileCriterion(c);
  const facts = readFacts(asProfile(profile));
  return [
    compiled.check(facts),
    compiled.explain(facts).verdict,
    compiled.verdict(asProfile(profile)),
    compiled.trace(asProfile(profile)).verdict,
  ];
}

describe('every operator', () => {
  it.each(OPERATORS.map((c) => [JSON.stringify(c.criterion), JSON.stringify(c.known), c] as const))(
    '%s on %s gives its verdict, and unknown when the fact is missing',
    (_c, _k, { criterion, known, whenKnown }) => {
      expect(verdicts(criterion, known)).toEqual([whenKnown, whenKnown, whenKnown, whenKnown]);
      expect(verdicts(criterion, {})).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
      // Another fact being known does not make this one known.
      expect(verdicts(criterion, { lineage: 'B', phase: 'remission' })).toEqual([
        'unknown',
        'unknown',
        'unknown',
        'unknown',
      ]);
    },
  );

  it('"known" is false for a missing fact and true for a given one (never unknown)', () => {
    expect(verdicts({ fact: 'mrd.value', op: 'known' }, {})).toEqual([false, false, false, false]);
    expect(verdicts({ fact: 'mrd.value', op: 'known' }, { mrd: { value: 0 } })).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('traces a condition with its fact, operator, threshold and the raw value seen (not case-folded)', () => {
    const t = compileCriterion({ fact: 'ph', op: 'eq', value: 'positive' }).trace(
      asProfile({ ph: 'Positive' }),
    );
    expect(t).toMatchObject({
      kind: 'condition',
      fact: 'ph',
      op: 'eq',
      threshold: 'positive',
      observed: 'Positive',
    });
    expect(t.children).toBeUndefined();
  });
});

describe('connectives', () => {
  /** A leaf with the given verdict: `ph eq positive` on the profile made for it. */
  const leaf = (fact: 'ph' | 'cd22' | 'cd19', v: Verdict): [Criterion, Raw] => [
    { fact, op: 'eq', value: 'positive' },
    v === 'unknown' ? {} : { [fact]: v ? 'positive' : 'negative' },
  ];

  for (const a of VERDICTS) {
    for (const b of VERDICTS) {
      it(`all/any/not of (${String(a)}, ${String(b)}) agree with Kleene logic, fast and traced`, () => {
        const [ca, pa] = leaf('ph', a);
        const [cb, pb] = leaf('cd22', b);
        const profile = { ...pa, ...pb };
        const all = and3([a, b]);
        const any = or3([a, b]);
        expect(verdicts({ all: [ca, cb] }, profile)).toEqual([all, all, all, all]);
        expect(verdicts({ any: [ca, cb] }, profile)).toEqual([any, any, any, any]);
        expect(verdicts({ not: { all: [ca, cb] } }, profile)).toEqual(Array(4).fill(not3(all)));
        expect(and2(a, b)).toBe(all);
        expect(or2(a, b)).toBe(any);
        // The trace keeps every child, in order, whatever the first one says.
        const traced = compileCriterion({ any: [ca, cb] }).trace(asProfile(profile));
        expect(traced.children?.map((c) => c.verdict)).toEqual([a, b]);
        const negated = compileCriterion({ not: ca }).trace(asProfile(profile));
        expect(negated.kind).toBe('not');
        expect(negated.children?.map((c) => c.verdict)).toEqual([a]);
      });
    }
  }

  it('Kleene tables: false wins a conjunction, true a disjunction, unknown otherwise unless all agree', () => {
    expect(and3([])).toBe(true);
    expect(or3([])).toBe(false);
    expect(and3(['unknown', false])).toBe(false);
    expect(or3(['unknown', true])).toBe(true);
    expect(or2('unknown', false)).toBe('unknown');
    expect(or2(false, 'unknown')).toBe('unknown');
    expect(and2('unknown', true)).toBe('unknown');
    expect(and2(true, 'unknown')).toBe('unknown');
    expect(not3(false)).toBe(true);
  });

  it('labels a connective with its own label, or "all of" / "any of" / "not"', () => {
    const p = asProfile({});
    const x: Criterion = { fact: 'ph', op: 'known' };
    expect(compileCriterion({ all: [x] }).trace(p).label).toBe('all of');
    expect(compileCriterion({ any: [x] }).trace(p).label).toBe('any of');
    expect(compileCriterion({ not: x }).trace(p).label).toBe('not');
    expect(compileCriterion({ all: [x], label: 'both' }).trace(p).label).toBe('both');
    expect(compileCriterion({ any: [x], label: 'either' }).trace(p).label).toBe('either');
    expect(compileCriterion({ not: x, label: 'neither' }).trace(p).label).toBe('neither');
  });
});
