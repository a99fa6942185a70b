import { describe, expect, it } from 'vitest';
import { shortProteinChange } from './index.js';

describe('shortProteinChange', () => {
  it.each([
    ['NP_005148.2:p.Thr315Ile', 'T315I'],
    ['p.Thr315Ile', 'T315I'],
    ['p.(Glu255Lys)', 'E255K'],
    ['p.T315I', 'T315I'],
    ['p.Tyr253His', 'Y253H'],
    ['p.Gln252Ter', 'Q252*'],
    [' NP_005148.2:p.Phe359Val ', 'F359V'],
  ])('%s → %s', (hgvs, expected) => {
    expect(shortProteinChange(hgvs)).toBe(expected);
  });

  it.each([
    'p.Thr315=',
    'p.Glu255_Lys256del',
    'p.Thr315fs',
    'c.944C>T',
    'T315I',
    'p.Xaa315Ile',
    'p.Thr315I',
    '',
  ])('does not shorten %j', (hgvs) => {
    expect(shortProteinChange(hgvs)).toBeUndefined();
  });
});
