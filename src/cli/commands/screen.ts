/**
 * `frontline screen COHORT [--out FILE] [--format ndjson|csv]`: streams a cohort (NDJSON or CSV, one patient per
 * line), writes a result per patient and a per-trial candidate summary, with progress on stderr. A bad line is
 * reported with its line number and the rest continue. Memory stays flat: nothing is kept per patient.
 * @module
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
import { stringify as csvStringify } from 'csv-stringify/sync';
import {
  newSummary,
  profileFromCsvRow,
  type ScreenRow,
  type ScreenSummary,
  screenRecord,
} from '../../api/screen.js';
import type { CompiledKb } from '../../engine/index.js';
import { CliError, type Io } from '../io.js';
import { Progress } from '../progress.js';
import { table } from '../text.js';

interface Options {
  readonly out?: string;
  readonly format?: string;
  readonly outFormat?: string;
  readonly summary?: string;
}

const CSV_COLUMNS = [
  'line',
  'id',
  'ok',
  'options',
  'pending',
  'trials',
  'possibleTrials',
  'missing',
  'errors',
];

function rowToCsv(r: ScreenRow): string {
  return csvStringify([
    [
      r.line,
      r.id ?? '',
      r.ok,
      (r.options ?? []).map((o) => `${o.id}:${o.strength}`).join(';'),
      (r.pending ?? []).join(';'),
      (r.trials ?? []).join(';'),
      (r.possibleTrials ?? []).join(';'),
      (r.missing ?? []).join(';'),
      (r.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; '),
    ],
  ]);
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) {
    await once(out, 'drain');
  }
}

function inputFormat(file: string, format: string | undefined): 'ndjson' | 'csv' {
  const f = format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
  if (f !== 'ndjson' && f !== 'csv') {
    throw new CliError(`--format: unknown format "${f}"; allowed: ndjson, csv`);
  }
  return f;
}

async function* records(
  file: string,
  format: 'ndjson' | 'csv',
  onBytes: (n: number) => void,
): AsyncGenerator<{ line: number; record?: unknown; error?: string }> {
  const stream = file === '-' ? process.stdin : createReadStream(file);
  stream.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
  if (format === 'csv') {
    const parser = stream.pipe(
      csvParse({ columns: true, skip_empty_lines: true, relax_column_count: false, trim: true }),
    );
    let line = 1;
    try {
      for await (const row of parser as AsyncIterable<Record<string, string>>) {
        line++;
        const { id, profile } = profileFromCsvRow(row);
        yield { line, record: id === undefined ? profile : { id, profile } };
      }
    } catch (error) {
      yield { line: line + 1, error: `CSV: ${(error as Error).message}` };
    }
    return;
  }
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') {
      continue;
    }
    try {
      yield { line, record: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, error: `not valid JSON: ${(error as Error).message}` };
    }
  }
}

function summaryText(s: ScreenSummary, seconds: number): string {
  const rows = [['TRIAL', 'NAME', 'CANDIDATES', 'POSSIBLE (unknown facts)']];
  for (const t of s.trials.values()) {
    rows.push([t.nct, t.name ?? '', String(t.candidates), String(t.possible)]);
  }
  return `${table(rows)}\n\n${s.profiles} records: ${s.evaluated} evaluated, ${s.rejected} rejected · ${seconds.toFixed(1)} s · knowledge base ${s.kbVersion}\n`;
}

function summaryJson(s: ScreenSummary, seconds: number): unknown {
  return {
    kbVersion: s.kbVersion,
    profiles: s.profiles,
    evaluated: s.evaluated,
    rejected: s.rejected,
    seconds,
    trials: [...s.trials.values()],
  };
}

function outputFormat(opts: Options): 'ndjson' | 'csv' {
  const f = opts.outFormat ?? (opts.out?.toLowerCase().endsWith('.csv') === true ? 'csv' : 'ndjson');
  if (f !== 'ndjson' && f !== 'csv') {
    throw new CliError(`--out-format: unknown format "${f}"; allowed: ndjson, csv`);
  }
  return f;
}

function sizeOf(file: string): number | undefined {
  if (file === '-') {
    return undefined;
  }
  try {
    return statSync(file).size;
  } catch {
    throw new CliError(`no such file: ${file}`);
  }
}

function errorLine(row: ScreenRow): string {
  const errors = (row.errors ?? []).map((e) => `${e.path === '' ? '' : `${e.path}: `}${e.message}`);
  return `line ${row.line}: ${errors.join('; ')}\n`;
}

async function close(out: Writable): Promise<void> {
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
}

export async function screen(io: Io, file: string, opts: Options, ckb: CompiledKb): Promise<number> {
  const format = inputFormat(file, opts.format);
  const outFormat = outputFormat(opts);
  const total = sizeOf(file);
  const out: Writable = opts.out === undefined ? process.stdout : createWriteStream(opts.out);
  const summary = newSummary(ckb);
  const progress = new Progress(io, total);
  const started = performance.now();
  if (outFormat === 'csv') {
    await write(out, csvStringify([CSV_COLUMNS]));
  }
  for await (const item of records(file, format, (n) => progress.add(n))) {
    let row: ScreenRow;
    if (item.error === undefined) {
      row = screenRecord(item.record, item.line, ckb, summary);
    } else {
      summary.profiles++;
      summary.rejected++;
      row = { line: item.line, ok: false, errors: [{ path: '', message: item.error }] };
    }
    if (!row.ok) {
      io.err(errorLine(row));
    }
    progress.tick(summary.profiles);
    await write(out, outFormat === 'csv' ? rowToCsv(row) : `${JSON.stringify(row)}\n`);
  }
  progress.done(summary.profiles);
  await close(out);
  const seconds = (performance.now() - started) / 1000;
  if (opts.summary !== undefined) {
    const s = createWriteStream(opts.summary);
    s.end(`${JSON.stringify(summaryJson(summary, seconds), null, 2)}\n`);
    await once(s, 'finish');
  }
  const text = summaryText(summary, seconds);
  if (opts.out === undefined) {
    io.err(`\n${text}`);
  } else {
    io.out(text);
  }
  return summary.rejected > 0 ? 3 : 0;
}
