// The order-select and order-sign card of each drafted agent for a spread of patients, whole, recorded in
// test/golden/cards/order.result.json: any change to what a prescriber reads when ordering is seen in review
// (`vitest -u` rewrites the file). Rendered inside the test, with a counter for uuids.
import { describe, expect, it } from 'vitest';
import { testKb } from '../../test/support/kb.js';
import { profileOf } from '../../test/support/profile.js';
import { evaluate } from '../engine/index.js';
import type { DraftOrders } from './context.js';
import { agentCard, orderCards } from './order-cards.js';

const PATIENTS: readonly (readonly [string, Record<string, unknown>])[] = [
  ['adult Ph-negative B-ALL, CD20 35%', { lineage: 'B', age: 38, ph: 'negative', cd20Percent: 35 }],
  [
    'adult Ph-negative B-ALL in remission, MRD 0.1%',
    { lineage: 'B', age: 47, ph: 'negative', phase: 'remission', mrd: 0.001 },
  ],
  ['older Ph-positive B-ALL, unfit', { lineage: 'B', age: 70, ph: 'positive', fitForIntensiveChemo: false }],
  ['child, standard risk', { lineage: 'B', age: 8, ph: 'negative', pediatricRisk: 'standard-average' }],
  ['T-ALL adult', { lineage: 'T', age: 30 }],
  [
    'relapsed B-ALL, CD22 and CD19 negative',
    { lineage: 'B', age: 50, phase: 'relapsed-refractory', cd22: 'negative', cd19: 'negative' },
  ],
  ['lineage unknown', { age: 35 }],
];
const AGENTS = [
  'blinatumomab',
  'inotuzumab-ozogamicin',
  'rituximab',
  'daratumumab',
  'tisagenlecleucel',
  'ponatinib',
];

describe('order cards, whole', () => {
  it('render to their recorded result', async () => {
    const ckb = testKb();
    let n = 0;
    const ctx = { baseUrl: 'https://frontline.example.org/', newId: () => `card-${++n}`, patientId: 'p-1' };
    const out: Record<string, unknown> = {};
    for (const [name, input] of PATIENTS) {
      const decision = evaluate(profileOf(input, name), ckb);
      for (const id of AGENTS) {
        const agent = ckb.kb.agents.find((a) => a.id === id);
        if (agent === undefined) {
          throw new Error(`no agent ${id}`);
        }
        for (const hook of ['order-select', 'order-sign'] as const) {
          out[`${name} · ${id} · ${hook}`] = agentCard(agent, hook, decision, ckb.kb, ctx);
        }
      }
    }
    // A draft-orders Bundle: the selected orders only at order-select, every order at order-sign.
    const decision = evaluate(profileOf(PATIENTS[0]?.[1] ?? {}, 'the first patient'), ckb);
    const draftOrders: DraftOrders = {
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'a',
            medicationCodeableConcept: { text: 'Blincyto 28 mcg/day' },
          },
        },
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'b',
            medicationCodeableConcept: { text: 'rituximab 375 mg/m2' },
          },
        },
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'c',
            medicationCodeableConcept: { text: 'vincristine' },
          },
        },
      ],
    };
    out['bundle · order-select of b'] = orderCards(
      'order-select',
      draftOrders,
      ['MedicationRequest/b'],
      decision,
      ckb.kb,
      ctx,
    );
    out['bundle · order-sign'] = orderCards('order-sign', draftOrders, undefined, decision, ckb.kb, ctx);
    await expect(`${JSON.stringify(out, null, 2)}\n`).toMatchFileSnapshot(
      '../../test/golden/cards/order.result.json',
    );
  });
});
