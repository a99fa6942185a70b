/**
 * `/evidence/forest`: every hazard ratio the review reports, with its confidence interval, on a log scale with a reference line
 * at 1 (Observable Plot). One mark per hazard ratio; those reported without a CI are hollow points, and say so.
 * @module
 */
import { dot, plot, ruleX, ruleY, text } from '@observablehq/plot';
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Kb } from '../contract.js';
import { printedIn } from '../contract.js';
import { Link } from '../router.js';
import { QuoteText, Refs } from '../ui/quote.js';
import { fmtNumber } from '../ui/text.js';
import { FAVOURS_FONT_PX, FAVOURS_GAP_PX, forestLayout, HR_COLUMN_DX } from './forest-layout.js';
import { type HazardRatio, hazardRatios, shortLabel } from './plot-data.js';
import { PlotFigure } from './plot-figure.js';
import { EvidenceNav } from './studies-view.js';
import { ciText } from './study-view.js';

function tooltip(r: HazardRatio): string {
  const ci = r.hasCi ? ciText(r.outcome) : 'no CI reported';
  return `${r.label}\n${r.comparison}\nHR ${printedIn(r.outcome.quote, r.hr)} (${ci})`;
}

/** "0.41 (0.20–0.84)", or "1.3 (no CI)": the HR column of the plot. */
export function hrCiText(r: HazardRatio): string {
  const hr = printedIn(r.outcome.quote, r.hr);
  const ci = r.outcome.ci;
  return ci === undefined
    ? `${hr} (no CI)`
    : `${hr} (${printedIn(r.outcome.quote, ci.lower)}–${printedIn(r.outcome.quote, ci.upper)})`;
}

/** The forest plot (an SVG built by Observable Plot). */
export function forestPlot(rows: readonly HazardRatio[], width: number): Element {
  const labels = rows.map((r) => r.label);
  const withCi = rows.filter((r) => r.hasCi);
  const withoutCi = rows.filter((r) => !r.hasCi);
  const withArms = rows.filter((r) => r.favours !== undefined);
  const layout = forestLayout(rows, width);
  // Each row says under its mark which arm each side of HR = 1 favours; a long arm name wraps onto a second line.
  const favours = (side: 'below' | 'above') =>
    text(withArms, {
      x: () => 1,
      y: 'label',
      text: (r: HazardRatio) =>
        side === 'below' ? `← favours ${r.favours?.below ?? ''}` : `favours ${r.favours?.above ?? ''} →`,
      textAnchor: side === 'below' ? 'end' : 'start',
      dx: side === 'below' ? -FAVOURS_GAP_PX : FAVOURS_GAP_PX,
      dy: 9,
      lineAnchor: 'top',
      lineWidth: layout.favoursEms[side],
      fontSize: FAVOURS_FONT_PX,
      fill: '#444',
      ariaDescription: side === 'below' ? 'below 1 favours' : 'above 1 favours',
    });
  return plot({
    width,
    height: 40 + rows.length * layout.rowHeight,
    marginLeft: layout.marginLeft,
    marginBottom: 48,
    marginRight: layout.marginRight,
    style: { fontSize: '12px', color: '#1a1a1a', background: 'white' },
    ariaLabel: `Forest plot of ${rows.length} hazard ratios`,
    x: {
      type: 'log',
      domain: [...layout.domain],
      grid: true,
      labelAnchor: 'center',
      labelOffset: 40,
      label:
        '← below 1 favours the first-named arm · hazard ratio (log scale) · above 1 favours the second →',
      ticks: [...layout.ticks],
      tickFormat: (d: number) => fmtNumber(d),
    },
    y: { domain: labels, label: null, tickSize: 0, tickFormat: (d: string) => shortLabel(d) },
    marks: [
      ruleX([1], { stroke: '#333', strokeDasharray: '4,3', ariaDescription: 'no difference (HR = 1)' }),
      ruleY(withCi, {
        x1: 'lower',
        x2: 'upper',
        y: 'label',
        stroke: '#1f4e8c',
        strokeWidth: 2,
        ariaDescription: 'confidence interval',
      }),
      dot(rows, {
        x: 'hr',
        y: 'label',
        r: 5,
        symbol: (r: HazardRatio) => (r.hasCi ? 'square' : 'circle'),
        fill: (r: HazardRatio) => (r.hasCi ? '#1f4e8c' : 'white'),
        stroke: '#1f4e8c',
        strokeWidth: 1.5,
        title: tooltip,
        ariaLabel: tooltip,
        ariaDescription: 'hazard ratio',
      }),
      text(withoutCi, {
        x: 'hr',
        y: 'label',
        text: () => 'no CI reported',
        dx: 10,
        textAnchor: 'start',
        fill: '#5a4a00',
        ariaDescription: 'no CI reported',
      }),
      favours('below'),
      favours('above'),
      text(rows, {
        y: 'label',
        frameAnchor: 'right',
        dx: HR_COLUMN_DX,
        textAnchor: 'start',
        text: hrCiText,
        ariaDescription: 'HR (95% CI)',
      }),
      text(['HR (95% CI)'], {
        frameAnchor: 'top-right',
        dx: HR_COLUMN_DX,
        dy: -12,
        textAnchor: 'start',
        fontWeight: 700,
        ariaDescription: 'column heading',
      }),
    ],
  });
}

