import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/index.js';
import { patientViewUrl, profileQuery, studyUrl } from './patient-link.js';

describe('patient view links', () => {
  it('writes the profile as PRODUCT.md says: field names, arrays comma-separated, mrd as the fraction', () => {
    const parsed = parseProfile({
      lineage: 'B',
      age: 45,
      ph: 'negative',
      cd20Percent: 30,
      mrd: { value: 0.001, afterCycle: 1, method: 'flow' },
      highRiskGenetics: ['KMT2A', 'IKZF1-plus'],
      cnsDisease: false,
    });
    if (!parsed.ok) {
      throw new Error('profile');
    }
    expect(profileQuery(parsed.profile)).toBe(
      'lineage=B&age=45&phase=newly-diagnosed&ph=negative&cd20Percent=30&mrd=0.001&highRiskGenetics=KMT2A,IKZF1-plus&cnsDisease=false',
    );
    expect(patientViewUrl('https://f.example/app/', parsed.profile)).toMatch(
      /^https:\/\/f\.example\/app\/patient\?lineage=B&/,
    );
  });

  it('encodes study ids in study page links', () => {
    expect(studyUrl('http://localhost:3000', 'e1910')).toBe('http://localhost:3000/evidence/studies/e1910');
    expect(studyUrl('http://localhost:3000', 'a/b')).toBe('http://localhost:3000/evidence/studies/a%2Fb');
  });
});
