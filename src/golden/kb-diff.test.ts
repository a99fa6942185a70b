// `kb diff` between two knowledge bases held in memory: the working one and a copy with one deliberate clinical
// change each. Every change must be named in words, with the corpus patients it moves.
import { describe, expect, it } from 'vitest';
import { compileKb } from '../engine/index.js';
import type { Criterion, Kb } from '../kb/core.js';
import { loadKb } from '../kb/index.js';
import { generateCorpus } from './generate.js';
import { diffKb } from './kb-diff.js';
import { kbDiffLines } from './kb-diff-text.js';
import { makeRelease } from './release.js';
import { liveSide, releaseSide } from './sides.js';

const { kb } = loadKb();
if (kb === undefined) {
  throw new Error('the knowledge base does not load');
}
const working: Kb = kb;
const base = liveSide(working, 'base');

/** The knowledge base with one rule rewritten (and a version of its own). */
function withRule(
  id: string,
  change: (r: Kb['recommendations'][number]) => Kb['recommendations'][number] | undefined,
): Kb {
  const recommendations = working.recommendations.flatMap((r) => {
    if (r.id !== id) {
      return [r];
    }
    const next = change(r);
    return next === undefined ? [] : [next];
  });
  return { ...working, version: 'kb-0123456789ab', recommendations };
}

const RULE = 'blinatumomab.frontline-under-55';
const rule = kb.recommendations.find((r) => r.id === RULE);

describe('kb diff', () => {
  it('finds nothing between a knowledge base and itself, and says so', () => {
    const d = diffKb(base, liveSide(kb, 'again'));
    expect(d.same).toBe(true);
    expect(d.patients.compared).toBeGreaterThanOrEqual(500);
    expect(d.patients.changed).toBe(0);
    expect(kbDiffLines(d).at(-1)).toMatch(/^no change: .* same decision for all [\d,]+ compared patients$/);
  });

  it('names a changed strength in words, and the patients whose option moved', () => {
    expect(rule?.strength).toBe('recommended');
    const d = diffKb(
      base,
      liveSide(
        withRule(RULE, (r) => ({ ...r, strength: 'supported' })),
        'changed',
      ),
    );
    expect(d.same).toBe(false);
    expect(d.rules.changed).toEqual([
      {
        id: RULE,
        title: rule?.title,
        changes: [{ field: 'strength', added: ['supported'], removed: ['recommended'] }],
      },
    ]);
    const moved = d.patients.groups.find((g) => g.subject === RULE && g.kind === 'option-strength');
    expect(moved?.what).toBe('strength recommended → supported');
    expect(moved?.subjectWords).toBe(rule?.title);
    expect(moved?.patients).toBeGreaterThan(0);
    expect(moved?.examples[0]).toMatch(/^B-ALL, newly diagnosed, age \d+/);
    const text = kbDiffLines(d).join('\n');
    expect(text).toContain(`~ ${rule?.title} (${RULE})\n    strength: recommended → supported`);
    expect(text).toContain(`${rule?.title}: strength recommended → supported — ${moved?.patients} patients`);
  });

  it('names a removed rule and the patients who lost the option', () => {
    const d = diffKb(
      base,
      liveSide(
        withRule(RULE, () => undefined),
        'removed',
      ),
    );
    expect(d.rules.removed.map((r) => r.id)).toEqual([RULE]);
    expect(d.rules.added).toEqual([]);
    const lost = d.patients.groups.find((g) => g.subject === RULE && g.kind === 'option-lost');
    expect(lost?.patients).toBeGreaterThan(0);
    expect(kbDiffLines(d).join('\n')).toContain(`  − ${rule?.title} (${RULE}): was recommended`);
  });

  it('names a narrowed population as the condition added, in clinician words', () => {
    const narrower = (r: Kb['recommendations'][number]) => {
      const when = r.when as Criterion & { all: readonly Criterion[] };
      return { ...r, when: { all: [...when.all, { fact: 'age' as const, op: 'ge' as const, value: 30 }] } };
    };
    const d = diffKb(base, liveSide(withRule(RULE, narrower), 'narrowed'));
    const change = d.rules.changed.find((c) => c.id === RULE);
    expect(change?.changes).toEqual([{ field: 'who', added: ['Age ≥ 30'], removed: [] }]);
    // Younger adults lose the option; nobody gains it.
    expect(
      d.patients.groups.find((g) => g.subject === RULE && g.kind === 'option-lost')?.patients,
    ).toBeGreaterThan(0);
    expect(d.patients.groups.some((g) => g.subject === RULE && g.kind === 'option-gained')).toBe(false);
  });

  it('compares a release file with a live knowledge base on the release corpus, and says what it cannot compare', () => {
    const released = makeRelease(kb, compileKb(kb), generateCorpus(kb).profiles.slice(0, 40), {
      date: '2026-12-01',
    });
    const d = diffKb(releaseSide(released), base);
    // The live side decides the release's 40 patients and its own corpus; the release cannot decide the rest.
    expect(d.patients.compared).toBe(40);
    expect(d.patients.notCompared).toBe(base.corpus.length - 40);
    expect(d.same).toBe(true);
    expect(diffKb(base, releaseSide(released)).patients.compared).toBe(40);
  });
});
