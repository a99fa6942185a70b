import { describe, expect, it } from 'vitest';
import { fmtNumber, mrdText, quoteSegments, quoteText, refsText } from './text.js';

describe('quotes as shown', () => {
  it('reads the math markup kb check forgives, keeping every word, digit and sign', () => {
    expect(quoteText('(93% vs 72%; $P < .001$)')).toBe('(93% vs 72%; P < .001)');
    expect(quoteText('MRD $\\geq 0.1\\%$ and $<1 \\times 10^{-4}$')).toBe('MRD ≥0.1% and <1 ×10⁻⁴');
    expect(quoteText('$87.9\\% \\pm 2.1\\%$')).toBe('87.9% ± 2.1%');
  });

  it('marks gene names as emphasis and keeps words in superscripts', () => {
    expect(quoteSegments('*IKZF1*^{plus} deletion')).toEqual([
      { text: 'IKZF1', style: 'em' },
      { text: 'plus', style: 'sup' },
      { text: ' deletion', style: 'plain' },
    ]);
  });

  it('names reference numbers as the review does', () => {
    expect(refsText([])).toBe('');
    expect(refsText([42])).toBe('ref 42');
    expect(refsText([28, 29])).toBe('refs 28, 29');
  });
});

describe('numbers as shown', () => {
  it('writes an MRD fraction also as percent and as a power of ten', () => {
    expect(mrdText(0.001)).toBe('0.001 (0.1%, 10⁻³)');
    expect(mrdText(0.0001)).toBe('0.0001 (0.01%, 10⁻⁴)');
    expect(mrdText(0.005)).toBe('0.005 (0.5%)');
    expect(mrdText(0)).toBe('0 (undetectable)');
  });

  it('drops binary noise', () => {
    expect(fmtNumber(0.1 + 0.2)).toBe('0.3');
    expect(fmtNumber(45)).toBe('45');
  });
});
