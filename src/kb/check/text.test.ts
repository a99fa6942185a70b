import { describe, expect, it } from 'vitest';
import { normalizeText, numbersIn, prepareText, quoteStates } from './text.js';

describe('normalizeText', () => {
  it('collapses whitespace and drops math and emphasis markup', () => {
    expect(normalizeText('rate (70% vs 38%;\n\n $P < .001$) and *KMT2A*')).toBe(
      'rate (70% vs 38%; P < .001) and KMT2A',
    );
  });
  it('drops citation superscripts but keeps powers of ten', () => {
    expect(normalizeText('worse.^{10,11} MRD $< 10^{-4}$ was.¹⁴')).toBe('worse. MRD < 10^-4 was.');
  });
});

describe('prepareText', () => {
  const text = prepareText(
    'The 3-year OS rates were 85% in the blinatumomab group vs 68% in the\nchemotherapy-alone group ($P=.002$).⁴²',
  );
  it('finds a quote copied without markup', () => {
    expect(
      text.includes('85% in the blinatumomab group vs 68% in the chemotherapy-alone group (P=.002)'),
    ).toBe(true);
  });
  it('rejects a quote with one digit changed', () => {
    expect(text.includes('85% in the blinatumomab group vs 69% in the chemotherapy-alone group')).toBe(false);
  });
});

describe('numbersIn', () => {
  it('reads decimals without a leading zero, ranges and counts', () => {
    expect(numbersIn('HR, 0.53; 95% CI, 0.32-0.87; P = .002; 88 of 113')).toEqual(
      expect.arrayContaining([0.53, 95, 0.32, 0.87, 0.002, 88, 113]),
    );
  });
  it('reads powers of ten and percentages as fractions', () => {
    expect(quoteStates('MRD of at least 10^{-4} after induction', 0.0001)).toBe(true);
    expect(quoteStates('sensitivity of 1×10^{-6} .', 0.000001)).toBe(true);
    expect(quoteStates('MRD ≥0.1% after induction cycle 1', 0.001)).toBe(true);
  });
  it('does not find a number the quote does not state', () => {
    expect(quoteStates('3-year OS 85% vs 68%', 86)).toBe(false);
    expect(quoteStates('reference list 12,13', 1213)).toBe(false);
  });
});

describe('LaTeX in the source', () => {
  it('reads \\% and \\geq as their symbols, so "0.1%" is a number a quote can state', () => {
    const q = 'very high-risk disease (MRD $\\geq 0.1\\%$ after induction cycle 1';
    expect(normalizeText(q)).toBe('very high-risk disease (MRD ≥0.1% after induction cycle 1');
    expect(quoteStates(q, 0.001)).toBe(true);
  });
  it('reads \\pm as ±', () => {
    expect(normalizeText('$96.0\\% \\pm 1.2\\%$')).toBe('96.0% ± 1.2%');
  });
});
