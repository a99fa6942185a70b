import { describe, expect, it } from 'vitest';
import { optionFromAppContext } from './app-context.js';

describe('optionFromAppContext', () => {
  it('reads the option of a Frontline card link (JSON string, or an object an EHR already parsed)', () => {
    const context = { profile: 'lineage=B&age=38', option: 'blinatumomab.frontline-under-55' };
    expect(optionFromAppContext(JSON.stringify(context))).toBe('blinatumomab.frontline-under-55');
    expect(optionFromAppContext(context)).toBe('blinatumomab.frontline-under-55');
  });

  it('names no option when there is no appContext, or it names none (the summary card)', () => {
    expect(optionFromAppContext(undefined)).toBeUndefined();
    expect(optionFromAppContext('')).toBeUndefined();
    expect(optionFromAppContext(JSON.stringify({ profile: 'lineage=B' }))).toBeUndefined();
  });

  it.each([['not json'], ['[1]'], [JSON.stringify({ option: '<script>' })], [JSON.stringify({ option: 3 })]])(
    'says it cannot read %s',
    (raw) => {
      expect(optionFromAppContext(raw)).toBe('unreadable');
    },
  );
});
