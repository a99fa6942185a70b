import { describe, expect, it } from 'vitest';
import { kb, outcome, study } from '../test-fixtures.js';
import { filterChoices, studyRows, tableState, visibleRows } from './study-table.js';

const k = kb({
  agents: [
    {
      id: 'blinatumomab',
      name: 'blinatumomab',
      aliases: [],
      names: [],
      targets: ['CD19', 'CD3'],
      class: 'bispecific-t-cell-engager',
      description: 'd',
      approvals: [],
      classRisks: [],
      refs: [1],
      quote: 'A quote of at least twenty characters.',
    },
  ],
  studies: [
    study({
      id: 'zeta',
      agents: ['blinatumomab'],
      population: {
        description: 'a',
        n: 30,
        refs: [],
        quote: 'q'.repeat(20),
        scope: { criteria: [], alternatives: [], intensity: { value: 'not-stated' }, notStated: ['age'] },
      },
    }),
    study({ id: 'alpha', ph: 'positive', outcomes: [outcome({ id: 'o' })] }),
    study({
      id: 'mid',
      agents: ['blinatumomab'],
      population: {
        description: 'a',
        n: 300,
        refs: [],
        quote: 'q'.repeat(20),
        scope: { criteria: [], alternatives: [], intensity: { value: 'not-stated' }, notStated: ['age'] },
      },
    }),
  ],
});

describe('the evidence table', () => {
  const rows = studyRows(k);

  it('takes targets from the agents of each study', () => {
    expect(rows.find((r) => r.id === 'zeta')?.targets).toEqual(['CD19', 'CD3']);
    expect(filterChoices(rows, 'target')).toEqual(['CD19', 'CD3']);
  });

  it('filters by the URL state and sorts by a column either way', () => {
    const byN = visibleRows(rows, tableState(new URLSearchParams('agent=blinatumomab&sort=n&dir=desc')));
    expect(byN.map((r) => r.id)).toEqual(['mid', 'zeta']);
    expect(visibleRows(rows, tableState(new URLSearchParams('ph=positive'))).map((r) => r.id)).toEqual([
      'alpha',
    ]);
    expect(visibleRows(rows, tableState(new URLSearchParams(''))).map((r) => r.id)).toEqual([
      'alpha',
      'mid',
      'zeta',
    ]);
  });

  it('ignores a sort column it does not know', () => {
    expect(tableState(new URLSearchParams('sort=nope')).sort).toBe('name');
  });
});
