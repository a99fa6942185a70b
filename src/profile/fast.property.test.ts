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
