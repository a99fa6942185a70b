import { describe, expect, it } from 'vitest';
import { kb, outcome, study } from '../test-fixtures.js';
import { FAVOURS_FONT_PX, forestDomain, forestLayout, HR_COLUMN_DX, logTicks } from './forest-layout.js';
import { hazardRatios } from './plot-data.js';

const arms = [
  { id: 'x', label: 'chemotherapy + blinatumomab', agents: ['blinatumomab'] },
  { id: 'c', label: 'chemotherapy alone', agents: ['chemotherapy'], control: true },
];
const hr = (id: string, value: number, ci?: { lower: number; upper: number }, named = true) =>
  outcome({
    id,
    measure: 'hazard-ratio',
    unit: 'ratio',
    value,
    ...(ci === undefined ? {} : { ci }),
    ...(named ? { arm: 'x', versus: 'c' } : {}),
  });
const rowsOf = (...outcomes: ReturnType<typeof hr>[]) =>
  hazardRatios(kb({ studies: [study({ id: 's', arms, outcomes })] }));

// Where HR = 1 falls in the plot area, in px from its left edge.
function atOne(rows: ReturnType<typeof rowsOf>, width: number): { atOne: number; area: number } {
  const l = forestLayout(rows, width);
  const area = width - l.marginLeft - l.marginRight;
  const [lo, hi] = l.domain;
  return { atOne: (Math.log(1 / lo) / Math.log(hi / lo)) * area, area };
}

describe('the forest plot layout', () => {
  it('takes every interval and the line of no difference into its domain, with room on both sides', () => {
    const rows = rowsOf(hr('a', 0.16, { lower: 0.05, upper: 0.47 }), hr('b', 0.85));
    const [lo, hi] = forestDomain(rows);
    expect(lo).toBeCloseTo(0.05 / 1.3, 6);
    expect(hi).toBeCloseTo(1.3, 6);
    expect(forestDomain(rowsOf(hr('c', 1.4, { lower: 1.1, upper: 2 })))).toEqual([1 / 1.3, 2 * 1.3]);
  });

  it('ticks 1-2-5 inside the domain only', () => {
    expect(logTicks([0.038, 2.6])).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2]);
    expect(logTicks([0.5, 1])).toEqual([0.5, 1]);
  });

  // The invariant the labels depend on: each "favours …" label wraps inside the room on its side of HR = 1, so it
  // never runs into the row labels (left) or the HR (95% CI) column (right), whatever the hazard ratios are.
  it.each([
    ['HR far below 1', [hr('a', 0.16, { lower: 0.05, upper: 0.47 })]],
    ['HR around 1', [hr('a', 0.97, { lower: 0.58, upper: 1.63 })]],
    ['HR above 1', [hr('a', 1.4, { lower: 1.1, upper: 2.01 })]],
    ['mixed', [hr('a', 0.16, { lower: 0.05, upper: 0.47 }), hr('b', 1.05, { lower: 0.55, upper: 2.01 })]],
  ])('keeps each favours label inside its side of HR = 1 (%s)', (_name, outcomes) => {
    for (const width of [700, 1100]) {
      const rows = rowsOf(...outcomes);
      const l = forestLayout(rows, width);
      const { atOne: x1, area } = atOne(rows, width);
      expect(l.favoursEms.below * FAVOURS_FONT_PX).toBeLessThanOrEqual(x1);
      expect(l.favoursEms.above * FAVOURS_FONT_PX).toBeLessThanOrEqual(area - x1 + HR_COLUMN_DX);
    }
  });

  it('gives the wider side of HR = 1 the wider label', () => {
    const low = forestLayout(rowsOf(hr('a', 0.16, { lower: 0.05, upper: 0.47 })), 1100);
    expect(low.favoursEms.below).toBeGreaterThan(low.favoursEms.above);
    const high = forestLayout(rowsOf(hr('a', 3, { lower: 2, upper: 9 })), 1100);
    expect(high.favoursEms.above).toBeGreaterThan(high.favoursEms.below);
  });

  it('makes rows tall enough for two lines of labels only when some row names both arms', () => {
    expect(forestLayout(rowsOf(hr('a', 0.5)), 1100).rowHeight).toBe(48);
    expect(forestLayout(rowsOf(hr('a', 0.5, undefined, false)), 1100).rowHeight).toBe(28);
  });

  it('widens the left margin for long row labels, never below 120 px', () => {
    expect(forestLayout(rowsOf(hr('a', 0.5)), 1100).marginLeft).toBe(120);
    const long = hazardRatios(
      kb({
        studies: [
          study({
            id: 's',
            name: 'A study with a name long enough to need more room than the least margin',
            arms,
            outcomes: [hr('a', 0.5)],
          }),
        ],
      }),
    );
    expect(forestLayout(long, 1100).marginLeft).toBeGreaterThan(120);
  });
});
