/**
 * Screening a batch of cohort lines into output text, the error lines for stderr and the counts: the same code on
 * the main thread (small cohorts, CSV, standard input) and in the screening workers (large NDJSON files).
 * @module
 */
import { stringify as csvStringify } from 'csv-stringify/sync';
import { newSummary, type ScreenRow, screenRecord } from '../../api/screen.js';
import type { CompiledKb } from '../../engine/index.js';
import { fieldLabel, valueLabel } from '../../profile/labels.js';

/** One input record: parsed, or the reason it could not be read. */
export interface Item {
  readonly line: number;
  readonly record?: unknown;
  readonly error?: string;
}

/** One raw NDJSON line with its number (1-based). */
export interface RawLine {
  readonly line: number;
  readonly text: string;
}

/** What a batch adds to the run's summary. */
export interface BatchCounts {
  profiles: number;
  evaluated: number;
  rejected: number;
  /** NCT id → [candidates, possible]. */
  readonly trials: Record<string, [number, number]>;
}

/** A screened batch: the output text (in input order), the error lines, the counts. */
export interface BatchResult {
  readonly text: string;
  readonly errors: string;
  readonly counts: BatchCounts;
}

export type OutFormat = 'ndjson' | 'csv';

/** A cell that starts with =, +, -, @, tab or CR is prefixed with ' so a spreadsheet shows it, never runs it. */
const CSV_OPTIONS = { escape_formulas: true } as const;

/** CSV is read by people (a spreadsheet): options by their titles, strengths and fields in clinician words. */
function rowToCsv(r: ScreenRow, titles: ReadonlyMap<string, string>): string {
  const title = (id: string): string => titles.get(id) ?? id;
  return csvStringify(
    [
      [
        r.line,
        r.id ?? '',
        r.ok,
        (r.options ?? []).map((o) => `${title(o.id)} (${valueLabel(o.strength)})`).join('; '),
        (r.pending ?? []).map(title).join('; '),
        (r.trials ?? []).join(';'),
        (r.possibleTrials ?? []).join(';'),
        (r.missing ?? []).map(fieldLabel).join('; '),
        (r.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; '),
      ],
    ],
    CSV_OPTIONS,
  );
}

function errorLine(row: ScreenRow): string {
  const errors = (row.errors ?? []).map((e) => `${e.path === '' ? '' : `${e.path}: `}${e.message}`);
  return `line ${row.line}: ${errors.join('; ')}\n`;
}

/** One NDJSON line as an item: parsed, or the JSON error; blank lines are skipped (still counted). */
export function ndjsonItem(raw: RawLine): Item | undefined {
  if (raw.text.trim() === '') {
    return undefined;
  }
  try {
    return { line: raw.line, record: JSON.parse(raw.text) as unknown };
  } catch (error) {
    return { line: raw.line, error: `not valid JSON: ${(error as Error).message}` };
  }
}

/** Screens items in order. */
export function screenItems(items: readonly Item[], ckb: CompiledKb, outFormat: OutFormat): BatchResult {
  const summary = newSummary(ckb);
  const titles = new Map(ckb.rules.map((r) => [r.rule.id, r.rule.title] as const));
  let text = '';
  let errors = '';
  for (const item of items) {
    let row: ScreenRow;
    if (item.error === undefined) {
      row = screenRecord(item.record, item.line, ckb, summary);
    } else {
      summary.profiles++;
      summary.rejected++;
      row = { line: item.line, ok: false, errors: [{ path: '', message: item.error }] };
    }
    if (!row.ok) {
      errors += errorLine(row);
    }
    text += outFormat === 'csv' ? rowToCsv(row, titles) : `${JSON.stringify(row)}\n`;
  }
  const trials: Record<string, [number, number]> = {};
  for (const t of summary.trials.values()) {
    if (t.candidates > 0 || t.possible > 0) {
      trials[t.nct] = [t.candidates, t.possible];
    }
  }
  return {
    text,
    errors,
    counts: { profiles: summary.profiles, evaluated: summary.evaluated, rejected: summary.rejected, trials },
  };
}

/** Screens raw NDJSON lines in order. */
export function screenLines(lines: readonly RawLine[], ckb: CompiledKb, outFormat: OutFormat): BatchResult {
  const items: Item[] = [];
  for (const raw of lines) {
    const item = ndjsonItem(raw);
    if (item !== undefined) {
      items.push(item);
    }
  }
  return screenItems(items, ckb, outFormat);
}

/** The CSV header row of the per-patient output. */
export const CSV_HEADER = csvStringify(
  [['line', 'id', 'ok', 'options', 'pending', 'trials', 'possibleTrials', 'missing', 'errors']],
  CSV_OPTIONS,
);
