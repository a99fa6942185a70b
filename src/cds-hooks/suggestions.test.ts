// Suggestions to order the test that settles an unknown fact: one per test (facts settled by the same test share it),
// in the order of `missing`, each a draft ServiceRequest with its code, subject and reason; none for a fact without
// a confirmed code.
import { describe, expect, it } from 'vitest';
import { installed } from '../../test/support/kb.js';
import type { Decision } from '../engine/index.js';
import type { Kb } from '../kb/index.js';
import { testSuggestions } from './suggestions.js';

const IMMUNO = {
  system: 'http://loinc.org',
  code: '101119-6',
  display: 'Leukemia and lymphoma immunophenotyping',
};
const FISH = { system: 'http://loinc.org', code: '51867-0', display: 'BCR::ABL1 FISH' };

function kbWith(
  facts: readonly { fact: Kb['facts'][number]['fact']; label: string; order?: typeof IMMUNO }[],
): Kb {
  const kb = installed();
  const base = kb.facts[0];
  if (base === undefined) {
    throw new Error('no facts');
  }
  return {
    ...kb,
    facts: facts.map(({ order, ...f }) => {
      const { order: _o, ...rest } = base;
      return { ...rest, ...f, ...(order === undefined ? {} : { order }) };
    }),
  };
}

const missing = (...fields: string[]): Decision['missing'] =>
  fields.map((field) => ({ field, text: field, test: 'a test', affects: ['x'] }));

describe('testSuggestions', () => {
  const kb = kbWith([
    { fact: 'lineage', label: 'ALL lineage', order: IMMUNO },
    { fact: 'cd19', label: 'CD19 on blasts', order: IMMUNO },
    { fact: 'ph', label: 'Ph status', order: FISH },
    { fact: 'mrd.value', label: 'MRD level' },
  ]);

  it('suggests one draft order per test, in the order of missing, and none for a fact without a code', () => {
    let n = 0;
    const out = testSuggestions(missing('ph', 'mrd', 'lineage', 'cd19'), kb, 'p-7', () => `s-${++n}`);
    expect(out).toEqual([
      {
        field: 'ph',
        suggestion: {
          label: 'Order BCR::ABL1 FISH (settles: Ph status)',
          uuid: 's-1',
          isRecommended: false,
          actions: [
            {
              type: 'create',
              description: 'Draft an order for BCR::ABL1 FISH',
              resource: {
                resourceType: 'ServiceRequest',
                status: 'draft',
                intent: 'proposal',
                subject: { reference: 'Patient/p-7' },
                code: { coding: [FISH] },
                reasonCode: [
                  { text: 'Unknown: Ph status (Frontline: would change the immunotherapy options)' },
                ],
              },
            },
          ],
        },
      },
      {
        field: 'lineage',
        suggestion: expect.objectContaining({
          label: 'Order Leukemia and lymphoma immunophenotyping (settles: ALL lineage; CD19 on blasts)',
          uuid: 's-2',
        }),
      },
    ]);
  });

  it('suggests nothing when nothing missing has a code', () => {
    expect(testSuggestions(missing('mrd'), kb, 'p', () => 'u')).toEqual([]);
    expect(testSuggestions([], kb, 'p', () => 'u')).toEqual([]);
  });

  it('keeps a label to 200 characters', () => {
    const long = kbWith([{ fact: 'cd19', label: 'L'.repeat(250), order: IMMUNO }]);
    const [s] = testSuggestions(missing('cd19'), long, 'p', () => 'u');
    expect(s?.suggestion.label).toHaveLength(200);
    expect(s?.suggestion.label.endsWith('…')).toBe(true);
    const fits = kbWith([
      {
        fact: 'cd19',
        label: 'L'.repeat(200 - 'Order  (settles: )'.length - IMMUNO.display.length),
        order: IMMUNO,
      },
    ]);
    const [f] = testSuggestions(missing('cd19'), fits, 'p', () => 'u');
    expect(f?.suggestion.label).toHaveLength(200);
    expect(f?.suggestion.label.endsWith('L)')).toBe(true);
  });
});
