import { describe, expect, it } from 'vitest';
import { codePoints } from './card.js';
import { fitSummary } from './summary.js';

describe('fitSummary', () => {
  it('keeps short sentences whole and collapses whitespace', () => {
    expect(fitSummary('Supported by evidence:  blinatumomab\n consolidation')).toBe(
      'Supported by evidence: blinatumomab consolidation',
    );
  });

  it('cuts long sentences at a word boundary with an ellipsis, under 140 characters', () => {
    const out = fitSummary(`Recommended: ${'very long title '.repeat(20)}`);
    expect(out.endsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(139);
    expect(out).not.toMatch(/ …$/);
  });

  it('never splits a surrogate pair and counts UTF-16 units too', () => {
    const out = fitSummary('🩸'.repeat(200));
    expect(out.length).toBeLessThanOrEqual(139);
    expect(codePoints(out)).toBeLessThanOrEqual(139);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
