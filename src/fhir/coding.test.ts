// Codings read from a CodeableConcept, the terminology index and its look-ups, and a concept in words for messages.
import { describe, expect, it } from 'vitest';
import type { CodeMapping } from '../kb/index.js';
import { codingsOf, describeConcept, Terminology } from './coding.js';
import { terminology } from './test-support.js';

const SCT = 'http://snomed.info/sct';

describe('codingsOf', () => {
  it('reads system, code and display, leaving out what is absent or not a string', () => {
    expect(
      codingsOf({
        coding: [
          { system: SCT, code: '1', display: 'one' },
          { code: '2' },
          { system: SCT },
          { display: 'only words' },
          { system: 7, code: null, display: ['x'] },
          'not an object',
        ],
      }),
    ).toStrictEqual([
      { system: SCT, code: '1', display: 'one' },
      { code: '2' },
      { system: SCT },
      { display: 'only words' },
      {},
    ]);
    expect(codingsOf(undefined)).toStrictEqual([]);
    expect(codingsOf({ text: 'no coding' })).toStrictEqual([]);
  });
});

describe('Terminology', () => {
  const mappings = terminology();
  const b = mappings.find((m) => m.kind === 'condition' && m.system === SCT && m.code === '277571004');
  const same = mappings.filter((m) => b !== undefined && m.system === b.system && m.code === b.code);

  it('finds every mapping of a kind for one coding, and none without a system or code', () => {
    expect(b).toBeDefined();
    const t = new Terminology(mappings);
    expect(t.lookup('condition', { system: SCT, code: '277571004' })).toEqual(
      same.filter((m) => m.kind === 'condition'),
    );
    expect(t.lookup('observation', { system: SCT, code: '277571004' })).toEqual([]);
    expect(t.lookup('condition', { code: '277571004' })).toEqual([]);
    expect(t.lookup('condition', { system: SCT })).toEqual([]);
    expect(t.lookup('condition', { system: SCT, code: 'no-such-code' })).toEqual([]);
  });

  it('keeps every mapping of one code, in order, when a code states two facts', () => {
    const two: CodeMapping[] = mappings.filter((m) => m.kind === 'condition').slice(0, 2);
    const [first, second] = two;
    if (first === undefined || second === undefined) {
      throw new Error('fewer than two condition mappings');
    }
    const both: CodeMapping[] = [first, { ...second, system: first.system, code: first.code }];
    expect(new Terminology(both).lookup('condition', first)).toEqual(both);
  });

  it('reads every coding of a concept', () => {
    const t = Terminology.of(mappings);
    const found = t.lookupConcept('condition', {
      coding: [
        { system: SCT, code: 'unknown' },
        { system: SCT, code: '277571004' },
      ],
    });
    expect(found).toEqual(same.filter((m) => m.kind === 'condition'));
  });

  it('builds one index per terminology array', () => {
    expect(Terminology.of(mappings)).toBe(Terminology.of(mappings));
    expect(Terminology.of([...mappings])).not.toBe(Terminology.of(mappings));
  });
});

describe('describeConcept', () => {
  it.each([
    [{ coding: [{ system: SCT, code: '1', display: 'One' }] }, `${SCT}|1 "One"`],
    [{ coding: [{ system: SCT, code: '1' }] }, `${SCT}|1`],
    [{ coding: [{ code: '1' }] }, '(no system)|1'],
    [{ coding: [{ system: SCT, display: 'no code' }], text: 'typed' }, '"typed"'],
    [{ text: 'typed' }, '"typed"'],
    [{}, '(no code)'],
    [undefined, '(no code)'],
  ])('%j → %s', (cc, words) => {
    expect(describeConcept(cc)).toBe(words);
  });
});
