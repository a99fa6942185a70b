import { describe, expect, it } from 'vitest';
import { internalWordProblems } from '../../test/support/internal-words.js';
import { installed } from '../../test/support/kb.js';
import { parseProfile } from '../profile/index.js';
import { mapBundle } from './index.js';
import { readExample, terminology } from './test-support.js';

/** `Type/id` of every entry of an example Bundle. */
function resourceNames(bundle: unknown): string[] {
  const entries = (bundle as { entry?: { resource?: { resourceType?: string; id?: string } }[] }).entry ?? [];
  return entries.map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
}

/** The six synthetic bundles and the mCODE example, with the profile SOURCES.md §3 says each maps to. */
const CASES: readonly {
  readonly file: string;
  readonly expected: Record<string, unknown>;
  /** Fields SOURCES.md §3 names as missing (the mapper may name more). */
  readonly missing: readonly string[];
  readonly why?: string;
}[] = [
  {
    file: 'fhir/a-adult-ph-negative-b-all-cd20-35pct.json',
    expected: { age: 38, lineage: 'B', phase: 'newly-diagnosed', ph: 'negative', cd20Percent: 35, wbc: 12.4 },
    // CD22 92 % has no cut-off to be read against (PRODUCT.md gives none); CD19 is in free text only.
    missing: ['cd19', 'cd22'],
  },
  {
    file: 'fhir/b-ph-positive-b-all-p190-t315i.json',
    expected: {
      age: 61,
      lineage: 'B',
      phase: 'newly-diagnosed',
      ph: 'positive',
      abl1Mutations: ['T315I'],
      wbc: 48.0,
    },
    missing: [],
  },
  {
    file: 'fhir/c-t-all-adolescent.json',
    // SOURCES.md §3 names pediatricRisk `high` as the candidate for C122458; the brief fixes C122458 → high.
    expected: { age: 16, lineage: 'T', phase: 'newly-diagnosed', wbc: 145, pediatricRisk: 'high' },
    missing: ['ph'],
  },
  {
    file: 'fhir/d-b-all-cr1-mrd-0.1pct-flow.json',
    expected: {
      age: 47,
      lineage: 'B',
      phase: 'remission',
      ph: 'negative',
      cd20Percent: 8,
      mrd: { value: 0.001, method: 'flow' },
      priorTherapy: ['vincristine', 'prednisone'],
    },
    missing: [],
  },
  {
    file: 'fhir/e-missing-birthdate-no-ph.json',
    expected: { lineage: 'B', phase: 'newly-diagnosed', wbc: 3.1 },
    missing: ['age', 'ph', 'cd22'],
  },
  {
    file: 'fhir/f-icd10cm-only-c91.00.json',
    expected: { age: 29, phase: 'newly-diagnosed', wbc: 27.5 },
    missing: ['lineage', 'ph'],
  },
  {
    file: 'mcode/brian-l-bundle.json',
    // SOURCES.md §3: "phase is newly-diagnosed by the active Condition", so phase is mapped too.
    expected: {
      age: 3,
      lineage: 'B',
      phase: 'newly-diagnosed',
      wbc: 88.5,
      priorTherapy: ['cyclophosphamide', 'idarubicin', 'vincristine', 'prednisone'],
    },
    missing: ['ph', 'cd20Percent', 'mrd', 'pediatricRisk'],
  },
];

