import { describe, expect, it } from 'vitest';
import { criterionLines, factsOf } from './criteria.js';

const when = {
  all: [
    { fact: 'lineage' as const, op: 'eq' as const, value: 'B' },
    {
      any: [
        { fact: 'ph' as const, op: 'eq' as const, value: 'positive' },
        { fact: 'phLike' as const, op: 'eq' as const, value: true },
      ],
      label: 'Ph-positive or Ph-like',
    },
    { not: { fact: 'age' as const, op: 'lt' as const, value: 18, written: '<18' } },
    { fact: 'ph' as const, op: 'known' as const },
  ],
};

describe('a rule read for people', () => {
  it('names each profile field it tests once', () => {
    expect(factsOf(when)).toEqual(['lineage', 'ph', 'phLike', 'age']);
  });

  it('writes the tree as indented lines in clinician words, with the review’s own thresholds', () => {
    expect(criterionLines(when)).toEqual([
      { depth: 0, text: 'all of' },
      { depth: 1, text: 'Lineage = B-ALL' },
      { depth: 1, text: 'any of — Ph-positive or Ph-like' },
      { depth: 2, text: 'Philadelphia chromosome = positive' },
      { depth: 2, text: 'Ph-like signature = yes' },
      { depth: 1, text: 'not' },
      { depth: 2, text: 'Age < 18 (the review: “<18”)' },
      { depth: 1, text: 'Philadelphia chromosome is known' },
    ]);
  });
});
