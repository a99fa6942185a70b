/**
 * The format of a cohort file: `--format` when given; else the extension (`.csv`, or `.ndjson`/`.jsonl`/`.json`);
 * else the content: a cohort whose first character is `{` is NDJSON, anything else is CSV (a header line of
 * field names). So a CSV saved as `cohort.txt` is read as CSV, not rejected line by line as bad JSON.
 * @module
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CliError } from './io.js';

export type CohortFormat = 'ndjson' | 'csv';

/** The first non-blank character of a file, or undefined for an empty or unreadable one. */
function firstChar(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return (
      buf
        .toString('utf8', 0, n)
        .replace(/^\uFEFF/, '')
        .trimStart()
        .charAt(0) || undefined
    );
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
    }
  }
}

/**
 * @param file - the cohort path, or `-` for standard input (NDJSON unless `--format csv`)
 * @param format - the `--format` option, if given
 */
export function cohortFormat(file: string, format: string | undefined): CohortFormat {
  if (format !== undefined) {
    if (format !== 'ndjson' && format !== 'csv') {
      throw new CliError(`--format: unknown format "${format}"; allowed: ndjson, csv`);
    }
    return format;
  }
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) {
    return 'csv';
  }
  if (file === '-' || /\.(ndjson|jsonl|json)$/.test(lower)) {
    return 'ndjson';
  }
  const c = firstChar(file);
  return c === undefined || c === '{' ? 'ndjson' : 'csv';
}
