// An Observation's result read field by field: status, time, coded presence, quantity and its conversion, and the
// words used when no value can be used. The codes come from the knowledge base's terminology.
import { describe, expect, it } from 'vitest';
import type { Located } from './bundle.js';
import { Terminology } from './coding.js';
import { terminology } from './test-support.js';
import { codeOf, convert, describeValue, hasResult, observedAt, presenceOf, quantityOf } from './value.js';

const term = () => Terminology.of(terminology());
const ofKind = (kind: string, value: string) => {
  const m = terminology().find((x) => x.kind === kind && 'value' in x && x.value === value);
  if (m === undefined) {
    throw new Error(`no ${kind} mapping for ${value}`);
  }
  return { coding: [{ system: m.system, code: m.code }] };
};

describe('hasResult', () => {
  it.each([
    [undefined, true],
    ['final', true],
    ['amended', true],
    ['preliminary', true],
    ['entered-in-error', false],
    ['cancelled', false],
    ['registered', false],
  ])('status %s → %s', (status, expected) => {
    expect(hasResult(status === undefined ? {} : { status })).toBe(expected);
  });
});

describe('observedAt', () => {
  it.each([
    [{ effectiveDateTime: '2024-01-02' }, Date.UTC(2024, 0, 2)],
    [{ effectivePeriod: { start: '2024-01-03' } }, Date.UTC(2024, 0, 3)],
    [{ effectiveInstant: '2024-01-04T00:00:00Z' }, Date.UTC(2024, 0, 4)],
    [{ issued: '2024-01-05T00:00:00Z' }, Date.UTC(2024, 0, 5)],
    [{ effectiveDateTime: '2024-01-02', issued: '2024-01-05T00:00:00Z' }, Date.UTC(2024, 0, 2)],
    [
      { effectivePeriod: { start: '2024-01-03' }, effectiveInstant: '2024-01-04T00:00:00Z' },
      Date.UTC(2024, 0, 3),
    ],
    [{ effectiveInstant: '2024-01-04T00:00:00Z', issued: '2024-01-05T00:00:00Z' }, Date.UTC(2024, 0, 4)],
    [{ effectiveDateTime: 'not a date' }, undefined],
    [{}, undefined],
  ])('%j → %s', (observation, expected) => {
    expect(observedAt(observation)).toBe(expected);
  });
});

describe('presenceOf', () => {
  it('reads a coded answer first, then a single interpretation', () => {
    const pos = ofKind('answer', 'positive');
    const neg = ofKind('answer', 'negative');
    const ipos = ofKind('interpretation', 'positive');
    const ineg = ofKind('interpretation', 'negative');
    const t = term();
    expect(presenceOf({ valueCodeableConcept: pos }, t)).toEqual({ value: 'positive', from: 'answer' });
    expect(presenceOf({ valueCodeableConcept: neg, interpretation: [ipos] }, t)).toEqual({
      value: 'negative',
      from: 'answer',
    });
    expect(presenceOf({ interpretation: [ipos] }, t)).toEqual({ value: 'positive', from: 'interpretation' });
    expect(presenceOf({ interpretation: [ineg, ineg] }, t)).toEqual({
      value: 'negative',
      from: 'interpretation',
    });
    // Contradictions give nothing, never a guess.
    const both = { coding: [...pos.coding, ...neg.coding] };
    expect(presenceOf({ valueCodeableConcept: both, interpretation: [ipos] }, t)).toBeUndefined();
    expect(presenceOf({ interpretation: [ipos, ineg] }, t)).toBeUndefined();
    expect(presenceOf({}, t)).toBeUndefined();
  });
});

describe('quantityOf', () => {
  it.each([
    [{ valueQuantity: { value: 3, code: '10*9/L', unit: 'x10^9/L' } }, { value: 3, unit: '10*9/L' }],
    [{ valueQuantity: { value: 3, unit: 'x10^9/L' } }, { value: 3, unit: 'x10^9/L' }],
    [{ valueQuantity: { value: 3 } }, { value: 3 }],
    [
      { valueQuantity: { value: 0.01, code: '%', comparator: '<' } },
      { value: 0.01, unit: '%', comparator: '<' },
    ],
    [{ valueQuantity: { code: '%' } }, undefined],
    [{}, undefined],
  ])('%j → %j', (observation, expected) => {
    expect(quantityOf(observation)).toStrictEqual(expected);
  });
});

describe('convert', () => {
  it('converts with the unit table, and says why when it cannot', () => {
    const t = term();
    expect(convert({ value: 12.4, unit: '10*9/L' }, 'wbc', t)).toEqual({ ok: true, value: 12.4 });
    expect(convert({ value: 12400, unit: '/uL' }, 'wbc', t)).toEqual({ ok: true, value: 12.4 });
    expect(convert({ value: 0.1, unit: '%' }, 'mrd', t)).toEqual({ ok: true, value: 0.001 });
    expect(convert({ value: 0.01, unit: '%', comparator: '<' }, 'mrd', t)).toEqual({
      ok: false,
      reason: 'the value is "<0.01", a bound rather than a measured value',
    });
    expect(convert({ value: 5 }, 'wbc', t)).toEqual({ ok: false, reason: '5 has no unit' });
    expect(convert({ value: 5, unit: 'g/dL' }, 'wbc', t)).toEqual({
      ok: false,
      reason: 'the unit "g/dL" is not one Frontline converts for wbc',
    });
  });
});

describe('describeValue', () => {
  it.each([
    [
      {
        dataAbsentReason: { coding: [{ system: 'urn:x', code: 'asked-unknown' }] },
        valueQuantity: { value: 1 },
      },
      'no value (dataAbsentReason urn:x|asked-unknown)',
    ],
    [{ valueQuantity: { value: 0.01, code: '%', comparator: '<' } }, 'the value <0.01 %'],
    [{ valueQuantity: { value: 7 } }, 'the value 7'],
    [{ valueCodeableConcept: { text: 'detected' } }, 'the coded value "detected"'],
    [{ valueString: 'CD19 bright' }, 'the text "CD19 bright"'],
    [{}, 'no value'],
  ])('%j → %s', (observation, words) => {
    expect(describeValue(observation)).toBe(words);
  });
});

describe('codeOf', () => {
  const at = (resource: Record<string, unknown>): Located => ({
    resource,
    type: 'Observation',
    ref: 'x',
    path: 'p',
  });
  it('names the first code, or says it is uncoded', () => {
    expect(codeOf(at({ code: { coding: [{ code: 'a' }, { code: 'b' }] } }))).toBe('a');
    expect(codeOf(at({ code: { coding: [{ display: 'no code' }] } }))).toBe('uncoded');
    expect(codeOf(at({}))).toBe('uncoded');
  });
});
