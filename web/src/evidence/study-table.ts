/**
 * The rows of the evidence table, their filters and their order; pure, so the table's behaviour is unit-tested.
 * @module
 */
import type { Kb, Study } from '../contract.js';

export interface StudyRow {
  readonly id: string;
  readonly name: string;
  readonly agents: readonly string[];
  readonly targets: readonly string[];
  readonly settings: readonly string[];
  readonly lineage: string;
  readonly ph: string;
  readonly phase: string;
  readonly design: string;
  readonly status: string;
  readonly n: number | undefined;
  readonly outcomes: number;
  readonly refs: readonly number[];
  readonly text: string;
}

/** One row per study, with the targets of its agents (from the agents' records). */
export function studyRows(kb: Kb): StudyRow[] {
  const targets = new Map(kb.agents.map((a) => [a.id, a.targets]));
  const names = new Map(kb.agents.map((a) => [a.id, a.name]));
  return kb.studies.map((s: Study) => {
    const agentNames = s.agents.map((a) => names.get(a) ?? a);
    const t = [...new Set(s.agents.flatMap((a) => targets.get(a) ?? []))].sort();
    return {
      id: s.id,
      name: s.name,
      agents: agentNames,
      targets: t,
      settings: s.settings,
      lineage: s.lineage,
      ph: s.ph,
      phase: s.phase,
      design: s.design,
      status: s.status,
      n: s.population.n,
      outcomes: s.outcomes.length,
      refs: s.refs,
      text: [s.name, ...s.aliases, s.regimen, s.population.description, ...agentNames, ...s.trials]
        .join(' ')
        .toLowerCase(),
    };
  });
}

export const FILTER_KEYS = ['agent', 'target', 'setting', 'lineage', 'ph', 'phase', 'design'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

function valuesOf(row: StudyRow, key: FilterKey): readonly string[] {
  switch (key) {
    case 'agent':
      return row.agents;
    case 'target':
      return row.targets;
    case 'setting':
      return row.settings;
    case 'lineage':
      return [row.lineage];
    case 'ph':
      return [row.ph];
    case 'phase':
      return [row.phase];
    case 'design':
      return [row.design];
    default:
      return key satisfies never;
  }
}

/** The values a filter can take, sorted. */
export function filterChoices(rows: readonly StudyRow[], key: FilterKey): string[] {
  return [...new Set(rows.flatMap((r) => valuesOf(r, key)))].sort((a, b) => a.localeCompare(b));
}

export const SORT_KEYS = [
  'name',
  'agents',
  'targets',
  'settings',
  'lineage',
  'ph',
  'phase',
  'design',
  'n',
  'outcomes',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

function sortValue(row: StudyRow, key: SortKey): string | number {
  switch (key) {
    case 'n':
      return row.n ?? -1;
    case 'outcomes':
      return row.outcomes;
    case 'agents':
    case 'targets':
    case 'settings':
      return row[key].join(', ').toLowerCase();
    default:
      return row[key].toLowerCase();
  }
}

export interface TableState {
  readonly text: string;
  readonly filters: Partial<Record<FilterKey, string>>;
  readonly sort: SortKey;
  readonly dir: 'asc' | 'desc';
}

/** The table state from the URL query of `/evidence`. */
export function tableState(query: URLSearchParams): TableState {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v !== null && v !== '') {
      filters[k] = v;
    }
  }
  const sort = query.get('sort');
  return {
    text: query.get('q') ?? '',
    filters,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'name',
    dir: query.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The rows that pass the filters, in the chosen order (unknown n last when ascending). */
export function visibleRows(rows: readonly StudyRow[], state: TableState): StudyRow[] {
  const words = state.text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const kept = rows.filter(
    (r) =>
      words.every((w) => r.text.includes(w)) &&
      FILTER_KEYS.every(
        (k) => state.filters[k] === undefined || valuesOf(r, k).includes(state.filters[k] ?? ''),
      ),
  );
  const sign = state.dir === 'asc' ? 1 : -1;
  return kept.sort((a, b) => {
    const x = sortValue(a, state.sort);
    const y = sortValue(b, state.sort);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c === 0 ? a.name.localeCompare(b.name) : sign * c;
  });
}
