import { describe, expect, it } from 'vitest';
import { kb, outcome, study } from '../test-fixtures.js';
import { endpointChoices, hazardRatios, ratesFor, shortLabel } from './plot-data.js';

const k = kb({
  studies: [
    study({
      id: 'e1',
      arms: [
        { id: 'x', label: 'blinatumomab', agents: ['blinatumomab'] },
        { id: 'c', label: 'chemotherapy', agents: ['chemotherapy'], control: true },
      ],
      outcomes: [
        outcome({
          id: 'hr',
          measure: 'hazard-ratio',
          unit: 'ratio',
          value: 0.5,
          ci: { lower: 0.3, upper: 0.8 },
          arm: 'x',
          versus: 'c',
        }),
        outcome({ id: 'hr-noci', measure: 'hazard-ratio', unit: 'ratio', value: 0.7, endpoint: 'EFS' }),
        outcome({ id: 'os-x', timepoint: '3-year', arm: 'x', value: 85 }),
        outcome({ id: 'os-c', timepoint: '3-year', arm: 'c', value: 68 }),
      ],
    }),
    study({
      id: 'e2',
      outcomes: [
        outcome({ id: 'os-a', timepoint: '3-year', value: 70 }),
        outcome({ id: 'os-b', timepoint: '3-year', value: 60 }),
        outcome({ id: 'cr', endpoint: 'CR', value: 90 }),
      ],
    }),
  ],
});

describe('the forest plot data', () => {
  it('has one row per hazard ratio, with or without a CI', () => {
    const rows = hazardRatios(k);
    expect(rows.map((r) => [r.key, r.hasCi, r.lower, r.upper])).toEqual([
      ['e1/hr', true, 0.3, 0.8],
      ['e1/hr-noci', false, undefined, undefined],
    ]);
    expect(rows[0]?.comparison).toBe('blinatumomab vs chemotherapy');
  });
});

describe('the cross-trial comparison data', () => {
  it('offers endpoints that two studies report as a percentage', () => {
    expect(endpointChoices(k).map((c) => c.key)).toEqual(['OS|3-year']);
  });

  it('gives every figure its own row, grouped by arm role', () => {
    const rows = ratesFor(k, 'OS|3-year');
    expect(rows.map((r) => [r.label, r.group, r.value])).toEqual([
      ['E1 · blinatumomab', 'experimental arm', 85],
      ['E1 · chemotherapy', 'control arm', 68],
      ['E2 · figure 1 of 2', 'whole cohort or subgroup', 70],
      ['E2 · figure 2 of 2', 'whole cohort or subgroup', 60],
    ]);
    expect(rows.map((r) => r.label).join(' ')).not.toMatch(/os-a|os-b|\(/);
  });

  it('carries the 95% CI of a rate when the review gives one', () => {
    const withCi = kb({
      studies: [
        study({
          id: 'e3',
          outcomes: [outcome({ id: 'o', timepoint: '3-year', value: 50, ci: { lower: 40, upper: 60 } })],
        }),
      ],
    });
    expect(ratesFor(withCi, 'OS|3-year').map((r) => [r.lower, r.upper])).toEqual([[40, 60]]);
  });

  it('tells two cohorts of one trial apart by their Ph status, not by an id', () => {
    const two = kb({
      studies: [
        study({
          id: 's-neg',
          name: 'SWOG 1318',
          ph: 'negative',
          outcomes: [outcome({ id: 'os-3y', timepoint: '3-year', value: 37 })],
        }),
        study({
          id: 's-pos',
          name: 'SWOG 1318',
          ph: 'positive',
          outcomes: [outcome({ id: 'os-3y', timepoint: '3-year', value: 87 })],
        }),
      ],
    });
    expect(ratesFor(two, 'OS|3-year').map((r) => r.label)).toEqual([
      'SWOG 1318 · Ph-negative',
      'SWOG 1318 · Ph-positive',
    ]);
  });

  it('shortens axis labels in the middle, so distinct labels stay distinct', () => {
    expect(shortLabel('x'.repeat(70), 10)).toBe(`${'x'.repeat(5)}…${'x'.repeat(4)}`);
    expect(shortLabel('short')).toBe('short');
    const a = `GIMEMA LAL2317 · ${'long arm description '.repeat(3)}· MRD-negative`;
    const b = `GIMEMA LAL2317 · ${'long arm description '.repeat(3)}· MRD-positive`;
    expect(shortLabel(a)).not.toBe(shortLabel(b));
  });
});
