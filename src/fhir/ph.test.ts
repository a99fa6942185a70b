import { describe, expect, it } from 'vitest';
import { internalWordProblems } from '../../test/support/internal-words.js';
import { installed } from '../../test/support/kb.js';
import { mapBundle } from './index.js';
import {
  answer,
  bundle,
  concept,
  condition,
  interpretation,
  LOINC,
  observation,
  patient,
  quantity,
  SCT,
  terminology,
} from './test-support.js';

const B_ALL = concept(SCT, '277571004');
const PH_POSITIVE_ALL = concept(SCT, '425688002');
const PH_NEGATIVE_B_ALL = concept(SCT, '714251006');
const FISH = concept(LOINC, '51867-0');
const P190 = concept(LOINC, '52132-8');
const P210 = concept(LOINC, '55147-3');
const B2A2 = concept(LOINC, '49490-6');

function map(...resources: Record<string, unknown>[]) {
  return mapBundle(bundle(patient('1980-01-01'), ...resources), terminology());
}

describe('Ph status', () => {
  it('warns and leaves ph unknown when two FISH results disagree', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('fish-pos', FISH, answer(true)),
      observation('fish-neg', FISH, answer(false)),
    );
    expect(r.input.ph).toBeUndefined();
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'fhir.conflict',
        resources: ['Observation/fish-pos', 'Observation/fish-neg'],
      }),
    ]);
    expect(r.missing.find((m) => m.field === 'ph')?.text).toContain('disagree');
  });

  it('warns when a Ph+ ALL Condition code meets a negative FISH', () => {
    const r = map(condition('c', [PH_POSITIVE_ALL, B_ALL]), observation('fish', FISH, answer(false)));
    expect(r.input.ph).toBeUndefined();
    expect(r.warnings[0]?.resources).toEqual(['Condition/c', 'Observation/fish']);
  });

  it('warns when a Ph-negative B-ALL Condition code meets a positive FISH', () => {
    const r = map(condition('c', [PH_NEGATIVE_B_ALL]), observation('fish', FISH, answer(true)));
    expect(r.input.ph).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
  });

  it('warns when FISH is negative but a p190 transcript is measured', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('fish', FISH, answer(false)),
      observation('p190', P190, quantity(12, '%')),
    );
    expect(r.input.ph).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
  });

  it('does not treat a p210 0 % next to a positive p190 as a conflict', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('p190', P190, { ...quantity(38.5, '%'), ...interpretation(true) }),
      observation('p210', P210, { ...quantity(0, '%'), ...interpretation(false) }),
    );
    expect(r.input.ph).toBe('positive');
    expect(r.sources.ph).toEqual(['Observation/p190']);
    expect(r.warnings).toEqual([]);
  });

  it('keeps ph unknown (never negative) when only one transcript was tested negative', () => {
    const r = map(condition('c', [B_ALL]), observation('p210', P210, quantity(0, '%')));
    expect(r.input.ph).toBeUndefined();
    const missing = r.missing.find((m) => m.field === 'ph');
    expect(missing?.resource).toBe('Observation/p210');
    expect(missing?.text).toContain('transcript-specific');
  });

  it('reads ph negative when both p190 and p210 are negative', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('p190', P190, quantity(0, '%')),
      observation('p210', P210, quantity(0, '%')),
    );
    expect(r.input.ph).toBe('negative');
    expect(r.sources.ph).toEqual(['Observation/p190', 'Observation/p210']);
  });

  it('does not let a negative b2a2 test exclude p210 (b3a2 is not tested)', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('p190', P190, quantity(0, '%')),
      observation('b2a2', B2A2, answer(false)),
    );
    expect(r.input.ph).toBeUndefined();
    expect(r.missing.some((m) => m.field === 'ph')).toBe(true);
  });

  it('reads a later p190 of 0 after a positive one as response, not as a conflict', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('p190-dx', P190, quantity(40, '%'), '2025-01-11'),
      observation('p190-cr', P190, quantity(0, '%'), '2025-03-20'),
    );
    expect(r.input.ph).toBe('positive');
    expect(r.warnings).toEqual([]);
  });

  it('warns when a negative p190 is followed by a positive one', () => {
    const r = map(
      condition('c', [B_ALL]),
      observation('p190-a', P190, quantity(0, '%'), '2025-01-11'),
      observation('p190-b', P190, quantity(5, '%'), '2025-03-20'),
    );
    expect(r.input.ph).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
  });

  it('reports an unreadable BCR::ABL1 result by resource', () => {
    const r = map(condition('c', [B_ALL]), observation('fish', FISH, { valueString: 'see report' }));
    expect(r.input.ph).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'ph')).toEqual({
      field: 'ph',
      text: expect.stringContaining('the text "see report"'),
      resource: 'Observation/fish',
    });
  });

  it('lists ph as missing, not negative, when there is no test at all', () => {
    const r = map(condition('c', [B_ALL]));
    expect(r.input.ph).toBeUndefined();
    expect(r.missing.find((m) => m.field === 'ph')?.text).toContain('unknown, not negative');
  });
});

