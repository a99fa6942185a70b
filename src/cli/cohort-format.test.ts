import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cohortFormat } from './cohort-format.js';

const dir = mkdtempSync(join(tmpdir(), 'frontline-cohort-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the format of a cohort file', () => {
  it('reads a CSV named .txt as CSV, and NDJSON named .txt as NDJSON', () => {
    expect(cohortFormat(file('a.txt', 'id,lineage,age\n1,B,45\n'), undefined)).toBe('csv');
    expect(cohortFormat(file('b.txt', '\n{"lineage":"B"}\n'), undefined)).toBe('ndjson');
  });

  it('goes by the extension when it says, and by --format above all', () => {
    expect(cohortFormat(file('c.csv', '{"lineage":"B"}\n'), undefined)).toBe('csv');
    expect(cohortFormat(file('d.ndjson', 'id,lineage\n'), undefined)).toBe('ndjson');
    expect(cohortFormat(file('e.txt', 'id,lineage\n'), 'ndjson')).toBe('ndjson');
    expect(cohortFormat('-', undefined)).toBe('ndjson');
  });

  it('names an unknown --format', () => {
    expect(() => cohortFormat('x', 'xml')).toThrow('--format: unknown format "xml"; allowed: ndjson, csv');
  });
});
