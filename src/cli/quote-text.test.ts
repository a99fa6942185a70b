import { describe, expect, it } from 'vitest';
import { plainQuote } from './quote-text.js';

describe('a quote in the terminal', () => {
  it('reads the source markup and keeps every digit and sign', () => {
    expect(plainQuote('improved OS ($P=.002$) at $\\geq 10^{-4}$ in *IKZF1* cases, 5\\%')).toBe(
      'improved OS (P=.002) at ≥10⁻⁴ in IKZF1 cases, 5%',
    );
  });
});
