/**
 * `frontline screen COHORT [--out FILE] [--format ndjson|csv]`: streams a cohort (NDJSON or CSV, one patient per
 * line), writes a result per patient and a per-trial candidate summary, with progress on stderr. A bad line is
 * reported with its line number and the rest continue. Memory stays flat: nothing is kept per patient.
 * @module
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse as csvParse } from 'csv-parse';
import { newSummary, profileFromCsvRow, type ScreenSummary } from '../../api/screen.js';
import type { CompiledKb } from '../../engine/index.js';
import { startWorker } from '../../workers.js';
import { cohortFormat } from '../cohort-format.js';
import { CliError, type Io } from '../io.js';
import { Progress } from '../progress.js';
import { table } from '../text.js';
import {
  type BatchCounts,
  type BatchResult,
  CSV_HEADER,
  type Item,
  type OutFormat,
  type RawLine,
  screenItems,
  screenLines,
} from './screen-batch.js';
import type { WorkerBatch } from './screen-worker.js';

interface Options {
  readonly out?: string;
  readonly format?: string;
  readonly outFormat?: string;
  readonly summary?: string;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) {
    await once(out, 'drain');
  }
}

const inputFormat = cohortFormat;

/** Line breaks as readline reads them: CRLF, LF or a lone CR. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Raw NDJSON lines, a chunk of the file at a time: each chunk's complete lines are handed over together, so the work
 * per line is plain synchronous code (no promise per line), and results are written once per chunk.
 */
async function* ndjsonLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<RawLine[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  const numbered = (texts: readonly string[]): RawLine[] => texts.map((text) => ({ line: ++line, text }));
  for await (const chunk of stream) {
    let text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
    const hold = text.endsWith('\r') ? '\r' : '';
    if (hold !== '') {
      text = text.slice(0, -1);
    }
    const lines = text.split(LINE_BREAK);
    rest = (lines.pop() ?? '') + hold;
    yield numbered(lines);
  }
  const tail = rest + decoder.end();
  if (tail !== '') {
    yield numbered(tail.split(LINE_BREAK).filter((t, i, all) => i < all.length - 1 || t !== ''));
  }
}

type Batch =
  | { readonly kind: 'lines'; readonly lines: RawLine[] }
  | { readonly kind: 'items'; readonly items: Item[] };

function openInput(
  file: string,
  onBytes: (n: number) => void,
): NodeJS.ReadableStream & AsyncIterable<Buffer> {
  const stream = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
  return stream as NodeJS.ReadableStream & AsyncIterable<Buffer>;
}

async function* batches(
  file: string,
  format: 'ndjson' | 'csv',
  onBytes: (n: number) => void,
): AsyncGenerator<Batch> {
  const stream = openInput(file, onBytes);
  if (format === 'csv') {
    const parser = stream.pipe(
      csvParse({ columns: true, skip_empty_lines: true, relax_column_count: false, trim: true }),
    );
    let line = 1;
    try {
      for await (const row of parser as AsyncIterable<Record<string, string>>) {
        line++;
        const { id, profile } = profileFromCsvRow(row);
        yield { kind: 'items', items: [{ line, record: id === undefined ? profile : { id, profile } }] };
      }
    } catch (error) {
      yield { kind: 'items', items: [{ line: line + 1, error: `CSV: ${(error as Error).message}` }] };
    }
    return;
  }
  for await (const lines of ndjsonLines(stream)) {
    yield { kind: 'lines', lines };
  }
}

/** Workers for a cohort of `bytes`: several for a large NDJSON file on a machine with cores to spare, else none. */
function workersFor(file: string, format: 'ndjson' | 'csv', bytes: number | undefined): number {
  const forced = process.env.FRONTLINE_SCREEN_WORKERS;
  if (forced !== undefined && forced !== '') {
    const n = Number(forced);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : 0;
  }
  if (format !== 'ndjson' || file === '-' || bytes === undefined || bytes < 8 * 1024 * 1024) {
    return 0;
  }
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

/**
 * Screens a large NDJSON file on worker threads: the main thread only splits lines and writes results, in input
 * order; at most two batches per worker are in flight, so memory stays flat whatever the file's size.
 */
async function screenInParallel(
  lines: AsyncIterable<RawLine[]>,
  outFormat: OutFormat,
  count: number,
  add: (r: BatchResult) => Promise<void>,
): Promise<void> {
  const waiting = new Map<number, { done: (r: BatchResult) => void; fail: (e: Error) => void }>();
  const fail = (error: Error): void => {
    for (const w of waiting.values()) {
      w.fail(error);
    }
    waiting.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const w = startWorker('cli/commands/screen-worker', undefined);
    w.on('message', (m: { id?: number; result?: BatchResult; error?: string }) => {
      if (m.id === undefined) {
        return;
      }
      const entry = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.result !== undefined) {
        entry?.done(m.result);
      } else {
        entry?.fail(new CliError(`a screening worker failed: ${m.error ?? 'unknown error'}`, 1));
      }
    });
    w.on('error', (e) => fail(new CliError(`a screening worker stopped: ${e.message}`, 1)));
    return w;
  });
  const inFlight: Promise<BatchResult>[] = [];
  let id = 0;
  try {
    for await (const batch of lines) {
      if (batch.length === 0) {
        continue;
      }
      const worker = workers[id % count] as (typeof workers)[number];
      const batchId = id++;
      inFlight.push(
        new Promise<BatchResult>((done, reject) => {
          waiting.set(batchId, { done, fail: reject });
          worker.postMessage({ id: batchId, lines: batch, outFormat } satisfies WorkerBatch);
        }),
      );
      while (inFlight.length >= 2 * count) {
        await add(await (inFlight.shift() as Promise<BatchResult>));
      }
    }
    for (let next = inFlight.shift(); next !== undefined; next = inFlight.shift()) {
      await add(await next);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function addCounts(summary: ScreenSummary, counts: BatchCounts): void {
  summary.profiles += counts.profiles;
  summary.evaluated += counts.evaluated;
  summary.rejected += counts.rejected;
  for (const [nct, [candidates, possible]] of Object.entries(counts.trials)) {
    const tally = summary.trials.get(nct);
    if (tally !== undefined) {
      tally.candidates += candidates;
      tally.possible += possible;
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
    await write(out, CSV_HEADER);
  }
  const add = async (r: BatchResult): Promise<void> => {
    addCounts(summary, r.counts);
    if (r.errors !== '') {
      io.err(r.errors);
    }
    progress.tick(summary.profiles);
    if (r.text !== '') {
      await write(out, r.text);
    }
  };
  const onBytes = (n: number): void => progress.add(n);
  const workers = workersFor(file, format, total);
  if (workers > 0) {
    await screenInParallel(ndjsonLines(openInput(file, onBytes)), outFormat, workers, add);
  } else {
    for await (const batch of batches(file, format, onBytes)) {
      await add(
        batch.kind === 'lines'
          ? screenLines(batch.lines, ckb, outFormat)
          : screenItems(batch.items, ckb, outFormat),
      );
    }
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
