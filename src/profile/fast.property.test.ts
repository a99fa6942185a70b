// The fast path of parseProfile never disagrees with the schema: when it accepts, the schema accepts and the
// normalized profile is the same (keys in the same order); when it declines, the schema alone decides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, validProfile } from '../../test/support/arbitraries.js';
import { quickProfile } from './fast.js';
import { parseWithSchema } from './parse.js';

const nearlyValid = validProfile.chain((p) =>
  fc.oneof(
    fc.constant(p),
    fc
      .record({
        key: fc.constantFrom(...Object.keys(p), 'mrd', 'age', 'priorTherapy', 'abl1Mutations'),
        value: fc.oneof(
          fc.jsonValue(),
          fc.constantFrom(-1, 121, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', 'x'.repeat(61)),
          fc.record(
            { value: fc.double(), afterCycle: fc.double(), method: fc.string() },
            { requiredKeys: [] },
          ),
        ),
      })
      .map(({ key, value }) => ({ ...p, [key]: value })),
  ),
);

describe('quickProfile (the fast path of parseProfile)', () => {
  it('accepts only what the schema accepts, and normalizes identically, key order included', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid, anyJson), (input) => {
        const quick = quickProfile(input);
        if (quick === undefined) {
          return;
        }
        const slow = parseWithSchema(input);
        expect(slow.ok).toBe(true);
        if (slow.ok) {
          expect(JSON.stringify(quick)).toBe(JSON.stringify(slow.profile));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes every generated valid profile (so screening really uses it)', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        expect(quickProfile(p)).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });
});

// At and just past every bound the fast path checks by itself: it must decline what the schema refuses, and take what
// the schema accepts with the same result (random values rarely land on a bound).
const B = { lineage: 'B' };
const refused: readonly unknown[] = [
  { ...B, mrd: { value: 0.01, afterCycle: 21 } },
  { ...B, mrd: { value: 0.01, afterCycle: -1 } },
  { ...B, mrd: { value: 0.01, afterCycle: 1.5 } },
  { ...B, mrd: { value: 0.01, afterCycle: '1' } },
  { ...B, mrd: { value: 0.01, method: 'elisa' } },
  { ...B, mrd: { value: 1.01 } },
  { ...B, mrd: { value: -0.01 } },
  { ...B, mrd: [0.01] },
  { ...B, mrd: new Date(0) },
  { ...B, priorTherapy: [''] },
  { ...B, priorTherapy: ['x'.repeat(61)] },
  { ...B, priorTherapy: [1] },
  { ...B, priorTherapy: 'vincristine' },
  { ...B, age: Number.POSITIVE_INFINITY },
  { ...B, age: 121 },
  { ...B, age: -1 },
  { ...B, age: '45' },
  { ...B, highRiskGenetics: ['KMT2A', 'NOT-A-LESION'] },
];
const accepted: readonly unknown[] = [
  { ...B, mrd: { value: 0.01, afterCycle: 0 } },
  { ...B, mrd: { value: 0.01, afterCycle: 20 } },
  { ...B, mrd: { value: 0, method: 'flow' } },
  { ...B, mrd: { value: 1 } },
  { ...B, priorTherapy: ['x'.repeat(60), 'a', ' Vincristine ', 'vincristine'] },
  { ...B, age: 0 },
  { ...B, age: 120 },
  { ...B, ph: 'unknown' },
  { ...B, highRiskGenetics: ['KMT2A', 'KMT2A'] },
  Object.assign(Object.create(null) as object, B, { age: 30 }),
];

describe('quickProfile at the bounds it checks', () => {
  it.each(refused)('declines %j, which the schema refuses', (input) => {
    expect(quickProfile(input)).toBeUndefined();
    expect(parseWithSchema(input).ok).toBe(false);
  });

  it.each(accepted)('takes %j as the schema reads it', (input) => {
    const slow = parseWithSchema(input);
    expect(slow.ok).toBe(true);
    expect(JSON.stringify(quickProfile(input))).toBe(JSON.stringify(slow.ok ? slow.profile : undefined));
  });
});
