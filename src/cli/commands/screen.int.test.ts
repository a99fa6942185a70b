// `frontline screen` on small cohorts: per-patient results, a per-trial summary, bad lines reported by number.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'frontline-screen-'));

describe('frontline screen', () => {
  it('screens NDJSON, reports a bad line by number and continues', async () => {
    const cohort = join(dir, 'cohort.ndjson');
    writeFileSync(
      cohort,
      [
        JSON.stringify({
          id: 'p1',
          profile: { lineage: 'B', age: 45, ph: 'negative', cd19: 'positive', fitForIntensiveChemo: true },
        }),
        '{ not json',
        JSON.stringify({ lineage: 'B', age: 70, ph: 'positive', cd19: 'positive', abl1Mutations: [] }),
        JSON.stringify({ lineage: 'B', age: 300 }),
        '',
        JSON.stringify({
          lineage: 'B',
          age: 12,
          ph: 'negative',
          phase: 'remission',
          mrd: { value: 0.001 },
          cd19: 'positive',
        }),
      ].join('\n'),
    );
    const out = join(dir, 'results.ndjson');
    const summary = join(dir, 'summary.json');
    const r = await cli('screen', cohort, '--out', out, '--summary', summary);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/line 2: not valid JSON/);
    expect(r.err).toMatch(/line 4: age: age is in years, from 0 to 120/);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => [x.line, x.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, false],
      [6, true],
    ]);
    expect(rows[0]?.id).toBe('p1');
    expect(rows[2]?.trials).toEqual(expect.arrayContaining(['NCT04530565', 'NCT04722848']));
    const s = JSON.parse(readFileSync(summary, 'utf8')) as {
      profiles: number;
      evaluated: number;
      rejected: number;
      trials: { nct: string; candidates: number }[];
    };
    expect([s.profiles, s.evaluated, s.rejected]).toEqual([5, 3, 2]);
    expect(s.trials.find((t) => t.nct === 'NCT04530565')?.candidates).toBe(1);
    expect(s.trials.find((t) => t.nct === 'NCT03876769')?.candidates).toBe(1);
    expect(r.out).toMatch(/NCT04530565\s+EA9181\s+1/);
  });

  it('screens CSV with list columns and writes CSV', async () => {
    const cohort = join(dir, 'cohort.csv');
    writeFileSync(
      cohort,
      'id,lineage,age,ph,highRiskGenetics,mrd,mrdAfterCycle,cd19,fitForIntensiveChemo\na,B,30,negative,KMT2A;TP53,,,positive,true\nb,T,16,,,,,,\nc,B,36,negative,,0.0002,2,positive,true\n',
    );
    const out = join(dir, 'results.csv');
    const r = await cli('screen', cohort, '--out', out);
    expect(r.code, r.err).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    // Options by their titles and strengths in words (the ids stay in NDJSON output).
    expect(rows[0]?.options).toContain(
      'Blinatumomab consolidation for high-risk Ph-negative B-ALL (KMT2A-r, IKZF1 deletion or MRD ≥10^-4; GRALL-2014-QUEST) (consider)',
    );
    expect(rows[1]?.options).toMatch(/^Alemtuzumab \(anti-CD52\).* \(not recommended\)/);
  });

  it('names a bad --format', async () => {
    const r = await cli('screen', join(dir, 'cohort.csv'), '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format: unknown format "xml"; allowed: ndjson, csv/);
  });

  it('names a missing file', async () => {
    const r = await cli('screen', join(dir, 'none.ndjson'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such file/);
  });
});

describe('frontline screen on worker threads (large cohorts)', () => {
  it('writes the same results, in the same order, with the same summary, as on one thread', async () => {
    const cohort = join(dir, 'parallel.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(
        i % 97 === 0
          ? '{ broken'
          : JSON.stringify({
              id: `p${i}`,
              profile: {
                lineage: i % 3 === 0 ? 'T' : 'B',
                age: i % 90,
                ph: i % 2 === 0 ? 'negative' : 'positive',
              },
            }),
      );
    }
    writeFileSync(cohort, `${lines.join('\r\n')}\n`);
    const runWith = async (workers: string, out: string) => {
      const before = process.env.FRONTLINE_SCREEN_WORKERS;
      process.env.FRONTLINE_SCREEN_WORKERS = workers;
      try {
        const r = await cli('screen', cohort, '--out', out, '--summary', `${out}.summary.json`);
        const summary = JSON.parse(readFileSync(`${out}.summary.json`, 'utf8')) as Record<string, unknown>;
        summary.seconds = 0;
        return { ...r, results: readFileSync(out, 'utf8'), summary };
      } finally {
        if (before === undefined) {
          delete process.env.FRONTLINE_SCREEN_WORKERS;
        } else {
          process.env.FRONTLINE_SCREEN_WORKERS = before;
        }
      }
    };
    const one = await runWith('0', join(dir, 'one.ndjson'));
    const two = await runWith('2', join(dir, 'two.ndjson'));
    expect(two.code).toBe(one.code);
    expect(two.results).toBe(one.results);
    expect(two.summary).toEqual(one.summary);
    expect(two.err.split('\n').filter((l) => l.startsWith('line '))).toEqual(
      one.err.split('\n').filter((l) => l.startsWith('line ')),
    );
    expect(one.results.split('\n').filter((l) => l !== '').length).toBe(3000);
  }, 60_000);
});

describe('frontline screen CSV output', () => {
  it('escapes cells that a spreadsheet would run as a formula (=, +, -, @), keeping the text', async () => {
    const cohort = join(dir, 'formulas.ndjson');
    const ids = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', 'plain'];
    writeFileSync(
      cohort,
      ids.map((id) => JSON.stringify({ id, profile: { lineage: 'B', age: 45, ph: 'negative' } })).join('\n'),
    );
    const out = join(dir, 'formulas.csv');
    const r = await cli('screen', cohort, '--out', out, '--out-format', 'csv');
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'), { columns: true }) as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      'plain',
    ]);
  });
});
