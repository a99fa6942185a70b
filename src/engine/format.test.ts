// The words every surface prints for a number (option key numbers, cards, study pages, CLI): each shape of outcome
// the schema allows, as a clinician reads it. Data tables: outcome in, text out.
import { describe, expect, it } from 'vitest';
import type { Outcome, Study } from '../kb/index.js';
import { describeOutcome, endpointText, fmt, fmtP, fmtValue, summarizeOutcomes } from './format.js';

/** An outcome with only the fields a case sets; the quote holds the numbers as the source prints them. */
function outcome(fields: Partial<Outcome>): Outcome {
  return {
    id: 'x',
    category: 'efficacy',
    endpoint: 'OS',
    measure: 'rate',
    value: 85,
    unit: '%',
    refs: [1],
    quote: 'quoted',
    ...fields,
  };
}

/** Only the arms are read when naming an arm. */
const study = {
  arms: [
    { id: 'blina', label: 'blinatumomab' },
    { id: 'chemo', label: 'chemotherapy' },
  ],
} as unknown as Study;

describe('fmt: a number without trailing zeros or float noise', () => {
  it.each([
    [85, '85'],
    [1.5, '1.5'],
    [0.1 + 0.2, '0.3'],
    [0.001, '0.001'],
  ])('%s → %s', (n, text) => {
    expect(fmt(n)).toBe(text);
  });
});

describe('fmtP: "P = .002", the leading zero dropped as journals print it', () => {
  it.each([
    [{ op: '=', value: 0.002 }, 'P = .002'],
    [{ op: '<', value: 0.001 }, 'P < .001'],
    [{ op: '>', value: 0.05 }, 'P > .05'],
    [{ op: '=', value: 1 }, 'P = 1'],
  ])('%o → %s', (p, text) => {
    expect(fmtP(p)).toBe(text);
  });
});

describe('fmtValue: the value with its unit', () => {
  it.each<[string, Partial<Outcome>, string]>([
    ['a rate', { value: 85, unit: '%' }, '85%'],
    ['a rate of 1%', { value: 1, unit: '%' }, '1%'],
    ['a hazard ratio', { measure: 'hazard-ratio', value: 0.53, unit: 'ratio' }, 'HR 0.53'],
    ['a median', { measure: 'median', value: 7.7, unit: 'months' }, 'median 7.7 months'],
    ['one month, singular', { measure: 'median', value: 1, unit: 'months' }, 'median 1 month'],
    ['one year, singular', { measure: 'duration', value: 1, unit: 'years' }, '1 year'],
    ['patients, plural', { measure: 'count', value: 2, unit: 'patients' }, '2 patients'],
    ['one patient, singular', { measure: 'count', value: 1, unit: 'patients' }, '1 patient'],
    ['a fraction has no unit', { measure: 'threshold', value: 0.5, unit: 'fraction' }, '0.5'],
    ['a dose', { measure: 'dose', value: 28, unit: 'ug' }, '28 ug'],
    ['as printed in the quote', { value: 0.5, unit: 'fraction', quote: 'a value of 0.50' }, '0.50'],
    ['with ±', { value: 96, plusMinus: 1.2, quote: '96% ± 1.2' }, '96% ± 1.2'],
    ['x of y', { value: 60, count: 12, denominator: 20 }, '60% (12 of 20)'],
    ['a count without its denominator is not "of"', { value: 60, count: 12 }, '60%'],
    ['a denominator without its count is not "of"', { value: 60, denominator: 20 }, '60%'],
    ['greater than', { value: 93, qualifier: '>' }, '>93%'],
    ['less than', { value: 5, qualifier: '<' }, '<5%'],
    ['at least', { value: 90, qualifier: '>=' }, '≥90%'],
    ['at most', { value: 10, qualifier: '<=' }, '≤10%'],
    ['approximately', { value: 50, qualifier: 'approximately' }, '≈50%'],
    [
      'bound and hazard ratio',
      { measure: 'hazard-ratio', unit: 'ratio', value: 0.5, qualifier: '<' },
      'HR <0.5',
    ],
  ])('%s', (_name, fields, text) => {
    expect(fmtValue(outcome(fields))).toBe(text);
  });
});

describe('endpointText: the endpoint heading', () => {
  it.each<[string, Partial<Outcome>, string]>([
    ['the endpoint alone', {}, 'OS'],
    ['with its time point', { timepoint: '3-year' }, '3-year OS'],
    [
      'the source words replace the code',
      { endpoint: 'other', label: 'overall survival' },
      'overall survival',
    ],
    [
      'a label that already starts with the time point is not repeated',
      { endpoint: 'other', label: '3-year survival', timepoint: '3-year' },
      '3-year survival',
    ],
    ['grade 3 or higher', { endpoint: 'CRS', grade: '>=3' }, 'grade ≥3 CRS'],
    ['one grade', { endpoint: 'CRS', grade: '3' }, 'grade 3 CRS'],
    ['any grade, as the review says "of any grade"', { endpoint: 'VOD', grade: 'any' }, 'any-grade VOD'],
    [
      'time point, grade, endpoint',
      { endpoint: 'ICANS', grade: '>=3', timepoint: 'day 28' },
      'day 28 grade ≥3 ICANS',
    ],
  ])('%s', (_name, fields, text) => {
    expect(endpointText(outcome(fields))).toBe(text);
  });
});

