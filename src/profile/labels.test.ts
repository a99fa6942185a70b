import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, fieldLabel, labelFieldsIn, valueLabel } from './labels.js';
import { PROFILE_FIELDS } from './values.js';

describe('the label table', () => {
  it('labels every field of the profile contract', () => {
    for (const field of PROFILE_FIELDS) {
      expect(FIELD_LABELS[field]).toBeTruthy();
    }
  });

  it('reads dotted paths and values in clinician words', () => {
    expect(fieldLabel('mrd.value')).toBe('MRD');
    expect(fieldLabel('highRiskGenetics.1')).toBe('High-risk genetic lesions');
    expect(fieldLabel('nonsense')).toBe('nonsense');
    expect(valueLabel('not-stated')).toBe('not stated');
    expect(valueLabel('KMT2A')).toBe('KMT2A');
  });

  it('rewrites field ids inside a generated sentence, whole ids only', () => {
    expect(labelFieldsIn('highRiskGenetics includes KMT2A')).toBe('High-risk genetic lesions includes KMT2A');
    expect(labelFieldsIn('mrd.value ≥ 0.001 and cd20Percent ≥ 20')).toBe(
      'MRD ≥ 0.001 and CD20-positive blasts (%) ≥ 20',
    );
    expect(labelFieldsIn('phLike = true; not a cd19x')).toBe('Ph-like signature = true; not a cd19x');
  });

  it('labels a dotted path of its own by its own label, not by its field', () => {
    expect(fieldLabel('mrd.afterCycle')).toBe('MRD measured after cycle');
    expect(fieldLabel('mrd.method')).toBe('MRD method');
  });

  // These ids are also everyday words ("age 18 or older", "in phase 2", "lineage", "WBC", "MRD"): a sentence keeps them.
  it.each(['age', 'phase', 'lineage', 'wbc', 'mrd'])(
    'leaves the everyday word "%s" as it is in a sentence',
    (word) => {
      const sentence = `the ${word} is given`;
      expect(labelFieldsIn(sentence)).toBe(sentence);
    },
  );
});
