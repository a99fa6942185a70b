/**
 * Suggestions (CDS Hooks 2.0.1, §"Suggestion"): for each unknown fact that would change an option, a draft
 * ServiceRequest for the test that settles it, coded from `kb/facts.yaml` `order` (a LOINC or SNOMED CT code listed
 * in `kb/terminology/`). A fact without a confirmed code (MRD) gets no suggestion; the card says which test to order.
 * @module
 */
import type { Decision } from '../engine/index.js';
import type { Kb } from '../kb/index.js';
import type { Suggestion } from './card.js';
import { factInfo, factLabel } from './plain.js';

/** A suggestion and the profile field its test settles. */
export interface TestSuggestion {
  readonly field: string;
  readonly suggestion: Suggestion;
}

/**
 * One suggestion per settling test (two facts settled by one test share it), in the order of `missing`.
 * @param missing - the decision's unknown facts (each affects an option)
 * @param kb - facts with their order codes
 * @param patientId - the subject of the ServiceRequest (`context.patientId`)
 * @param newId - a fresh uuid per suggestion (feedback's `acceptedSuggestions` names it)
 */
export function testSuggestions(
  missing: Decision['missing'],
  kb: Kb,
  patientId: string,
  newId: () => string,
): TestSuggestion[] {
  const byCode = new Map<string, { fields: string[]; order: NonNullable<Kb['facts'][number]['order']> }>();
  for (const m of missing) {
    const order = factInfo(kb, m.field)?.order;
    if (order === undefined) {
      continue;
    }
    const key = `${order.system}|${order.code}`;
    const entry = byCode.get(key);
    if (entry === undefined) {
      byCode.set(key, { fields: [m.field], order });
    } else {
      entry.fields.push(m.field);
    }
  }
  return [...byCode.values()].map(({ fields, order }) => {
    const settles = fields.map((f) => factLabel(kb, f)).join('; ');
    const label = `Order ${order.display} (settles: ${settles})`;
    return {
      field: fields[0] ?? '',
      suggestion: {
        label: label.length > 200 ? `${label.slice(0, 199)}…` : label,
        uuid: newId(),
        isRecommended: false,
        actions: [
          {
            type: 'create',
            description: `Draft an order for ${order.display}`,
            resource: {
              resourceType: 'ServiceRequest',
              status: 'draft',
              intent: 'proposal',
              subject: { reference: `Patient/${patientId}` },
              code: { coding: [{ system: order.system, code: order.code, display: order.display }] },
              reasonCode: [
                { text: `Unknown: ${settles} (Frontline: would change the immunotherapy options)` },
              ],
            },
          },
        ],
      },
    };
  });
}
