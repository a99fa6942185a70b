// `kb export --csv` and `studies --csv`: a cell a spreadsheet would run as a formula is escaped; numbers stay numbers.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { installed } from '../../test/support/kb.js';
import { outcomesCsv, studiesCsv } from './export.js';

describe('CSV export', () => {
  it('prefixes formula cells with an apostrophe and leaves negative numbers alone', () => {
    const kb = installed();
    const study = kb.studies.find((s) => s.outcomes.length > 0);
    const outcome = study?.outcomes[0];
    if (study === undefined || outcome === undefined) {
      throw new Error('the knowledge base has no outcome');
    }
    const hostile = {
      ...study,
      name: '=HYPERLINK("http://evil.example")',
      outcomes: [{ ...outcome, quote: '@SUM(A1)', note: '+cmd', value: -16 }],
    };
    const outcomes = parse(outcomesCsv(kb, [hostile]), { columns: true }) as Record<string, string>[];
    const row = outcomes[0] ?? {};
    expect(Object.values(row)).toContain(`'=HYPERLINK("http://evil.example")`);
    expect(row.quote).toBe("'@SUM(A1)");
    expect(row.note).toBe("'+cmd");
    expect(row.value).toBe('-16');
    const studies = studiesCsv(kb, [hostile]);
    expect(studies).toContain(`'=HYPERLINK(`);
    expect(studies).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
