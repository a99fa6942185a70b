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

  // A change to the evidence that moves no patient is still a change: kb diff names the record and its fields.
  it('names a study, agent or trial whose fields changed, even when no patient moves', () => {
    const trial = working.trials.find((t) => t.sponsor !== undefined);
    const study = working.studies[0];
    const agent = working.agents[0];
    if (trial === undefined || study === undefined || agent === undefined) {
      throw new Error('no trial with a sponsor, study or agent');
    }
    const { sponsor: _dropped, ...unsponsored } = trial;
    const changed: Kb = {
      ...working,
      version: 'kb-0123456789ab',
      trials: working.trials.map((t) => (t === trial ? unsponsored : t)),
      studies: working.studies.map((s) =>
        s === study ? { ...s, aliases: [...s.aliases, 'an alias added'] } : s,
      ),
      agents: working.agents.map((a) => (a === agent ? { ...a, note: 'a note added' } : a)),
    };
    const d = diffKb(base, liveSide(changed, 'changed'));
    expect(d.same).toBe(false);
    expect(d.patients.changed).toBe(0);
    expect(d.trials.changed).toEqual([
      { id: trial.nct, name: trial.name ?? trial.nct, added: [], removed: ['sponsor'], changed: [] },
    ]);
    expect(d.studies.changed).toEqual([
      { id: study.id, name: study.name, added: [], removed: [], changed: ['aliases'] },
    ]);
    expect(d.agents.changed.map((c) => [c.id, [...c.added, ...c.changed]])).toEqual([[agent.id, ['note']]]);
    const text = kbDiffLines(d).join('\n');
    expect(text).toContain(`Trials changed:\n  ~ ${trial.name} (${trial.nct}): sponsor removed`);
    expect(text).toContain(`Studies changed:\n  ~ ${study.name} (${study.id}): aliases changed`);
    expect(d.parts).toEqual({ compared: true, changed: ['agents', 'studies', 'trials'] });
    expect(text).toContain('Parts of the knowledge base that changed: agents, studies, trials');
    // The other way round, the sponsor is added.
    expect(diffKb(liveSide(changed, 'changed'), base).trials.changed[0]?.added).toEqual(['sponsor']);
  });

  it('does not compare fields with a release made before they were fingerprinted', () => {
    const released = makeRelease(kb, compileKb(kb), generateCorpus(kb).profiles.slice(0, 5), {
      date: '2026-12-01',
    });
    const old = {
      ...released,
      trials: released.trials.map(({ fields: _f, ...t }) => t),
      studies: released.studies.map(({ fields: _f, ...s }) => s),
    };
    const edited: Kb = {
      ...working,
      version: 'kb-0123456789ab',
      trials: working.trials.map(({ sponsor: _s, ...t }) => t),
    };
    const { parts: _p, ...noParts } = old;
    const d = diffKb(releaseSide(noParts), liveSide(edited, 'edited'));
    expect(d.trials.changed).toEqual([]);
    expect(d.studies.changed).toEqual([]);
    // It never claims "no change" between two different versions it could not compare part by part.
    expect(d.parts).toEqual({ compared: false, changed: [] });
    expect(d.same).toBe(false);
    expect(kbDiffLines(d).join('\n')).toContain('The versions differ. One side is a release made before');
  });

  it('names a changed part it does not compare item by item (statements, references, terminology, ...)', () => {
    const first = working.statements[0];
    if (first === undefined) {
      throw new Error('no statement');
    }
    const edited: Kb = {
      ...working,
      version: 'kb-0123456789ab',
      statements: [{ ...first, note: 'a note added' }, ...working.statements.slice(1)],
    };
    const d = diffKb(base, liveSide(edited, 'edited'));
    expect(d.parts).toEqual({ compared: true, changed: ['statements'] });
    expect(d.same).toBe(false);
    expect(kbDiffLines(d)).toContain('Parts of the knowledge base that changed: statements');
  });
});
