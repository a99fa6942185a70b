import { describe, expect, it } from 'vitest';
import { parseProfile, parseWithSchema } from './parse.js';
import {
  Cd19,
  Cd22,
  Lineage,
  MolecularResponse,
  MrdMethod,
  PediatricRisk,
  Ph,
  Phase,
  ProfileInput,
} from './schema.js';
import {
  CD19_VALUES,
  CD22_VALUES,
  LINEAGES,
  MOLECULAR_RESPONSES,
  MRD_METHODS,
  PEDIATRIC_RISKS,
  PH_VALUES,
  PHASES,
  PROFILE_FIELDS,
} from './values.js';

describe('the plain lists of the contract', () => {
  it('name the schema fields in the schema order', () => {
    expect([...PROFILE_FIELDS]).toEqual(Object.keys(ProfileInput.shape));
  });

  it('are the words each enum field allows', () => {
    expect(
      [Lineage, Phase, Ph, Cd19, Cd22, MrdMethod, MolecularResponse, PediatricRisk].map((e) => e.options),
    ).toEqual(
      [
        LINEAGES,
        PHASES,
        PH_VALUES,
        CD19_VALUES,
        CD22_VALUES,
        MRD_METHODS,
        MOLECULAR_RESPONSES,
        PEDIATRIC_RISKS,
      ].map((l) => [...l]),
    );
  });
});

