// fast-check arbitraries for the profile contract: valid profiles (every field optional but lineage, every value in
// range) and arbitrary JSON that may or may not be a profile.
import fc from 'fast-check';
import { HIGH_RISK_GENETICS } from '../../src/profile/index.js';

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq: 2 });

/** A valid profile as JSON (fields absent when unknown). */
export const validProfile = fc
  .record({
    lineage: fc.constantFrom('B', 'T'),
    age: opt(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 120, noNaN: true }))),
    phase: opt(fc.constantFrom('newly-diagnosed', 'remission', 'relapsed-refractory')),
    ph: opt(fc.constantFrom('positive', 'negative', 'unknown')),
    phLike: opt(fc.boolean()),
    cd19: opt(fc.constantFrom('positive', 'dim', 'negative')),
    cd20Percent: opt(fc.double({ min: 0, max: 100, noNaN: true })),
    cd22: opt(fc.constantFrom('positive', 'negative')),
    mrd: opt(
      fc.record(
        {
          value: fc.oneof(
            fc.constant(0),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.constantFrom(0.0001, 0.001, 0.01),
          ),
          afterCycle: fc.integer({ min: 0, max: 6 }),
          method: fc.constantFrom('flow', 'ngs', 'pcr'),
        },
        { requiredKeys: ['value'] },
      ),
    ),
    molecularResponse: opt(fc.constantFrom('complete', 'none')),
    highRiskGenetics: opt(fc.uniqueArray(fc.constantFrom(...HIGH_RISK_GENETICS), { maxLength: 4 })),
    abl1Mutations: opt(fc.uniqueArray(fc.constantFrom('T315I', 'E255K', 'F317L'), { maxLength: 2 })),
    cnsDisease: opt(fc.boolean()),
    extramedullaryDisease: opt(fc.boolean()),
    highDiseaseBurden: opt(fc.boolean()),
    wbc: opt(fc.double({ min: 0, max: 500, noNaN: true })),
    pdl1Positive: opt(fc.boolean()),
    fitForIntensiveChemo: opt(fc.boolean()),
    alloHctPlanned: opt(fc.boolean()),
    pediatricRisk: opt(
      fc.constantFrom('standard-average', 'standard-higher', 'intermediate', 'high', 'very-high'),
    ),
    priorTherapy: opt(
      fc.uniqueArray(fc.constantFrom('vincristine', 'prednisone', 'blinatumomab'), { maxLength: 3 }),
    ),
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));

/** Anything JSON: the profile parser must reject what is not a profile without throwing. */
export const anyJson = fc.oneof(
  fc.jsonValue(),
  validProfile.chain((p) =>
    fc
      .record({
        key: fc.constantFrom(...Object.keys(p), 'extra', '__proto__', 'constructor'),
        value: fc.jsonValue(),
      })
      .map(({ key, value }) => ({ ...p, [key]: value })),
  ),
);