export function ForestView(props: { readonly kb: Kb }): JSX.Element {
  const rows = useMemo(() => hazardRatios(props.kb), [props.kb]);
  const noCi = rows.filter((r) => !r.hasCi).length;
  return (
    <div class="forest-view">
      <h1 tabIndex={-1}>Forest plot: every hazard ratio in the review</h1>
      <EvidenceNav />
      <p class="lede">
        {rows.length} hazard ratios from {new Set(rows.map((r) => r.study.id)).size} studies, each with its
        confidence interval where one is reported (filled squares and bars; 95% unless the review gives no
        level). {noCi} {noCi === 1 ? 'is' : 'are'} reported without a confidence interval and drawn as hollow
        circles marked “no CI reported”. Each row compares two arms of one study (or one study with its
        historical controls); rows from different studies are not comparable with each other.
      </p>
      {rows.length === 0 ? (
        <p>The knowledge base has no hazard ratio yet.</p>
      ) : (
        <PlotFigure
          id="forest-plot"
          make={() => forestPlot(rows, 1100)}
          deps={[rows]}
          caption="Hazard ratios (log scale) with their confidence intervals (95% wherever the review states the level); dashed line: HR = 1 (no difference). The table below gives the same numbers with the review's words."
        />
      )}
      <div class="table-wrap">
        <table class="hazard-ratios">
          <caption>The hazard ratios plotted above</caption>
          <thead>
            <tr>
              <th scope="col">Study · endpoint · subgroup</th>
              <th scope="col">Comparison</th>
              <th scope="col" class="num">
                HR
              </th>
              <th scope="col">CI</th>
              <th scope="col">Below 1 favours</th>
              <th scope="col">The review’s words</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-hr={r.key}>
                <th scope="row">
                  <Link href={`/evidence/studies/${encodeURIComponent(r.study.id)}#outcome-${r.outcome.id}`}>
                    {r.label}
                  </Link>
                </th>
                <td>{r.comparison}</td>
                <td class="num">{printedIn(r.outcome.quote, r.hr)}</td>
                <td>{r.hasCi ? ciText(r.outcome).replace(/^(\d+% )?CI /, '') : <em>not reported</em>}</td>
                <td>{r.favours === undefined ? '—' : `${r.favours.below} (above 1: ${r.favours.above})`}</td>
                <td class="quote-cell">
                  <QuoteText text={r.outcome.quote} /> <Refs refs={r.outcome.refs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
