import { describe, expect, it } from 'vitest';
import { option } from '../test-fixtures.js';
import { keyNumberOf, mostTelling } from './at-a-glance.js';

describe('the answer at a glance', () => {
  it('shows the first figure of the first key number, or a dash', () => {
    const o = option({
      id: 'a',
      strength: 'recommended',
      keyNumbers: [
        {
          study: 's',
          studyName: 'S',
          text: 'S: 3-year OS 85% vs 68%; OS HR 0.4 (95% CI 0.2-0.8)',
          outcomes: [],
        },
      ],
    });
    expect(keyNumberOf(o)).toBe('S: 3-year OS 85% vs 68%');
    expect(keyNumberOf(option({ id: 'b', strength: 'consider', keyNumbers: [] }))).toBe('—');
  });

  it('names the missing fact that bears on the most options, first on ties', () => {
    const m = (field: string, affects: string[]) => ({ field, text: '', test: `test ${field}`, affects });
    expect(mostTelling([m('ph', ['a']), m('cd19', ['a', 'b']), m('cd22', ['c', 'd'])])?.field).toBe('cd19');
    expect(mostTelling([])).toBeUndefined();
  });
});
