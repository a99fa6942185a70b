import { describe, expect, it } from 'vitest';
import { decision, option } from '../test-fixtures.js';
import { md, summarize, toMarkdown } from './summary.js';

const d = decision({
  profile: { lineage: 'B', phase: 'newly-diagnosed', age: 55, ph: 'negative' },
  options: [
    option({ id: 'a.caution', strength: 'caution', title: 'A cautioned option' }),
    option({
      id: 'b.recommended',
      strength: 'recommended',
      title: 'A recommended option',
      trials: ['NCT04530565'],
      keyNumbers: [{ study: 's', studyName: 'S', text: 'S: 3-year OS 85% vs 68%', outcomes: [] }],
      derived: [
        {
          derived: true,
          study: 's',
          studyName: 'S',
          endpoint: 'OS',
          experimental: { outcome: 'x', value: 85 },
          control: { outcome: 'y', value: 68 },
          absoluteDifference: 17,
          numberNeededToTreat: 6,
          text: 'S 3-year OS 85% vs 68%, absolute difference +17 percentage points',
        },
      ],
      warnings: [{ code: 'w', text: 'May harm', refs: [3], quote: 'q', applies: 'unknown' }],
      statements: [{ id: 's1', kind: 'recommendation', quote: 'we recommend *it*', refs: [] }],
    }),
  ],
  pending: [option({ id: 'c.pending', strength: 'trial', title: 'A trial', unknownFacts: ['phLike'] })],
  warnings: [{ code: 'age.boundary', text: 'Age 55 sits between <55 and >55', refs: [42], kind: 'boundary' }],
  missing: [{ field: 'cd19', text: 'why', test: 'Flow cytometry', affects: [] }],
});

describe('the tumor-board summary', () => {
  it('orders options by strength, each with what the strength means, after the patient warnings', () => {
    const s = summarize(d);
    expect(s.sections.map((x) => x.heading)).toEqual([
      'Patient warnings',
      'Recommended',
      'Caution',
      'Would apply depending on unknown facts',
      'Missing facts and the test that settles each',
    ]);
    expect(s.sections[1]?.note).toMatch(/explicitly recommend/);
  });

  it('labels boundaries, derived differences and warnings that may apply', () => {
    const text = toMarkdown(summarize(d));
    expect(text).toContain('- Boundary: Age 55 sits between <55 and >55 \\[ref 42\\]');
    expect(text).toContain('  - Derived by Frontline: S 3-year OS 85% vs 68%');
    expect(text).toContain('  - Warning (may apply): May harm \\[ref 3\\]');
    expect(text).toContain('  - Trials: NCT04530565');
    expect(text).toContain('— needs: Ph-like signature');
    expect(text).toContain('- CD19 on blasts: Flow cytometry');
  });

  it('collects every reference number it cites, for the references at the end of the print view', () => {
    expect(summarize(d).refs).toEqual([3, 42]);
  });

  it('carries the knowledge-base version and the notice', () => {
    const text = toMarkdown(summarize(d));
    expect(text).toContain('Knowledge base kb-test');
    expect(text.trimEnd().endsWith('**Decision support, not a substitute for clinical judgment.**')).toBe(
      true,
    );
  });

  it('escapes Markdown but keeps thresholds as written', () => {
    expect(md('age <55, *x* [1] a_b')).toBe('age <55, \\*x\\* \\[1\\] a\\_b');
    expect(md('<script>')).toBe('\\<script>');
  });
});
