// The words of a card, exactly: Markdown escaping, the trace as a nested list, reference lists, LaTeX made plain, and
// profile fields by their clinician labels.
import { describe, expect, it } from 'vitest';
import { installed } from '../../test/support/kb.js';
import type { TraceNode } from '../engine/index.js';
import { md, mdKb, refsText, traceList } from './markdown.js';
import { factInfo, factLabel, hasLatex, plain } from './plain.js';

describe('md', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a*b_c`d[e]\\f', 'a\\*b\\_c\\`d\\[e\\]\\\\f'],
    ['<55 and ≥3, P = .002', '<55 and ≥3, P = .002'],
    ['<b>bold</b> <!-- x --> <?x', '\\<b>bold\\</b> \\<!-- x --> \\<?x'],
    ['one\n  two \n three', 'one two three'],
    ['a < b', 'a < b'],
  ])('%j → %j', (text, escaped) => {
    expect(md(text)).toBe(escaped);
    expect(mdKb(text)).toBe(escaped);
    expect(mdKb(text)).toBe(escaped);
  });
});

describe('traceList', () => {
  const leaf = (label: string, verdict: TraceNode['verdict'], extra: Partial<TraceNode> = {}): TraceNode => ({
    kind: 'condition',
    label,
    verdict,
    ...extra,
  });

  it('writes each node with its mark, label, the value seen and the review threshold, nested by depth', () => {
    const tree: TraceNode[] = [
      {
        kind: 'all',
        label: 'all of',
        verdict: 'unknown',
        children: [
          leaf('age < 55', true, { observed: 45, written: '<55' }),
          leaf('Ph negative', 'unknown', { observed: null }),
          leaf('CD20 ≥ 20%', false, { observed: 5 }),
          leaf('lineage is one of', true, { observed: ['B', 'T'] }),
          leaf('no value recorded', false),
          {
            kind: 'not',
            label: 'not',
            verdict: true,
            children: [leaf('CNS *disease*', false, { observed: false })],
          },
        ],
      },
    ];
    expect(traceList(tree)).toEqual([
      '- ? all of',
      '  - ✓ age < 55 — seen: 45 (review: "<55")',
      '  - ? Ph negative — unknown',
      '  - ✗ CD20 ≥ 20% — seen: 5',
      '  - ✓ lineage is one of — seen: B, T',
      '  - ✗ no value recorded — unknown',
      '  - ✓ not',
      '    - ✗ CNS \\*disease\\* — seen: false',
    ]);
  });

  it('does not descend into a condition', () => {
    expect(traceList([leaf('x', true, { observed: 1, children: [leaf('hidden', true)] })])).toEqual([
      '- ✓ x — seen: 1',
    ]);
    expect(traceList([])).toEqual([]);
  });
});

describe('refsText', () => {
  it('lists reference numbers, or says nothing', () => {
    expect(refsText([42, 43])).toBe('refs 42, 43');
    expect(refsText([7])).toBe('refs 7');
    expect(refsText([])).toBe('');
  });
});

describe('plain and hasLatex', () => {
  it.each([
    ['(70% vs 38%; $P < .001$)', '(70% vs 38%; P < .001)'],
    ['MRD $< 10^{-4}$', 'MRD < 10^-4'],
    ['$1 \\times 10^{-4}$', '1 × 10^-4'],
    ['$\\leq 5$ and $\\le 6$', '≤ 5 and ≤ 6'],
    ['$\\geq 5$ and $\\ge 6$', '≥ 5 and ≥ 6'],
    ['$96.0\\% \\pm 1.2\\%$', '96.0% ± 1.2%'],
    ['$1\\,000$', '1 000'],
    ['$x_{i}$', 'xi'],
    ['IKZF1^{plus}', 'IKZF1^plus'],
    ['no markup at all', 'no markup at all'],
  ])('%j → %j', (text, words) => {
    expect(plain(text)).toBe(words);
    expect(hasLatex(plain(text))).toBe(false);
  });

  it.each([
    ['$P < .001$', true],
    ['10^{-4}', true],
    ['\\times', true],
    ['costs $5 and $6', true],
    ['a $ sign', false],
    ['P < .001', false],
    ['10^-4', false],
  ])('hasLatex(%j) → %s', (text, latex) => {
    expect(hasLatex(text)).toBe(latex);
  });
});

describe('factLabel and factInfo', () => {
  it('gives a field its label from kb/facts.yaml (mrd by its value), else its name in words', () => {
    const kb = installed();
    const mrd = kb.facts.find((f) => f.fact === 'mrd.value');
    const age = kb.facts.find((f) => f.fact === 'age');
    expect(mrd).toBeDefined();
    expect(factLabel(kb, 'mrd')).toBe(mrd?.label);
    expect(factLabel(kb, 'age')).toBe(age?.label);
    expect(factLabel(kb, 'someNewField2X')).toBe('some new field2 x');
    expect(factInfo(kb, 'age')).toBe(age);
    expect(factInfo(kb, 'mrd')).toBe(mrd);
    expect(factInfo(kb, 'nothing')).toBeUndefined();
    // A knowledge base's labels are its own.
    const other = {
      ...kb,
      facts: kb.facts.map((f) => (f.fact === 'age' ? { ...f, label: 'Age (other)' } : f)),
    };
    expect(factLabel(other, 'age')).toBe('Age (other)');
  });
});