describe('mapBundle on the example bundles (SOURCES.md §3)', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      // Mapped inside each test, not once for the file: a mutation test run then sees which test runs which code.
      const mapped = () => mapBundle(readExample(import.meta.url, c.file), terminology());

      it('maps exactly the expected profile fields', () => {
        expect(mapped().input).toEqual(c.expected);
      });

      // The whole result (input, sources, missing entries with their words and order, warnings, issues), recorded
      // in test/golden/fhir/ and reviewed like the golden decisions: a change to any of it is seen in review.
      it('maps to its recorded result, every source and missing entry in order', async () => {
        const name = c.file.replace(/^.*\//, '').replace(/\.json$/, '');
        await expect(`${JSON.stringify(mapped(), null, 2)}\n`).toMatchFileSnapshot(
          `../../test/golden/fhir/${name}.result.json`,
        );
      });

      it('says what is missing, and why, in clinician words (no field id, no raw value)', () => {
        const result = mapped();
        const kb = installed();
        const problems = [
          ...result.missing.map((m) => internalWordProblems(kb, `missing ${m.field}`, m.text)),
          ...result.warnings.map((w) => internalWordProblems(kb, `warning ${w.code}`, w.text)),
        ].flat();
        expect(problems).toEqual([]);
      });

      it('names what SOURCES.md says is missing', () => {
        const result = mapped();
        const fields = new Set(result.missing.map((m) => m.field));
        for (const field of c.missing) {
          expect(fields, field).toContain(field);
        }
      });

      it('reports no structural issue and no conflict', () => {
        const result = mapped();
        expect(result.issues).toEqual([]);
        expect(result.warnings).toEqual([]);
      });

      it('gives every mapped field its source resources, all present in the bundle', () => {
        const result = mapped();
        const names = new Set(resourceNames(readExample(import.meta.url, c.file)));
        expect(Object.keys(result.sources).sort()).toEqual(Object.keys(c.expected).sort());
        for (const refs of Object.values(result.sources)) {
          expect(refs.length).toBeGreaterThan(0);
          for (const ref of refs) {
            expect(names).toContain(ref);
          }
        }
      });

      it('gives parseProfile an input it accepts, lineage known or not (an unknown lineage stays unknown)', () => {
        const parsed = parseProfile(mapped().input);
        expect(parsed.ok).toBe(true);
        expect(parsed.ok ? parsed.profile.lineage : 'refused').toBe(c.expected.lineage);
      });
    });
  }

  it('keeps the generic ALL code 91857003 from overriding B-ALL 277571004 (bundle a)', () => {
    const result = mapBundle(readExample(import.meta.url, CASES[0]?.file ?? ''), terminology());
    expect(result.input.lineage).toBe('B');
    expect(result.sources.lineage).toEqual(['Condition/fl-a-condition']);
  });

  it('reports a bare CD22 percentage with its value and the no-cut-off rule (bundle e)', () => {
    const result = mapBundle(
      readExample(import.meta.url, 'fhir/e-missing-birthdate-no-ph.json'),
      terminology(),
    );
    const cd22 = result.missing.find((m) => m.field === 'cd22');
    expect(cd22?.resource).toBe('Observation/fl-e-cd22');
    expect(cd22?.text).toContain('85 %');
    expect(cd22?.text).toContain('cut-off');
    expect(result.missing.find((m) => m.field === 'age')?.resource).toBe('Patient/fl-e-patient');
  });

  it('takes Ph positive from the p190 result and does not count p210 0 % against it (bundle b)', () => {
    const result = mapBundle(readExample(import.meta.url, CASES[1]?.file ?? ''), terminology());
    expect(result.sources.ph).toEqual([
      'Condition/fl-b-condition',
      'Observation/fl-b-bcr-abl1-fish',
      'Observation/fl-b-bcr-abl1-p190',
    ]);
  });

  it('names the free-text immunophenotype instead of parsing it (Brian L.)', () => {
    const result = mapBundle(readExample(import.meta.url, 'mcode/brian-l-bundle.json'), terminology());
    const cd20 = result.missing.find((m) => m.field === 'cd20Percent');
    expect(cd20?.resource).toBe('Observation/immunophenotype-brian-l');
    expect(result.input.cd20Percent).toBeUndefined();
    const risk = result.missing.find((m) => m.field === 'pediatricRisk');
    expect(risk?.text).toContain('standard (average) or standard (higher) risk');
  });

  it('is deterministic: the same bundle maps to the same result', () => {
    const a = mapBundle(readExample(import.meta.url, 'mcode/brian-l-bundle.json'), terminology());
    const b = mapBundle(readExample(import.meta.url, 'mcode/brian-l-bundle.json'), terminology());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
