import { describe, expect, it } from 'vitest';
import { SPONSOR_NOT_NAMED, sponsorText } from './trial-text.js';

describe('a trial sponsor in words', () => {
  it('names the group the review names, and says so when it names none', () => {
    expect(sponsorText({ sponsor: { name: 'GIMEMA', refs: [79], quote: 'q'.repeat(20) } })).toBe('GIMEMA');
    expect(sponsorText({})).toBe('not named in the review');
    expect(SPONSOR_NOT_NAMED).toBe('not named in the review');
  });
});
