// The CLI speaks to clinicians in their words: the text of `recommend` (with and without --explain) and the CSV of
// `screen` carry no rule ids, field ids, raw values or LaTeX; only JSON output keeps the machine-readable ids.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/cli.js';
import { internalWordProblems } from '../../test/support/internal-words.js';
import { installed } from '../../test/support/kb.js';

const kb = installed();

/** Patients whose decisions between them show every strength, pending options, warnings and statements. */
const PATIENTS: readonly (readonly string[])[] = [
  ['--lineage', 'B', '--age', '45', '--ph', 'negative', '--cd19', 'positive', '--fit'],
  ['--lineage', 'B', '--age', '45', '--ph', 'negative', '--fit'],
  ['--lineage', 'B', '--age', '70', '--ph', 'positive', '--cd19', 'positive', '--cd22', 'positive'],
  ['--lineage', 'B', '--age', '62', '--ph', 'negative', '--cd19', 'positive', '--cd22', 'positive', '--fit'],
  ['--lineage', 'T', '--age', '16'],
  ['--lineage', 'B', '--age', '30', '--ph', 'negative', '--mrd', '0.001', '--phase', 'relapsed-refractory'],
];

describe('CLI output in clinician words', () => {
  it('recommend prints no internal id, raw value or LaTeX, with or without --explain', async () => {
    const problems: string[] = [];
    let options = 0;
    for (const argv of PATIENTS) {
      for (const extra of [[], ['--explain']]) {
        const r = await cli('recommend', ...argv, ...extra);
        expect(r.code, r.err).toBe(0);
        options += (r.out.match(/^\s*[●○] /gm) ?? []).length;
        problems.push(...internalWordProblems(kb, `recommend ${[...argv, ...extra].join(' ')}`, r.out));
      }
    }
    expect(options).toBeGreaterThan(PATIENTS.length);
    expect(problems).toEqual([]);
  });

  it('screen --out-format csv names options and fields in words; --out-format ndjson keeps the ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-words-'));
    const cohort = join(dir, 'cohort.csv');
    writeFileSync(
      cohort,
      'id,lineage,age,ph,highRiskGenetics,mrd,cd19,fitForIntensiveChemo\na,B,30,negative,KMT2A;TP53,,positive,true\nb,T,16,,,,,\nc,B,45,negative,,,,\n',
    );
    const csv = join(dir, 'out.csv');
    const r = await cli('screen', cohort, '--out', csv, '--out-format', 'csv');
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n').filter((l) => l !== '').length).toBe(4);
    expect(internalWordProblems(kb, 'screen CSV', text)).toEqual([]);
    const json = join(dir, 'out.ndjson');
    expect((await cli('screen', cohort, '--out', json, '--out-format', 'ndjson')).code).toBe(0);
    expect(internalWordProblems(kb, 'screen NDJSON', readFileSync(json, 'utf8'))).not.toEqual([]);
  });
});
