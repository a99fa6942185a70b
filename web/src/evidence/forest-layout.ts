/**
 * Where the forest plot's parts go: its log-scale domain and ticks, its margins, and the room on each side of the
 * line of no difference (HR = 1) for the row's "favours …" labels. Pure, so the layout is unit-tested.
 * @module
 */
import type { HazardRatio } from './plot-data.js';
import { shortLabel } from './plot-data.js';

/** Font size of the "favours …" labels, in px (the plot's own text is 12 px). */
export const FAVOURS_FONT_PX = 11;
/** Where the HR (95% CI) column starts, past the plot area's right edge, in px. */
export const HR_COLUMN_DX = 100;
/** Gap between the line of no difference and a "favours …" label, in px. */
export const FAVOURS_GAP_PX = 6;

export interface ForestLayout {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  readonly marginLeft: number;
  readonly marginRight: number;
  /** Row height in px: two lines of "favours …" labels fit under the mark. */
  readonly rowHeight: number;
  /** Width of each "favours …" label, in ems of its font (Observable Plot's `lineWidth`: longer text wraps). */
  readonly favoursEms: { readonly below: number; readonly above: number };
}

export function forestDomain(rows: readonly HazardRatio[]): [number, number] {
  const values = rows.flatMap((r) => [r.hr, r.lower ?? r.hr, r.upper ?? r.hr, 1]);
  return [Math.min(...values) / 1.3, Math.max(...values) * 1.3];
}

/** 1-2-5 ticks inside the domain: readable on a log axis. */
export function logTicks([lo, hi]: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** e).toPrecision(3));
      if (t >= lo && t <= hi) {
        ticks.push(t);
      }
    }
  }
  return ticks;
}

/**
 * The layout for `rows` in a plot `width` px wide. The label left of HR = 1 ("← favours the first-named arm") may use
 * the plot area up to its left edge; the one right of it ("favours the second →") the area and the gap before the
 * HR (95% CI) column.
 */
export function forestLayout(rows: readonly HazardRatio[], width: number): ForestLayout {
  const domain = forestDomain(rows);
  const marginLeft = Math.max(120, Math.max(0, ...rows.map((r) => shortLabel(r.label).length)) * 7.2);
  const marginRight = 230;
  const area = Math.max(0, width - marginLeft - marginRight);
  const [lo, hi] = domain;
  const atOne = (Math.log(1 / lo) / Math.log(hi / lo)) * area;
  const ems = (px: number): number => Math.max(4, Math.floor((px - 2 * FAVOURS_GAP_PX) / FAVOURS_FONT_PX));
  return {
    domain,
    ticks: logTicks(domain),
    marginLeft,
    marginRight,
    rowHeight: rows.some((r) => r.favours !== undefined) ? 48 : 28,
    favoursEms: { below: ems(atOne), above: ems(area - atOne + HR_COLUMN_DX) },
  };
}
