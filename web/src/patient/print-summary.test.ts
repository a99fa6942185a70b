import { describe, expect, it } from 'vitest';
import { shortCitation } from './print-summary.js';

const base = { source: 'dias-litzow-2025', title: 'A title', year: 2024, text: 'x' };

describe('a reference abridged for the printed page', () => {
  it('gives the first author, the journal and the year', () => {
    expect(
      shortCitation({
        ...base,
        n: 42,
        authors: 'Litzow MR, Sun Z, Mattison RJ, et al',
        journal: 'N Engl J Med',
      }),
    ).toBe('Litzow MR et al. N Engl J Med 2024');
    expect(
      shortCitation({ ...base, n: 14, authors: 'Hoelzer D, Gökbuget N', journal: 'Blood Rev', year: 2012 }),
    ).toBe('Hoelzer D et al. Blood Rev 2012');
  });

  it('falls back to the title when the entry has no authors or journal', () => {
    expect(shortCitation({ ...base, n: 89 })).toBe('A title 2024');
  });
});