// Every Ph scenario above and a few more, each mapped whole (profile, sources, missing entries, warnings with their
// words) and recorded in test/golden/fhir/ph-scenarios.result.json: a change to any word or source is seen in review.
const SCENARIOS: readonly (readonly [string, () => Record<string, unknown>[]])[] = [
  [
    'two FISH disagree',
    () => [
      condition('c', [B_ALL]),
      observation('fp', FISH, answer(true)),
      observation('fn', FISH, answer(false)),
    ],
  ],
  [
    'Ph+ code, negative FISH',
    () => [condition('c', [PH_POSITIVE_ALL, B_ALL]), observation('fish', FISH, answer(false))],
  ],
  [
    'Ph− code, positive FISH',
    () => [condition('c', [PH_NEGATIVE_B_ALL]), observation('fish', FISH, answer(true))],
  ],
  ['Ph+ code alone', () => [condition('c', [PH_POSITIVE_ALL, B_ALL])]],
  ['Ph− code alone', () => [condition('c', [PH_NEGATIVE_B_ALL])]],
  [
    'negative FISH, measured p190',
    () => [
      condition('c', [B_ALL]),
      observation('fish', FISH, answer(false)),
      observation('p190', P190, quantity(12, '%')),
    ],
  ],
  [
    'positive p190, p210 0 %',
    () => [
      condition('c', [B_ALL]),
      observation('p190', P190, { ...quantity(38.5, '%'), ...interpretation(true) }),
      observation('p210', P210, { ...quantity(0, '%'), ...interpretation(false) }),
    ],
  ],
  ['p210 0 % alone', () => [condition('c', [B_ALL]), observation('p210', P210, quantity(0, '%'))]],
  ['p190 0 % alone', () => [condition('c', [B_ALL]), observation('p190', P190, quantity(0, '%'))]],
  [
    'p190 and p210 0 %',
    () => [
      condition('c', [B_ALL]),
      observation('p190', P190, quantity(0, '%')),
      observation('p210', P210, quantity(0, '%')),
    ],
  ],
  [
    'p190 0 %, b2a2 negative',
    () => [
      condition('c', [B_ALL]),
      observation('p190', P190, quantity(0, '%')),
      observation('b2a2', B2A2, answer(false)),
    ],
  ],
  [
    'p190 positive then 0',
    () => [
      condition('c', [B_ALL]),
      observation('a', P190, quantity(40, '%'), '2025-01-11'),
      observation('b', P190, quantity(0, '%'), '2025-03-20'),
    ],
  ],
  [
    'p190 0 then positive',
    () => [
      condition('c', [B_ALL]),
      observation('a', P190, quantity(0, '%'), '2025-01-11'),
      observation('b', P190, quantity(5, '%'), '2025-03-20'),
    ],
  ],
  [
    'p190 below a bound',
    () => [
      condition('c', [B_ALL]),
      observation('p190', P190, {
        valueQuantity: { value: 0.01, comparator: '<', code: '%', system: 'http://unitsofmeasure.org' },
      }),
    ],
  ],
  ['FISH as text', () => [condition('c', [B_ALL]), observation('fish', FISH, { valueString: 'see report' })]],
  [
    'FISH positive by interpretation',
    () => [condition('c', [B_ALL]), observation('fish', FISH, interpretation(true))],
  ],
  ['no test', () => [condition('c', [B_ALL])]],
];

describe('Ph scenarios, whole', () => {
  it('say what is missing, and why, in clinician words (no field id, no raw value)', () => {
    const kb = installed();
    const problems = SCENARIOS.flatMap(([name, resources]) => {
      const r = map(...resources());
      return [
        ...r.missing.flatMap((m) => internalWordProblems(kb, `${name}: missing ${m.field}`, m.text)),
        ...r.warnings.flatMap((w) => internalWordProblems(kb, `${name}: warning ${w.code}`, w.text)),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('map to their recorded results', async () => {
    const results = Object.fromEntries(SCENARIOS.map(([name, resources]) => [name, map(...resources())]));
    await expect(`${JSON.stringify(results, null, 2)}\n`).toMatchFileSnapshot(
      '../../test/golden/fhir/ph-scenarios.result.json',
    );
  });
});