describe('parseProfile', () => {
  it('accepts a profile without lineage: unknown, never refused (PRODUCT.md: all fields optional)', () => {
    expect(parseProfile({})).toEqual({ ok: true, profile: { phase: 'newly-diagnosed' } });
    expect(parseProfile({ lineage: null, age: 40 })).toEqual({
      ok: true,
      profile: { age: 40, phase: 'newly-diagnosed' },
    });
    expect(parseWithSchema({ age: 40 })).toEqual(parseProfile({ age: 40 }));
  });

  it('accepts the PRODUCT example and normalizes it', () => {
    const r = parseProfile({ lineage: 'B', age: 45, ph: 'negative', cd20Percent: 30, mrd: { value: 0.001 } });
    expect(r).toEqual({
      ok: true,
      profile: {
        lineage: 'B',
        age: 45,
        ph: 'negative',
        cd20Percent: 30,
        mrd: { value: 0.001 },
        phase: 'newly-diagnosed',
      },
    });
  });

  it('reads a bare MRD fraction as the flag and the link do, and still bounds it', () => {
    const r = parseProfile({ lineage: 'B', mrd: 0.001 });
    expect(r.ok && r.profile.mrd).toEqual({ value: 0.001 });
    const bad = parseProfile({ lineage: 'B', mrd: 3 });
    expect(bad.ok).toBe(false);
  });

  it('treats null and "unknown" as absent, never as false', () => {
    const r = parseProfile({ lineage: 'T', ph: 'unknown', cnsDisease: null, age: null });
    expect(r.ok && r.profile).toEqual({ lineage: 'T', phase: 'newly-diagnosed' });
  });

  it('names an unknown key and lists the allowed fields', () => {
    const r = parseProfile({ lineage: 'B', agee: 40 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.path).toBe('agee');
      expect(r.errors[0]?.message).toMatch(/unknown field "agee"; allowed fields: age, lineage/);
    }
  });

  it.each([
    [{ lineage: 'B', age: -1 }, 'age', /0 to 120/],
    [{ lineage: 'B', age: 121 }, 'age', /0 to 120/],
    [{ lineage: 'B', cd20Percent: 101 }, 'cd20Percent', /0 to 100/],
    [{ lineage: 'B', mrd: { value: 1.5 } }, 'mrd.value', /fraction from 0 to 1/],
    [{ lineage: 'B', mrd: { value: 0.01, units: '%' } }, 'mrd.units', /unknown field "units"/],
    [{ lineage: 'X' }, 'lineage', /must be one of "B", "T"/],
    [{ lineage: 'B', age: '45' }, 'age', /must be a number, got string/],
    [{ lineage: 'B', highRiskGenetics: ['KMT2A', 'BCR'] }, 'highRiskGenetics.1', /must be one of "KMT2A"/],
    [{ lineage: 'B', ph: 'yes' }, 'ph', /"positive", "negative", "unknown"/],
  ])('rejects %j naming %s', (input, path, message) => {
    const r = parseProfile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });

  it('reports every bad field at once', () => {
    const r = parseProfile({ lineage: 'Q', age: 200, cd20Percent: -5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path).sort()).toEqual(['age', 'cd20Percent', 'lineage']);
    }
  });

  // Both entry points: parseProfile (with its fast path) and parseWithSchema (the schema alone).
  it.each([null, undefined, 42, 'B', true, [], [{ lineage: 'B' }]])(
    'rejects the non-object %j with a message that says what a profile is',
    (input) => {
      const expected = {
        ok: false,
        errors: [
          {
            path: '',
            message: 'a profile is a JSON object of patient facts, e.g. {"lineage": "B", "age": 45}',
          },
        ],
      };
      expect(parseProfile(input)).toEqual(expected);
      expect(parseWithSchema(input)).toEqual(expected);
    },
  );

  // The exact words a user reads, for each kind of problem the schema finds.
  it.each([
    [{ ph: 'maybe' }, 'ph', 'must be one of "positive", "negative", "unknown" (or null when unknown)'],
    [{ lineage: 'X' }, 'lineage', 'must be one of "B", "T"'],
    [{ age: 'old' }, 'age', 'must be a number, got string'],
    [{ age: Number.NaN }, 'age', 'must be a number, got NaN'],
    [{ age: [] }, 'age', 'must be a number, got array'],
    [{ age: {} }, 'age', 'must be a number, got object'],
    [{ fitForIntensiveChemo: 'yes' }, 'fitForIntensiveChemo', 'must be a boolean, got string'],
    [{ highRiskGenetics: 'KMT2A' }, 'highRiskGenetics', 'must be an array, got string'],
    [
      { mrd: { value: null } },
      'mrd',
      'must be an MRD fraction (e.g. 0.001) or an object with value (a fraction), afterCycle and method',
    ],
    [
      { mrd: 'low' },
      'mrd',
      'must be an MRD fraction (e.g. 0.001) or an object with value (a fraction), afterCycle and method',
    ],
  ])('says of %j at %s: %s', (input, path, message) => {
    for (const r of [parseProfile(input), parseWithSchema(input)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors).toEqual([{ path, message }]);
      }
    }
  });

  it('normalizes by the schema alone as the fast path does: unknowns dropped, lists de-duplicated, MRD as an object', () => {
    const r = parseWithSchema({
      lineage: 'B',
      ph: 'unknown',
      age: null,
      cd20Percent: null,
      mrd: 0.001,
      priorTherapy: [' Blinatumomab ', 'blinatumomab', 'Vincristine'],
      highRiskGenetics: ['KMT2A', 'KMT2A', 'TP53'],
      fitForIntensiveChemo: false,
    });
    expect(r).toEqual({
      ok: true,
      profile: {
        lineage: 'B',
        mrd: { value: 0.001 },
        priorTherapy: ['blinatumomab', 'vincristine'],
        highRiskGenetics: ['KMT2A', 'TP53'],
        fitForIntensiveChemo: false,
        phase: 'newly-diagnosed',
      },
    });
    expect(
      parseWithSchema({ ph: 'negative', mrd: { value: 0.01, afterCycle: 1, method: undefined } }),
    ).toEqual({
      ok: true,
      profile: { ph: 'negative', mrd: { value: 0.01, afterCycle: 1 }, phase: 'newly-diagnosed' },
    });
    expect(parseWithSchema({ phase: 'remission' })).toEqual({ ok: true, profile: { phase: 'remission' } });
  });

  it('lower-cases and de-duplicates prior therapy names', () => {
    const r = parseProfile({ lineage: 'B', priorTherapy: ['Vincristine', 'vincristine', 'Prednisone'] });
    expect(r.ok && r.profile.priorTherapy).toEqual(['vincristine', 'prednisone']);
  });
});
