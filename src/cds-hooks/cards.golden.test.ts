// The patient-view cards of a spread of patients, whole (summary, detail, source, links, suggestions, override
// reasons), recorded in test/golden/cards/patient-view.result.json: any change to what a clinician reads in the EHR
// is seen in review (`vitest -u` rewrites the file). Rendered inside the test, with a counter for uuids.
import { describe, expect, it } from 'vitest';
import { testKb } from '../../test/support/kb.js';
import { profileOf } from '../../test/support/profile.js';
import { evaluate } from '../engine/index.js';
import { decisionCards } from './cards.js';

const PATIENTS: readonly (readonly [string, Record<string, unknown>])[] = [
  [
    'adult B-ALL, CD20 30%, MRD 0.1%, CNS',
    { lineage: 'B', age: 45, cnsDisease: true, cd20Percent: 30, mrd: { value: 0.001 } },
  ],
  [
    'adult Ph-negative B-ALL in remission, MRD-negative',
    { lineage: 'B', age: 40, ph: 'negative', phase: 'remission', mrd: 0 },
  ],
  ['older Ph-positive B-ALL', { lineage: 'B', age: 70, ph: 'positive', fitForIntensiveChemo: false }],
  ['child, standard risk', { lineage: 'B', age: 8, ph: 'negative', pediatricRisk: 'standard-average' }],
  ['T-ALL adult', { lineage: 'T', age: 30 }],
  [
    'relapsed B-ALL, CD22 negative, CD19 positive',
    { lineage: 'B', age: 50, phase: 'relapsed-refractory', cd22: 'negative', cd19: 'positive' },
  ],
  ['lineage unknown', { age: 35 }],
];

describe('patient-view cards, whole', () => {
  it.each([
    ['without a SMART launch URL', undefined],
    ['with a SMART launch URL', 'https://frontline.example.org/launch'],
  ])('render to their recorded result (%s)', async (_name, smartLaunchUrl) => {
    const ckb = testKb();
    let n = 0;
    const ctx = {
      baseUrl: 'https://frontline.example.org/',
      newId: () => `card-${++n}`,
      patientId: 'p-1',
      ...(smartLaunchUrl === undefined ? {} : { smartLaunchUrl }),
    };
    const out = Object.fromEntries(
      PATIENTS.map(([name, input]) => {
        return [name, decisionCards(evaluate(profileOf(input, name), ckb), ckb.kb, ctx)];
      }),
    );
    const file = smartLaunchUrl === undefined ? 'patient-view' : 'patient-view-smart';
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      `../../test/golden/cards/${file}.result.json`,
    );
  });
});
