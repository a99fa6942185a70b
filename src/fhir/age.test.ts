import { afterEach, describe, expect, it } from 'vitest';
import { ageInYears, mapBundle } from './index.js';
import { readExample, terminology } from './test-support.js';

const CASES: readonly [string, string, number | string][] = [
  ['1986-09-02', '2025-02-03', 38],
  ['1986-09-02', '2025-09-01', 38],
  ['1986-09-02', '2025-09-02', 39],
  ['2000-02-29', '2001-02-28', 0],
  ['2000-02-29', '2001-03-01', 1],
  ['2000-02-29', '2004-02-29', 4],
  // Only the calendar date as written counts, whatever the offset: 23:30 in New York is still 1 January there.
  ['1990-01-01', '2025-12-31T23:30:00-05:00', 35],
  ['1990-01-01', '2026-01-01T00:30:00+13:00', 36],
  ['2008-11-20', '2025-01-15', 16],
  // Partial dates: an age only when every day they can mean gives the same one.
  ['1986', '2025-02-03', 'too imprecise'],
  ['1986-01', '2025-02-03', 39],
  ['1986-02', '2025-02', 'too imprecise'],
  ['1986-13-01', '2025-02-03', 'not a valid FHIR date'],
  ['1986-02-30', '2025-02-03', 'not a valid FHIR date'],
  ['1986-09-02', 'yesterday', 'not a valid FHIR date'],
  ['2025-02-04', '2025-02-03', 'before the birthDate'],
];

function run(birth: string, at: string): number | string {
  const r = ageInYears(birth, at);
  return r.ok ? r.years : r.reason;
}

describe('ageInYears', () => {
  for (const [birth, at, expected] of CASES) {
    it(`${birth} → ${at}: ${expected}`, () => {
      const got = run(birth, at);
      if (typeof expected === 'number') {
        expect(got).toBe(expected);
      } else {
        expect(String(got)).toContain(expected);
      }
    });
  }
});

describe('age does not depend on the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = original;
    }
  });

  it('gives the same ages under UTC, America/New_York and Pacific/Auckland', () => {
    const results = ['UTC', 'America/New_York', 'Pacific/Auckland'].map((tz) => {
      process.env.TZ = tz;
      const ages = CASES.map(([birth, at]) => run(birth, at));
      const bundle = mapBundle(readExample(import.meta.url, 'fhir/c-t-all-adolescent.json'), terminology());
      return { ages, bundleAge: bundle.input.age };
    });
    expect(results[0]?.bundleAge).toBe(16);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});
