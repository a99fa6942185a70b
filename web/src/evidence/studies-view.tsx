/**
 * `/evidence`: every study of the knowledge base in a sortable, filterable table; the filters live in the URL.
 * @module
 */

import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Kb } from '../contract.js';
import { valueLabel } from '../contract.js';
import { hrefOf, Link, type Location, navigate } from '../router.js';
import { Refs } from '../ui/quote.js';
import {
  FILTER_KEYS,
  type FilterKey,
  filterChoices,
  type SortKey,
  studyRows,
  tableState,
  visibleRows,
} from './study-table.js';

const FILTER_LABEL: Record<FilterKey, string> = {
  agent: 'Agent',
  target: 'Target',
  setting: 'Setting',
  lineage: 'Lineage',
  ph: 'Ph',
  phase: 'Phase',
  design: 'Design',
};

const COLUMNS: readonly { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Study' },
  { key: 'agents', label: 'Agents' },
  { key: 'targets', label: 'Targets' },
  { key: 'settings', label: 'Setting' },
  { key: 'lineage', label: 'Lineage' },
  { key: 'ph', label: 'Ph' },
  { key: 'phase', label: 'Phase' },
  { key: 'design', label: 'Design' },
  { key: 'n', label: 'n', numeric: true },
  { key: 'outcomes', label: 'Outcomes', numeric: true },
];

export function EvidenceNav(): JSX.Element {
  return (
    <nav class="subnav" aria-label="Evidence">
      <Link href="/evidence">Studies</Link>
      <Link href="/evidence/forest">Forest plot of hazard ratios</Link>
      <Link href="/evidence/compare">Compare an endpoint across studies</Link>
    </nav>
  );
}

export function StudiesView(props: { readonly kb: Kb; readonly location: Location }): JSX.Element {
  const { kb, location } = props;
  const rows = useMemo(() => studyRows(kb), [kb]);
  const state = tableState(location.query);
  const shown = visibleRows(rows, state);
  const set = (name: string, value: string): void => {
    const q = new URLSearchParams(location.query);
    if (value === '') {
      q.delete(name);
    } else {
      q.set(name, value);
    }
    navigate(hrefOf('/evidence', q), true);
  };
  const sortBy = (key: SortKey): void => {
    const q = new URLSearchParams(location.query);
    const dir = state.sort === key && state.dir === 'asc' ? 'desc' : 'asc';
    q.set('sort', key);
    q.set('dir', dir);
    navigate(hrefOf('/evidence', q), true);
  };
  return (
    <div class="evidence-view">
      <h1 tabIndex={-1}>Evidence: every study in the review</h1>
      <EvidenceNav />
      <form class="filters" aria-label="Filter the studies" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="study-search">Search</label>
          <input
            id="study-search"
            type="search"
            value={state.text}
            placeholder="name, regimen, population, NCT id"
            onInput={(e) => set('q', e.currentTarget.value)}
          />
        </div>
        {FILTER_KEYS.map((k) => (
          <div class="field" key={k}>
            <label for={`filter-${k}`}>{FILTER_LABEL[k]}</label>
            <select
              id={`filter-${k}`}
              value={state.filters[k] ?? ''}
              onChange={(e) => set(k, e.currentTarget.value)}
            >
              <option value="">Any</option>
              {filterChoices(rows, k).map((v) => (
                <option key={v} value={v}>
                  {valueLabel(v)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => navigate('/evidence', true)}>
          Clear filters
        </button>
      </form>
      <p role="status" class="status">
        {shown.length} of {rows.length} studies
      </p>
      <div class="table-wrap">
        <table class="studies">
          <caption class="visually-hidden">Studies, sortable by each column</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  class={c.numeric === true ? 'num' : ''}
                  aria-sort={
                    state.sort === c.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button type="button" class="sort" onClick={() => sortBy(c.key)}>
                    {c.label}
                    <span aria-hidden="true">
                      {state.sort === c.key ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-study-id={r.id}>
                <th scope="row">
                  <Link href={`/evidence/studies/${encodeURIComponent(r.id)}`}>{r.name}</Link>{' '}
                  <Refs refs={r.refs} />
                  {r.status === 'reported' ? null : <span class="badge neutral">{valueLabel(r.status)}</span>}
                </th>
                <td>{r.agents.join(', ')}</td>
                <td>{r.targets.join(', ')}</td>
                <td>{r.settings.map(valueLabel).join(', ')}</td>
                <td>{r.lineage}</td>
                <td>{valueLabel(r.ph)}</td>
                <td>{valueLabel(r.phase)}</td>
                <td>{valueLabel(r.design)}</td>
                <td class="num">{r.n ?? '—'}</td>
                <td class="num">{r.outcomes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
