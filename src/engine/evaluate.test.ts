// What the engine's decisions must always satisfy, over generated profiles and the installed knowledge base:
// the fast verdict agrees with the trace, a warning whose condition is false is absent, `missing` is ordered and
// its `affects` lists are sorted and unique, and `because` keeps the trace's children. The knowledge base is
// compiled inside a test, not at import, so mutation testing can attribute each mutant to the tests that reach it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validProfile } from '../../test/support/arbitraries.js';
import { installedCompiledKb } from '../../test/support/kb.js';
import { type Profile, parseProfile } from '../profile/index.js';
import { type Compiled, type Facts, readFacts } from './compile.js';
import type { CompiledKb, CompiledWarning } from './compiled-kb.js';
import type { Option } from './decision.js';
import { evaluate } from './evaluate.js';

// Compiled on first use inside a test (cached per file), never at import or in a hook: code run outside a test is
// "static" to mutation testing, which then cannot tell which tests reach it (docs/testing.md).
const ckb = (): CompiledKb => installedCompiledKb();

/** Valid profiles, with lineage sometimes left out (lineage is optional: unknown, never refused). */
const profiles = fc.tuple(validProfile, fc.boolean()).map(([json, dropLineage]): Profile => {
  const parsed = parseProfile(json);
  if (!parsed.ok) {
    throw new Error(`the arbitrary made an invalid profile: ${JSON.stringify(json)}`);
  }
  if (!dropLineage) {
    return parsed.profile;
  }
  const { lineage: _lineage, ...rest } = parsed.profile;
  return rest as Profile;
});

/** Every compiled criterion of the knowledge base, named. */
function everyCriterion(k: CompiledKb): [string, Compiled][] {
  const out: [string, Compiled][] = [];
  for (const r of k.rules) {
    out.push([`rule ${r.rule.id}`, r.when]);
    for (const w of r.warnings) {
      if (w.when !== undefined) {
        out.push([`rule ${r.rule.id} warning ${w.code}`, w.when]);
      }
    }
    r.extrapolation.forEach((x, i) => {
      out.push([`rule ${r.rule.id} extrapolation ${i}`, x.when]);
    });
  }
  for (const a of k.alerts) {
    out.push([`alert ${a.alert.code}`, a.when]);
  }
  for (const q of k.questions) {
    out.push([`question ${q.question.id}`, q.when]);
    for (const p of q.populations) {
      out.push([`question ${q.question.id} population ${p.study.id}`, p.when]);
    }
  }
  return out;
}

/** One rule warning on one option: absent when its condition is false, shown with `applies` = the verdict otherwise. */
function checkWarning(
  o: Option,
  w: CompiledWarning,
  facts: Facts,
  seen: { absent: number; present: number },
): void {
  const shown = o.warnings.find((x) => x.code === w.code);
  const v = w.when === undefined ? true : w.when.check(facts);
  if (v === false) {
    seen.absent++;
    expect(shown, `${o.id}: ${w.code} shown though its condition is false`).toBeUndefined();
    return;
  }
  seen.present++;
  expect(shown, `${o.id}: ${w.code} missing though its condition is ${String(v)}`).toBeDefined();
  if (w.when !== undefined) {
    expect(shown?.applies, `${o.id}: ${w.code}`).toBe(v);
  }
}

describe('engine decisions over generated profiles', () => {
  it('the fast verdict (check) always equals the trace verdict (explain) for every criterion in the knowledge base', () => {
    const criteria = everyCriterion(ckb());
    expect(criteria.length).toBeGreaterThan(ckb().rules.length);
    fc.assert(
      fc.property(profiles, (profile) => {
        const facts = readFacts(profile);
        for (const [name, c] of criteria) {
          expect(c.explain(facts).verdict, name).toBe(c.check(facts));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('shows a conditional option warning exactly when its condition is true or unknown, never when it is false', () => {
    const seen = { absent: 0, present: 0 };
    fc.assert(
      fc.property(profiles, (profile) => {
        const facts = readFacts(profile);
        const d = evaluate(profile, ckb());
        for (const o of [...d.options, ...d.pending]) {
          const rule = ckb().rules.find((r) => r.rule.id === o.id);
          expect(rule, o.id).toBeDefined();
          for (const w of rule?.warnings ?? []) {
            checkWarning(o, w, facts, seen);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The property must have seen both sides, or it protects nothing.
    expect(seen.absent).toBeGreaterThan(0);
    expect(seen.present).toBeGreaterThan(0);
  });

  it('orders missing: lineage first when unknown, then by how many options depend on the field, then by name', () => {
    let ordered = 0;
    fc.assert(
      fc.property(profiles, (profile) => {
        const d = evaluate(profile, ckb());
        const fields = d.missing.map((m) => m.field);
        expect(new Set(fields).size, 'one entry per field').toBe(fields.length);
        if (profile.lineage === undefined && fields.includes('lineage')) {
          expect(fields[0]).toBe('lineage');
        }
        for (let i = 1; i < d.missing.length; i++) {
          const a = d.missing[i - 1];
          const b = d.missing[i];
          if (a === undefined || b === undefined || a.field === 'lineage') {
            continue;
          }
          expect(b.field, 'lineage comes first').not.toBe('lineage');
          ordered++;
          expect(a.affects.length, `${a.field} before ${b.field}`).toBeGreaterThanOrEqual(b.affects.length);
          if (a.affects.length === b.affects.length) {
            expect(a.field < b.field, `${a.field} before ${b.field} by name`).toBe(true);
          }
        }
        for (const m of d.missing) {
          expect(m.affects.length, m.field).toBeGreaterThan(0);
          expect([...m.affects].sort(), `${m.field}: affects sorted`).toEqual(m.affects);
          expect(new Set(m.affects).size, `${m.field}: no duplicate rule ids in affects`).toBe(
            m.affects.length,
          );
        }
      }),
      { numRuns: 400 },
    );
    expect(ordered).toBeGreaterThan(0);
  });

  it('names lineage first in missing when it is unknown (every B- or T-specific option waits on it)', () => {
    const d = evaluate({ phase: 'newly-diagnosed' } as Profile, ckb());
    expect(d.missing[0]?.field).toBe('lineage');
    expect(d.missing.length).toBeGreaterThan(1);
  });

  it('gives each option the children of its trace as `because` (all of its conditions, none lost)', () => {
    fc.assert(
      fc.property(profiles, (profile) => {
        const facts = readFacts(profile);
        const d = evaluate(profile, ckb());
        for (const o of [...d.options, ...d.pending]) {
          const rule = ckb().rules.find((r) => r.rule.id === o.id);
          const root = rule?.when.explain(facts);
          expect(root, o.id).toBeDefined();
          const want = root?.kind === 'all' ? root.children : [root];
          expect(o.because, o.id).toEqual(want);
          expect(o.verdict, o.id).toBe(root?.verdict);
        }
      }),
      { numRuns: 200 },
    );
  });
});
