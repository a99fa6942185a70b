/**
 * `/evidence/compare?endpoint=OS|3-year`: one endpoint across studies (Observable Plot), clearly marked as a
 * cross-trial comparison: populations, designs and eras differ, so the distances between studies are not effects.
 * @module
 */

import { dot, plot, ruleX, ruleY } from '@observablehq/plot';
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Kb } from '../contract.js';
import { valueLabel } from '../contract.js';
import { hrefOf, Link, type Location, navigate } from '../router.js';
import { QuoteText, Refs } from '../ui/quote.js';
import { endpointChoices, type Rate, ratesFor, shortLabel } from './plot-data.js';
import { PlotFigure } from './plot-figure.js';
import { EvidenceNav } from './studies-view.js';
import { ciText, outcomeValue, pText } from './study-view.js';

const GROUPS: readonly Rate['group'][] = ['experimental arm', 'control arm', 'whole cohort or subgroup'];

/** The comparison plot (an SVG built by Observable Plot). */
export function comparePlot(rows: readonly Rate[], endpoint: string, width: number): Element {
  const labels = [...new Set(rows.map((r) => r.label))];
  return plot({
    width,
    height: 70 + labels.length * 26,
    marginLeft: Math.max(120, Math.max(...labels.map((l) => shortLabel(l).length)) * 7.2),
    marginBottom: 48,
    style: { fontSize: '12px', color: '#1a1a1a', background: 'white' },
    ariaLabel: `Cross-trial comparison of ${endpoint}`,
    x: {
      domain: [0, 100],
      grid: true,
      labelAnchor: 'center',
      labelOffset: 40,
      label: `${endpoint} (%) with 95% CI where reported — cross-trial, not a head-to-head comparison`,
    },
    y: { domain: labels, label: null, tickSize: 0, tickFormat: (d: string) => shortLabel(d) },
    symbol: { domain: GROUPS, legend: true },
    color: { domain: GROUPS, range: ['#1f4e8c', '#a13d00', '#3c3c3c'] },
    marks: [
      ruleX([0]),
      ruleY(
        rows.filter((r) => r.lower !== undefined && r.upper !== undefined),
        {
          x1: 'lower',
          x2: 'upper',
          y: 'label',
          stroke: 'group',
          strokeWidth: 2,
          ariaDescription: '95% confidence interval',
        },
      ),
      dot(rows, {
        x: 'value',
        y: 'label',
        r: 5,
        symbol: 'group',
        stroke: 'group',
        fill: 'group',
        title: (r: Rate) => `${r.label}: ${outcomeValue(r.outcome)}`,
        ariaLabel: (r: Rate) => `${r.label}: ${outcomeValue(r.outcome)}`,
        ariaDescription: 'reported rate',
      }),
    ],
  });
}

export function CompareView(props: { readonly kb: Kb; readonly location: Location }): JSX.Element {
  const choices = useMemo(() => endpointChoices(props.kb), [props.kb]);
  const asked = props.location.query.get('endpoint');
  const key = choices.some((c) => c.key === asked)
    ? (asked ?? '')
    : (choices.find((c) => c.key === 'OS|3-year')?.key ?? choices[0]?.key ?? '');
  const rows = useMemo(() => ratesFor(props.kb, key), [props.kb, key]);
  const [endpoint, timepoint] = key.split('|');
  const name = `${timepoint === '' || timepoint === undefined ? '' : `${timepoint} `}${endpoint ?? ''}`;
  return (
    <div class="compare-view">
      <h1 tabIndex={-1}>Compare one endpoint across studies</h1>
      <EvidenceNav />
      <div class="cross-trial" role="note">
        <strong>Cross-trial comparison.</strong> These figures come from different studies with different
        patients, designs, regimens, definitions and eras. A difference between two studies is not a treatment
        effect; only the arms of one randomized study compare directly (see the{' '}
        <Link href="/evidence/forest">forest plot</Link>).
      </div>
      <form class="filters" aria-label="Choose the endpoint" onSubmit={(e) => e.preventDefault()}>
        <div class="field wide">
          <label for="endpoint">Endpoint</label>
          <select
            id="endpoint"
            value={key}
            onChange={(e) => {
              const q = new URLSearchParams(props.location.query);
              q.set('endpoint', e.currentTarget.value);
              navigate(hrefOf('/evidence/compare', q), true);
            }}
          >
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>No endpoint is reported as a percentage by two studies yet.</p>
      ) : (
        <PlotFigure
          id="compare-plot"
          make={() => comparePlot(rows, name, 1100)}
          deps={[rows, name]}
          caption={`${name}: ${rows.length} figures from ${new Set(rows.map((r) => r.study.id)).size} studies. Cross-trial comparison: not head-to-head.`}
        />
      )}
      <div class="table-wrap">
        <table>
          <caption>The figures plotted above</caption>
          <thead>
            <tr>
              <th scope="col">Study · arm · subgroup</th>
              <th scope="col">Group</th>
              <th scope="col" class="num">
                Value
              </th>
              <th scope="col">The review’s words</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  <Link href={`/evidence/studies/${encodeURIComponent(r.study.id)}#outcome-${r.outcome.id}`}>
                    {r.label}
                  </Link>
                  <span class="sub">
                    {valueLabel(r.study.design)} · phase {valueLabel(r.study.phase)} · n ={' '}
                    {r.study.population.n ?? '?'}
                  </span>
                </th>
                <td>{r.group}</td>
                <td class="num">
                  {outcomeValue(r.outcome)}
                  {r.outcome.ci === undefined ? null : <span class="sub">{ciText(r.outcome)}</span>}
                  {r.outcome.p === undefined ? null : <span class="sub">{pText(r.outcome)}</span>}
                </td>
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
