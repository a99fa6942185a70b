// Clinical vignettes as data (test/vignettes/*.yaml): a profile and what the review says should follow from it.
// Clinicians can review the YAML without reading TypeScript. Every rule must be exercised by a vignette.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { type CompiledKb, compileKb, type Decision, evaluate, type Option } from '../src/engine/index.js';
import { loadKb, Strength } from '../src/kb/index.js';
import { parseProfile } from '../src/profile/index.js';

const Vignette = z
  .object({
    name: z.string().min(1),
    why: z.string().min(1).describe('what in the review makes this the expected answer'),
    profile: z.record(z.string(), z.unknown()),
    expect: z
      .object({
        options: z.record(z.string(), Strength).default({}).describe('option id → strength; each must apply'),
        absent: z.array(z.string()).default([]).describe('option ids that must not apply'),
        pending: z.array(z.string()).default([]).describe('option ids that must depend on unknown facts'),
        warnings: z
          .array(z.string())
          .default([])
          .describe('patient-level warning codes that must be present'),
        noWarnings: z.array(z.string()).default([]),
        optionWarnings: z.record(z.string(), z.array(z.string())).default({}),
        missing: z.array(z.string()).default([]).describe('profile fields that must be listed as missing'),
        notMissing: z.array(z.string()).default([]),
        trials: z.array(z.string()).default([]).describe('NCT ids some applicable option must name'),
        noTrials: z
          .array(z.string())
          .default([])
          .describe('NCT ids no applicable or pending option may name'),
        outside: z
          .array(z.string())
          .default([])
          .describe('questions for which the patient must be told they lie outside the evidence'),
        notOutside: z.array(z.string()).default([]),
        extrapolated: z
          .array(z.string())
          .default([])
          .describe('option ids that must apply and show an extrapolation with its quote'),
      })
      .strict(),
  })
  .strict();
type Vignette = z.infer<typeof Vignette>;

const dir = join(import.meta.dirname, 'vignettes');
const vignettes: { file: string; v: Vignette }[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) => {
    const data = z
      .object({ vignettes: z.array(Vignette).min(1) })
      .strict()
      .parse(parse(readFileSync(join(dir, file), 'utf8')));
    return data.vignettes.map((v) => ({ file, v }));
  });

const { kb, issues } = loadKb();
if (kb === undefined) {
  throw new Error(`knowledge base does not load: ${JSON.stringify(issues.slice(0, 5))}`);
}
// Compiled on first use inside a test, not at import: mutation testing then attributes the engine's code to the
// tests that run it, instead of treating it as static code that needs the whole suite.
let ckb: CompiledKb | undefined;
const compiled = (): CompiledKb => {
  ckb ??= compileKb(kb);
  return ckb;
};

describe.each(vignettes)('$file: $v.name', ({ v }) => {
  const parsed = parseProfile(v.profile);
  it('has a valid profile', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
  if (!parsed.ok) {
    return;
  }
  const profile = parsed.profile;
  let memo: Decision | undefined;
  const decision = (): Decision => {
    memo ??= evaluate(profile, compiled());
    return memo;
  };
  const applying = (): Map<string, Option> => new Map(decision().options.map((o) => [o.id, o]));

  it('gives the expected options and strengths', () => {
    const got = Object.fromEntries(
      Object.keys(v.expect.options).map((id) => [id, applying().get(id)?.strength ?? 'absent']),
    );
    expect(got).toEqual(v.expect.options);
  });
  it('does not give the options the review rules out', () => {
    expect(v.expect.absent.filter((id) => applying().has(id))).toEqual([]);
  });
  it('lists as pending the options that depend on unknown facts', () => {
    expect(v.expect.pending.filter((id) => !decision().pending.some((o) => o.id === id))).toEqual([]);
  });
  it('warns as expected', () => {
    const codes = new Set(decision().warnings.map((w) => w.code));
    expect(v.expect.warnings.filter((c) => !codes.has(c))).toEqual([]);
    expect(v.expect.noWarnings.filter((c) => codes.has(c))).toEqual([]);
    for (const [id, expected] of Object.entries(v.expect.optionWarnings)) {
      const got = new Set(
        applying()
          .get(id)
          ?.warnings.map((w) => w.code) ?? [],
      );
      expect(
        expected.filter((c) => !got.has(c)),
        `warnings of ${id}`,
      ).toEqual([]);
    }
  });
  it('names what is missing', () => {
    const fields = new Set(decision().missing.map((m) => m.field));
    expect(v.expect.missing.filter((f) => !fields.has(f))).toEqual([]);
    expect(v.expect.notMissing.filter((f) => fields.has(f))).toEqual([]);
  });
  it('points at the expected trials, and at no trial the patient is outside of', () => {
    const trials = new Set(decision().options.flatMap((o) => o.trials));
    expect(v.expect.trials.filter((t) => !trials.has(t))).toEqual([]);
    const offered = new Set([...decision().options, ...decision().pending].flatMap((o) => o.trials));
    expect(v.expect.noTrials.filter((t) => offered.has(t))).toEqual([]);
  });
  it('says where the patient lies outside the evidence, and where an option reaches past it', () => {
    const outside = new Set(decision().outsideEvidence.map((o) => o.question));
    expect(v.expect.outside.filter((q) => !outside.has(q))).toEqual([]);
    expect(v.expect.notOutside.filter((q) => outside.has(q))).toEqual([]);
    for (const id of v.expect.extrapolated) {
      expect(applying().get(id)?.extrapolation.length ?? 0, `extrapolation of ${id}`).toBeGreaterThan(0);
    }
  });
});

describe('vignette coverage', () => {
  it('has at least 40 vignettes', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(40);
  });
  it('exercises every rule with at least one vignette that expects it to apply', () => {
    const exercised = new Set(vignettes.flatMap(({ v }) => Object.keys(v.expect.options)));
    expect(kb.recommendations.map((r) => r.id).filter((id) => !exercised.has(id))).toEqual([]);
  });
  it('exercises every patient alert and boundary', () => {
    const warned = new Set(vignettes.flatMap(({ v }) => v.expect.warnings));
    const codes = [...kb.alerts.map((a) => a.code), ...kb.boundaries.map((b) => `boundary.${b.id}`)];
    expect(codes.filter((c) => !warned.has(c))).toEqual([]);
  });
  it('only names rules that exist', () => {
    const ids = new Set(kb.recommendations.map((r) => r.id));
    const named = vignettes.flatMap(({ v }) => [
      ...Object.keys(v.expect.options),
      ...v.expect.absent,
      ...v.expect.pending,
    ]);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
