import { describe, expect, it } from 'vitest';
import { proseNumbers } from './prose.js';

describe('proseNumbers', () => {
  it('finds numbers a reader would take as facts', () => {
    expect(proseNumbers('3-year OS 85% vs 68%; ages 18-39; 12 of 15 events')).toEqual([
      3, 85, 68, 18, 39, 12, 15,
    ]);
  });
  it('skips names that contain digits', () => {
    expect(proseNumbers('E1910, CD20, NCT04307576, GRAALL-2014-QUEST, IKZF1, T315I and SWOG')).toEqual([]);
  });
});
