/**
 * Exports of the knowledge base: the JSON contract (PRODUCT.md "Knowledge-base export") and one CSV row per
 * outcome.
 * @module
 */
import { stringify } from 'csv-stringify/sync';

/** A cell that starts with =, +, -, @, tab or CR is prefixed with ' so a spreadsheet shows it, never runs it. */
const CSV_OPTIONS = { escape_formulas: true } as const;

import type { Kb, Study } from './schema/index.js';

/** The JSON export: the whole knowledge base, keys in contract order. */
export function exportJson(kb: Kb): Kb {
  return kb;
}

export const OUTCOME_CSV_COLUMNS = [
  'kb_version',
  'study_id',
  'study_name',
  'phase',
  'design',
  'settings',
  'lineage',
  'ph',
  'outcome_id',
  'category',
  'endpoint',
  'label',
  'measure',
  'value',
  'unit',
  'plus_minus',
  'count',
  'denominator',
  'arm',
  'versus',
  'subgroup',
  'timepoint',
  'grade',
  'ci_lower',
  'ci_upper',
  'ci_level',
  'p_op',
  'p_value',
  'refs',
  'quote',
  'note',
] as const;

function rows(kb: Kb, studies: readonly Study[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const s of studies) {
    for (const o of s.outcomes) {
      out.push([
        kb.version,
        s.id,
        s.name,
        s.phase,
        s.design,
        s.settings.join(';'),
        s.lineage,
        s.ph,
        o.id,
        o.category,
        o.endpoint,
        o.label ?? '',
        o.measure,
        o.value,
        o.unit,
        o.plusMinus ?? '',
        o.count ?? '',
        o.denominator ?? '',
        o.arm ?? '',
        o.versus ?? '',
        o.subgroup ?? '',
        o.timepoint ?? '',
        o.grade ?? '',
        o.ci?.lower ?? '',
        o.ci?.upper ?? '',
        o.ci?.level ?? '',
        o.p?.op ?? '',
        o.p?.value ?? '',
        o.refs.join(';'),
        o.quote,
        o.note ?? '',
      ]);
    }
  }
  return out;
}

/** One CSV row per outcome of the given studies (all studies by default), with a header row. */
export function outcomesCsv(kb: Kb, studies: readonly Study[] = kb.studies): string {
  return stringify([[...OUTCOME_CSV_COLUMNS], ...rows(kb, studies)], CSV_OPTIONS);
}

/** One CSV row per study (for `frontline studies --csv`). */
export function studiesCsv(kb: Kb, studies: readonly Study[]): string {
  const header = [
    'kb_version',
    'id',
    'name',
    'aliases',
    'refs',
    'phase',
    'design',
    'settings',
    'status',
    'lineage',
    'ph',
    'n',
    'ages',
    'agents',
    'trials',
    'outcomes',
  ];
  const body = studies.map((s) => [
    kb.version,
    s.id,
    s.name,
    s.aliases.join(';'),
    s.refs.join(';'),
    s.phase,
    s.design,
    s.settings.join(';'),
    s.status,
    s.lineage,
    s.ph,
    s.population.n ?? '',
    s.population.ages ?? '',
    s.agents.join(';'),
    s.trials.join(';'),
    s.outcomes.length,
  ]);
  return stringify([header, ...body], CSV_OPTIONS);
}
