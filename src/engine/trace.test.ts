// A condition the knowledge base gives no label is named from its fact, operator and value: every operator reads
// as its symbol or words, lists are joined, and `known` takes no value.
import { describe, expect, it } from 'vitest';
import type { FactName, Operator } from '../kb/index.js';
import { describeCondition, OP_TEXT } from './trace.js';

describe('describeCondition', () => {
  it.each<[FactName, Operator, unknown, string]>([
    ['age', 'eq', 18, 'age = 18'],
    ['age', 'ne', 18, 'age ≠ 18'],
    ['age', 'lt', 55, 'age < 55'],
    ['age', 'le', 60, 'age ≤ 60'],
    ['age', 'gt', 39, 'age > 39'],
    ['age', 'ge', 18, 'age ≥ 18'],
    ['ph', 'in', ['positive', 'negative'], 'ph is one of positive, negative'],
    ['highRiskGenetics', 'includes', 'KMT2A', 'highRiskGenetics includes KMT2A'],
    [
      'highRiskGenetics',
      'includesAny',
      ['KMT2A', 'iAMP21'],
      'highRiskGenetics includes any of KMT2A, iAMP21',
    ],
    ['ph', 'known', true, 'ph is known'],
    ['ph', 'known', undefined, 'ph is known'],
  ])('%s %s %o → %s', (fact, op, value, text) => {
    expect(describeCondition(fact, op, value)).toBe(text);
  });

  it('has words for every operator, each different', () => {
    const words = Object.values(OP_TEXT);
    expect(words.every((w) => w.length > 0)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });
});
