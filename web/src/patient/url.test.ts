import { describe, expect, it } from 'vitest';
import { fractionToPercent, percentToFraction, profileBody, queryOfProfile, withParam } from './url.js';

const q = (s: string): URLSearchParams => new URLSearchParams(s);

describe('the patient URL contract', () => {
  it('reads the shared link of PRODUCT.md as the profile, with mrd as the fraction', () => {
    expect(profileBody(q('lineage=B&age=45&ph=negative&cd20Percent=30&mrd=0.001'))).toEqual({
      lineage: 'B',
      age: 45,
      ph: 'negative',
      cd20Percent: 30,
      mrd: { value: 0.001 },
    });
  });

  it('puts mrd.afterCycle and mrd.method inside mrd, and reads booleans and comma-separated arrays', () => {
    expect(
      profileBody(
        q('lineage=B&mrd=0&mrd.afterCycle=1&mrd.method=flow&phLike=false&highRiskGenetics=KMT2A,%20TP53'),
      ),
    ).toEqual({
      lineage: 'B',
      mrd: { value: 0, afterCycle: 1, method: 'flow' },
      phLike: false,
      highRiskGenetics: ['KMT2A', 'TP53'],
    });
  });

  it('keeps an absent parameter unknown and an empty list known-empty (tested, none found)', () => {
    const body = profileBody(q('lineage=T&age=&highRiskGenetics='));
    expect(body).toEqual({ lineage: 'T', highRiskGenetics: [] });
    expect(body).not.toHaveProperty('age');
  });

  it('passes values that do not read as their type, and unknown parameters, to the server to be named', () => {
    expect(profileBody(q('lineage=B&age=forty&cnsDisease=maybe&agee=4'))).toEqual({
      lineage: 'B',
      age: 'forty',
      cnsDisease: 'maybe',
      agee: '4',
    });
  });

  it('asks nothing until lineage, the one required field, is chosen', () => {
    expect(profileBody(q('age=45'))).toBeUndefined();
    expect(profileBody(q(''))).toBeUndefined();
  });

  it('writes a normalized profile back as a link that reads as the same profile', () => {
    const query = queryOfProfile({
      lineage: 'B',
      phase: 'remission',
      age: 55,
      mrd: { value: 0.0001, afterCycle: 2, method: 'ngs' },
      highRiskGenetics: [],
      cnsDisease: true,
    });
    expect(query.toString()).toBe(
      'lineage=B&highRiskGenetics=&phase=remission&mrd=0.0001&mrd.afterCycle=2&mrd.method=ngs&age=55&cnsDisease=true',
    );
    expect(profileBody(query)).toEqual({
      lineage: 'B',
      highRiskGenetics: [],
      phase: 'remission',
      mrd: { value: 0.0001, afterCycle: 2, method: 'ngs' },
      age: 55,
      cnsDisease: true,
    });
  });

  it('sets and removes one parameter without reordering the others', () => {
    const next = withParam(q('lineage=B&age=45&ph=negative'), 'age', '60');
    expect(next.toString()).toBe('lineage=B&age=60&ph=negative');
    expect(withParam(next, 'ph', undefined).toString()).toBe('lineage=B&age=60');
  });

  it('converts MRD between percent and fraction without binary noise', () => {
    expect(percentToFraction(0.1)).toBe(0.001);
    expect(percentToFraction(0.07)).toBe(0.0007);
    expect(percentToFraction(0.01)).toBe(0.0001);
    expect(fractionToPercent(0.0007)).toBe(0.07);
    expect(fractionToPercent(0.001)).toBe(0.1);
  });
});
