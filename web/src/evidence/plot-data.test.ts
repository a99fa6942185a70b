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
      ['E2 (os-a)', 'whole cohort or subgroup', 70],
      ['E2 (os-b)', 'whole cohort or subgroup', 60],
    ]);
  });

  it('shortens axis labels only', () => {
    expect(shortLabel('x'.repeat(70), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortLabel('short')).toBe('short');
  });
});
