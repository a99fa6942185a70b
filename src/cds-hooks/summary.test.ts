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

describe('fitSummary, exactly', () => {
  it.each([
    // [text, max, expected]
    ['  a  b  ', 10, 'a b'],
    ['abcdefghij', 10, 'abcdefghij'],
    ['one two three four', 10, 'one two…'],
    ['one two three four', 11, 'one two…'],
    // A word boundary is used only when it keeps more than half the room; else the cut is mid-word.
    ['one twothree four', 10, 'one twoth…'],
    ['onetwothreefour', 10, 'onetwothr…'],
    ['aaaa bbbbbbbbbbbb', 10, 'aaaa bbbb…'],
    ['aaaaa bbbbbbbbbbbb', 10, 'aaaaa bbb…'],
    ['aaaaaa bbbbbbbbbb', 10, 'aaaaaa…'],
    ['🩸🩸🩸🩸🩸🩸', 5, '🩸🩸…'],
  ])('%j to %i → %j', (text, max, expected) => {
    expect(fitSummary(text, max)).toBe(expected);
  });

  it('cuts to 139 by default', () => {
    expect(fitSummary('x'.repeat(139))).toBe('x'.repeat(139));
    expect(fitSummary('x'.repeat(140))).toBe(`${'x'.repeat(138)}…`);
  });
});