describe('describeOutcome: one outcome in one line', () => {
  it.each<[string, Partial<Outcome>, Study | undefined, string]>([
    ['whole cohort', { timepoint: '3-year' }, study, '3-year OS: 85%'],
    ['one arm, by its label', { arm: 'blina' }, study, 'OS [blinatumomab]: 85%'],
    ['an arm the study does not list keeps its id', { arm: 'other' }, study, 'OS [other]: 85%'],
    ['an arm without the study keeps its id', { arm: 'blina' }, undefined, 'OS [blina]: 85%'],
    [
      'a comparison with CI and P',
      {
        measure: 'hazard-ratio',
        unit: 'ratio',
        value: 0.53,
        arm: 'blina',
        versus: 'chemo',
        subgroup: 'age <55',
        ci: { lower: 0.32, upper: 0.87, level: 95 },
        p: { op: '=', value: 0.002 },
      },
      study,
      'OS [blinatumomab] vs [chemotherapy] {age <55}: HR 0.53 (95% CI 0.32-0.87; P = .002)',
    ],
    [
      'a CI without its level',
      { measure: 'hazard-ratio', unit: 'ratio', value: 0.5, ci: { lower: 0.3, upper: 0.9 } },
      study,
      'OS: HR 0.5 (CI 0.3-0.9)',
    ],
    [
      'CI bounds as printed',
      {
        measure: 'hazard-ratio',
        unit: 'ratio',
        value: 0.5,
        ci: { lower: 0.3, upper: 0.9 },
        quote: '0.50 (0.30-0.90)',
      },
      study,
      'OS: HR 0.50 (CI 0.30-0.90)',
    ],
    ['P alone', { p: { op: '<', value: 0.001 } }, study, 'OS: 85% (P < .001)'],
  ])('%s', (_name, fields, s, text) => {
    expect(describeOutcome(outcome(fields), s)).toBe(text);
  });
});

describe('summarizeOutcomes: several outcomes of one study in one line', () => {
  it.each<[string, Partial<Outcome>[], string]>([
    ['nothing', [], ''],
    [
      'one outcome keeps its CI',
      [
        {
          measure: 'hazard-ratio',
          unit: 'ratio',
          value: 0.53,
          timepoint: '3-year',
          endpoint: 'RFS',
          ci: { lower: 0.32, upper: 0.87, level: 95 },
        },
      ],
      '3-year RFS HR 0.53 (95% CI 0.32-0.87)',
    ],
    [
      'two arms of one endpoint, named, with the P of either',
      [
        { timepoint: '3-year', value: 85, arm: 'blina' },
        { timepoint: '3-year', value: 68, arm: 'chemo', p: { op: '=', value: 0.002 } },
      ],
      '3-year OS 85% (blinatumomab) vs 68% (chemotherapy) (P = .002)',
    ],
    [
      'two arms: the per-arm CIs are left to the table',
      [
        { value: 85, arm: 'blina', ci: { lower: 80, upper: 90 } },
        { value: 68, arm: 'chemo', ci: { lower: 60, upper: 75 } },
      ],
      'OS 85% (blinatumomab) vs 68% (chemotherapy)',
    ],
    [
      'one outcome with a CI and a P',
      [
        {
          measure: 'hazard-ratio',
          unit: 'ratio',
          value: 0.5,
          ci: { lower: 0.3, upper: 0.8, level: 95 },
          p: { op: '=', value: 0.01 },
        },
      ],
      'OS HR 0.5 (95% CI 0.3-0.8; P = .01)',
    ],
    ['one arm alone is not named', [{ value: 85, arm: 'blina' }], 'OS 85%'],
    ['two values without arms', [{ value: 85 }, { value: 68 }], 'OS 85% vs 68%'],
    ['a subgroup', [{ value: 85, subgroup: 'age <55' }], 'OS in age <55 85%'],
    [
      'different subgroups are different parts',
      [
        { value: 85, subgroup: 'age <55' },
        { value: 60, subgroup: 'age ≥55' },
      ],
      'OS in age <55 85%; OS in age ≥55 60%',
    ],
    [
      'a hazard ratio and a rate of one endpoint are different parts',
      [{ value: 85 }, { measure: 'hazard-ratio', unit: 'ratio', value: 0.5 }],
      'OS 85%; OS HR 0.5',
    ],
    [
      'different endpoints are different parts, in the order given',
      [{ endpoint: 'EFS', value: 70 }, { value: 85 }],
      'EFS 70%; OS 85%',
    ],
  ])('%s', (_name, list, text) => {
    expect(summarizeOutcomes(list.map(outcome), study)).toBe(text);
  });

  it('without the study, arms keep their ids', () => {
    expect(
      summarizeOutcomes([outcome({ value: 85, arm: 'blina' }), outcome({ value: 68, arm: 'chemo' })]),
    ).toBe('OS 85% (blina) vs 68% (chemo)');
  });
});
