// Properties of the engine over generated profiles (bounded to a few seconds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, validProfile } from '../../test/support/arbitraries.js';
import { installedCompiledKb } from '../../test/support/kb.js';
import { type Profile, parseProfile } from '../profile/index.js';
import { readFacts } from './compile.js';
import type { CompiledKb } from './compiled-kb.js';
import { evaluate } from './evaluate.js';

// Compiled in setup, not at import (see docs/testing.md: mutation testing).
// Compiled on first use inside a test (cached per file), never at import or in a hook: code run outside a test is
// "static" to mutation testing, which then cannot tell which tests reach it (docs/testing.md).
const ckb = (): CompiledKb => installedCompiledKb();

describe('engine properties', () => {
  it('evaluates any valid profile without throwing, with the notice and KB version', () => {
    fc.assert(
      fc.property(validProfile, (json) => {
        const parsed = parseProfile(json);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          const d = evaluate(parsed.profile, ckb());
          expect(d.kbVersion).toBe(ckb().kb.version);
          expect(d.notice).toBe('decision support, not a substitute for clinical judgment');
          for (const o of d.options) {
            expect(o.verdict).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('removing a fact never makes an option apply, so never raises one to "recommended" (unknown is not false)', () => {
    fc.assert(
      fc.property(validProfile, fc.nat(), (json, pick) => {
        const parsed = parseProfile(json);
        if (!parsed.ok) {
          return;
        }
        const keys = Object.keys(parsed.profile).filter((k) => k !== 'lineage' && k !== 'phase');
        if (keys.length === 0) {
          return;
        }
        const drop = keys[pick % keys.length] as keyof Profile;
        const { [drop]: _removed, ...rest } = parsed.profile;
        const before = new Set(evaluate(parsed.profile, ckb()).options.map((o) => o.id));
        const after = evaluate(rest as Profile, ckb());
        for (const o of after.options) {
          // An option that applies without the fact applied with it too: the fact was not needed.
          expect(before.has(o.id), `${o.id} appeared when ${drop} was removed`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves out only rules that are false for the patient (the lineage/phase pre-selection is exact)', () => {
    fc.assert(
      fc.property(validProfile, (json) => {
        const parsed = parseProfile(json);
        if (!parsed.ok) {
          return;
        }
        const facts = readFacts(parsed.profile);
        const kept = new Set(ckb().candidates(facts));
        for (const r of ckb().ordered) {
          if (!kept.has(r)) {
            expect(r.when.check(facts), r.rule.id).toBe(false);
          }
        }
        expect(ckb().candidates(facts).length).toBeLessThanOrEqual(ckb().ordered.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic: the same profile gives the same decision', () => {
    fc.assert(
      fc.property(validProfile, (json) => {
        const parsed = parseProfile(json);
        if (parsed.ok) {
          expect(JSON.stringify(evaluate(parsed.profile, ckb()))).toBe(
            JSON.stringify(evaluate(parsed.profile, ckb())),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON: it parses or names the bad fields', () => {
    fc.assert(
      fc.property(anyJson, (json) => {
        const parsed = parseProfile(json);
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) {
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
