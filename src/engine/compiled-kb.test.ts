// What compileKb builds once for every decision, on knowledge bases held in memory: the order options are shown in,
// the exact lineage/phase pre-selection, derived arm differences (never from a non-randomized pair), evidence and
// statements as cited, key numbers, an option's warnings with its agents' class risks each once, questions, input
// checks, target warnings, boundaries and the `missing` texts. The knowledge base is compiled inside each test (never
// at import), so mutation testing can tell which tests reach which code.
import { describe, expect, it } from 'vitest';
import { installed, testRule } from '../../test/support/kb.js';
import type { Agent, Kb, Outcome, Rule, Study } from '../kb/index.js';
import type { Profile } from '../profile/index.js';
import { LINEAGES, PHASES } from '../profile/values.js';
import { readFacts } from './compile.js';
import { compileKb } from './compiled-kb.js';

const kb: Kb = installed();

function find<T extends { id: string }>(list: readonly T[], id: string): T {
  const x = list.find((y) => y.id === id);
  if (x === undefined) {
    throw new Error(`${id} not found in the installed knowledge base`);
  }
  return x;
}

const e1910 = find(kb.studies, 'e1910');
const firstOutcome: Outcome = (() => {
  const o = e1910.outcomes[0];
  if (o === undefined) {
    throw new Error('E1910 has no outcomes');
  }
  return o;
})();

/** An outcome of a made-up study: only the fields the engine reads differ from a real one. */
const outcome = (id: string, value: number, extra: Partial<Outcome> = {}): Outcome => {
  const { label: _l, timepoint: _t, subgroup: _s, ...base } = firstOutcome;
  return { ...base, id, value, quote: `the arm reached ${value}% at 3 years`, endpoint: 'OS', ...extra };
};

/** A made-up study (TEST ONLY, not clinical content), with E1910's other fields. */
const study = (id: string, outcomes: Outcome[], extra: Partial<Study> = {}): Study => ({
  ...e1910,
  id,
  name: `Study ${id}`,
  outcomes,
  ...extra,
});

/** A made-up rule (TEST ONLY): B-lineage, with the given fields. */
const rule = (id: string, extra: Record<string, unknown> = {}): Rule =>
  testRule(id, { fact: 'lineage', op: 'eq', value: 'B' }, extra);

const withKb = (extra: Partial<Kb>): Kb => ({ ...kb, ...extra });

describe('ordered: the order options are shown in', () => {
  it('strength first, then rank, then id', () => {
    const rules = [
      rule('b', { strength: 'consider', rank: 2 }),
      rule('c', { strength: 'consider', rank: 1 }),
      rule('a', { strength: 'consider', rank: 2 }),
      rule('z', { strength: 'supported', rank: 9 }),
      rule('d', { strength: 'caution', rank: 0 }),
    ];
    const ids = compileKb(withKb({ recommendations: rules })).ordered.map((r) => r.rule.id);
    expect(ids).toEqual(['test.z', 'test.c', 'test.a', 'test.b', 'test.d']);
  });

  it('is the same whatever order the rules are written in', () => {
    const rules = [rule('a'), rule('c'), rule('b')];
    const forward = compileKb(withKb({ recommendations: rules })).ordered.map((r) => r.rule.id);
    const backward = compileKb(withKb({ recommendations: [...rules].reverse() })).ordered.map(
      (r) => r.rule.id,
    );
    expect(forward).toEqual(['test.a', 'test.b', 'test.c']);
    expect(backward).toEqual(forward);
  });

  it('keeps the rules themselves in knowledge-base order', () => {
    const rules = [rule('b', { strength: 'caution' }), rule('a', { strength: 'supported' })];
    expect(compileKb(withKb({ recommendations: rules })).rules.map((r) => r.rule.id)).toEqual([
      'test.b',
      'test.a',
    ]);
  });
});

describe('candidates: the rules that can hold for a lineage and phase', () => {
  const rules = [
    rule('b-only', {
      when: {
        all: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'age', op: 'ge', value: 18 },
        ],
      },
    }),
    rule('t-only', { when: { fact: 'lineage', op: 'eq', value: 'T' } }),
    rule('relapsed', {
      phase: 'relapsed-refractory',
      when: {
        all: [
          { fact: 'phase', op: 'eq', value: 'relapsed-refractory' },
          { fact: 'lineage', op: 'in', value: ['B', 'T'] },
        ],
      },
    }),
    // A top-level condition on another fact never pre-selects, even one that is false when unknown (`known`), nor
    // does a nested group of conditions.
    rule('nested-known', {
      when: {
        all: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          {
            any: [
              { fact: 'mrd.value', op: 'known' },
              { fact: 'cd20Percent', op: 'known' },
            ],
          },
        ],
      },
    }),
    rule('needs-mrd', {
      when: {
        all: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'mrd.value', op: 'known' },
        ],
      },
    }),
    rule('any-lineage', {
      when: {
        any: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'age', op: 'lt', value: 40 },
        ],
      },
    }),
  ];
  const ids = (profile: Profile): string[] =>
    compileKb(withKb({ recommendations: rules }))
      .candidates(readFacts(profile))
      .map((r) => r.rule.id)
      .sort();

  it('leaves out rules whose top-level lineage or phase conditions fail', () => {
    expect(ids({ lineage: 'B', phase: 'newly-diagnosed' })).toEqual([
      'test.any-lineage',
      'test.b-only',
      'test.needs-mrd',
      'test.nested-known',
    ]);
    expect(ids({ lineage: 'T', phase: 'newly-diagnosed' })).toEqual(['test.any-lineage', 'test.t-only']);
    expect(ids({ lineage: 'T', phase: 'relapsed-refractory' })).toEqual([
      'test.any-lineage',
      'test.relapsed',
      'test.t-only',
    ]);
  });

  it('keeps every rule that depends on lineage when lineage is unknown, but still selects by phase', () => {
    expect(ids({ phase: 'newly-diagnosed' } as Profile)).toEqual([
      'test.any-lineage',
      'test.b-only',
      'test.needs-mrd',
      'test.nested-known',
      'test.t-only',
    ]);
  });

  it('gives every rule, in order, to a profile built by hand with a lineage the lists do not hold', () => {
    const k = compileKb(withKb({ recommendations: rules }));
    const odd = { lineage: 'X', phase: 'newly-diagnosed' } as unknown as Profile;
    expect(k.candidates(readFacts(odd))).toEqual(k.ordered);
  });

  it('is exact on the installed knowledge base: a rule is left out only when lineage and phase make it false', () => {
    const k = compileKb(kb);
    for (const lineage of [...LINEAGES, undefined]) {
      for (const phase of PHASES) {
        const facts = readFacts((lineage === undefined ? { phase } : { lineage, phase }) as Profile);
        const kept = new Set(k.candidates(facts));
        for (const r of k.ordered) {
          if (!kept.has(r)) {
            expect(r.when.check(facts), `${r.rule.id} for ${lineage ?? 'unknown lineage'} ${phase}`).toBe(
              false,
            );
          }
        }
        expect(k.candidates(facts).length, `${lineage} ${phase}`).toBeLessThan(k.ordered.length);
      }
    }
  });
});

describe('derived arm differences (Frontline arithmetic, labelled as such)', () => {
  const s = study(
    's1',
    [
      outcome('os-exp', 80.3, { timepoint: '3-year', label: 'overall survival', subgroup: 'MRD-negative' }),
      outcome('os-ctl', 70.1),
      outcome('relapse-exp', 20),
      outcome('relapse-ctl', 30),
    ],
    { design: 'randomized' },
  );
  const derived = (comparisons: unknown[], studies: Study[] = [s]) =>
    compileKb(withKb({ studies: [...kb.studies, ...studies], recommendations: [rule('d', { comparisons })] }))
      .rules[0]?.derived;

  it('gives the difference, the number needed to treat and the text, rounded as printed', () => {
    expect(
      derived([{ study: 's1', experimental: 'os-exp', control: 'os-ctl', higherIsBetter: true }]),
    ).toEqual([
      {
        derived: true,
        study: 's1',
        studyName: 'Study s1',
        endpoint: '3-year overall survival (MRD-negative)',
        experimental: { outcome: 'os-exp', value: 80.3 },
        control: { outcome: 'os-ctl', value: 70.1 },
        absoluteDifference: 10.2,
        numberNeededToTreat: 10,
        text: 'Derived by Frontline (not reported in the review): Study s1 3-year overall survival (MRD-negative) 80.3% vs 70.1%, absolute difference +10.2 percentage points; number needed to treat ≈ 10.',
      },
    ]);
  });

  it('reads a lower value as better when higher is not better (relapse), and names the endpoint alone', () => {
    const [d] =
      derived([
        { study: 's1', experimental: 'relapse-exp', control: 'relapse-ctl', higherIsBetter: false },
      ]) ?? [];
    expect(d?.absoluteDifference).toBe(-10);
    expect(d?.numberNeededToTreat).toBe(10);
    expect(d?.endpoint).toBe('OS');
    expect(d?.text).toBe(
      'Derived by Frontline (not reported in the review): Study s1 OS 20% vs 30%, absolute difference -10 percentage points; number needed to treat ≈ 10.',
    );
  });

  it('gives no number needed to treat when the experimental arm does worse, or the same', () => {
    const [worse] =
      derived([{ study: 's1', experimental: 'relapse-exp', control: 'relapse-ctl', higherIsBetter: true }]) ??
      [];
    expect(worse?.numberNeededToTreat).toBeNull();
    expect(worse?.text).toContain(
      'absolute difference -10 percentage points; no benefit, so no number needed to treat.',
    );
    const [same] =
      derived([{ study: 's1', experimental: 'os-ctl', control: 'os-ctl', higherIsBetter: true }]) ?? [];
    expect(same?.absoluteDifference).toBe(0);
    expect(same?.numberNeededToTreat).toBeNull();
    expect(same?.text).toContain('absolute difference 0 percentage points; no benefit');
  });

  it('rounds the number needed to treat up', () => {
    const t = study('s2', [outcome('a', 50), outcome('b', 47)], { design: 'randomized' });
    const [d] = derived([{ study: 's2', experimental: 'a', control: 'b', higherIsBetter: true }], [t]) ?? [];
    expect(d?.numberNeededToTreat).toBe(34);
  });

  it('derives nothing from a non-randomized study, an unknown study or an unknown arm', () => {
    const single = study('s3', [outcome('a', 80), outcome('b', 70)], { design: 'single-arm' });
    expect(
      derived([{ study: 's3', experimental: 'a', control: 'b', higherIsBetter: true }], [single]),
    ).toEqual([]);
    expect(
      derived([{ study: 'nowhere', experimental: 'os-exp', control: 'os-ctl', higherIsBetter: true }]),
    ).toEqual([]);
    expect(
      derived([{ study: 's1', experimental: 'nothing', control: 'os-ctl', higherIsBetter: true }]),
    ).toEqual([]);
    expect(
      derived([{ study: 's1', experimental: 'os-exp', control: 'nothing', higherIsBetter: true }]),
    ).toEqual([]);
  });

  it('keeps every comparison of a rule, in order', () => {
    const ds = derived([
      { study: 's1', experimental: 'relapse-exp', control: 'relapse-ctl', higherIsBetter: false },
      { study: 's1', experimental: 'os-exp', control: 'os-ctl', higherIsBetter: true },
    ]);
    expect(ds?.map((d) => d.experimental.outcome)).toEqual(['relapse-exp', 'os-exp']);
  });

  it('on the installed knowledge base: E1910 differences are the arms as the review gives them', () => {
    const k = compileKb(kb);
    const all = k.rules.flatMap((r) => r.derived);
    expect(all.length).toBeGreaterThan(0);
    for (const d of all) {
      const st = find(kb.studies, d.study);
      const exp = find(st.outcomes, d.experimental.outcome);
      const ctl = find(st.outcomes, d.control.outcome);
      expect(d.experimental.value).toBe(exp.value);
      expect(d.control.value).toBe(ctl.value);
      expect(d.absoluteDifference).toBeCloseTo(exp.value - ctl.value, 6);
      expect(d.text.startsWith(`Derived by Frontline (not reported in the review): ${st.name} `)).toBe(true);
    }
  });
});

describe('evidence, statements and key numbers of an option', () => {
  const s = study('s1', [outcome('a', 80), outcome('b', 70), outcome('c', 60)]);
  const compiled = (extra: Record<string, unknown>, k: Partial<Kb> = {}) =>
    compileKb(withKb({ studies: [...kb.studies, s], recommendations: [rule('e', extra)], ...k })).rules[0];

  it('names the study of each evidence item, or the review and its authors when the item cites none', () => {
    const r = compiled({
      evidence: [
        { study: 's1', refs: [3], quote: 'the first quote, long enough' },
        { refs: [4], quote: 'the second quote, long enough' },
      ],
    });
    expect(r?.evidence).toEqual([
      { study: 's1', studyName: 'Study s1', refs: [3], quote: 'the first quote, long enough' },
      {
        study: 'dias-litzow-2025',
        studyName: 'Ajoy Dias & Mark R. Litzow (authors)',
        refs: [4],
        quote: 'the second quote, long enough',
      },
    ]);
  });

  it("takes the primary source for the authors' statements, else the first source, else the review", () => {
    const [primary] = kb.sources;
    if (primary === undefined) {
      throw new Error('no source');
    }
    const other = { ...primary, id: 'other-source', authors: ['Someone Else'], primary: false };
    const notPrimary = { ...primary, primary: false };
    const ev = { evidence: [{ refs: [4], quote: 'a quote long enough for the schema' }] };
    expect(compiled(ev, { sources: [other, primary] })?.evidence[0]).toMatchObject({
      study: 'dias-litzow-2025',
      studyName: 'Ajoy Dias & Mark R. Litzow (authors)',
    });
    expect(compiled(ev, { sources: [other, notPrimary] })?.evidence[0]).toMatchObject({
      study: 'other-source',
      studyName: 'Someone Else (authors)',
    });
    expect(compiled(ev, { sources: [] })?.evidence[0]).toMatchObject({
      study: 'review',
      studyName: 'the review (authors)',
    });
  });

  it('cites the statements it rests on, and none the knowledge base lacks', () => {
    const [st] = kb.statements;
    if (st === undefined) {
      throw new Error('no statement');
    }
    const r = compiled({ statements: ['no-such-statement', st.id] });
    expect(r?.statements).toEqual([{ id: st.id, kind: st.kind, quote: st.quote, refs: st.refs }]);
  });

  it('gives key numbers as labelled (or by study name), with the outcomes in the order cited', () => {
    const r = compiled({
      keyNumbers: [
        { study: 's1', outcomes: ['c', 'a'], label: 'Key' },
        { study: 's1', outcomes: ['b', 'missing'] },
        { study: 'nowhere', outcomes: ['a'] },
      ],
    });
    expect(r?.keyNumbers.map((k) => [k.study, k.studyName, k.outcomes.map((o) => o.id)])).toEqual([
      ['s1', 'Study s1', ['c', 'a']],
      ['s1', 'Study s1', ['b']],
    ]);
    expect(r?.keyNumbers[0]?.text.startsWith('Key: ')).toBe(true);
    expect(r?.keyNumbers[1]?.text.startsWith('Study s1: ')).toBe(true);
    expect(r?.keyNumbers[1]?.text).toContain('70%');
  });
});

describe('the warnings of an option: its own, then its agents’ class risks, each once', () => {
  const risky = (id: string, risks: Agent['classRisks']): Agent => ({
    ...find(kb.agents, 'blinatumomab'),
    id,
    classRisks: risks,
  });
  const risk = (code: string, quote: string) => ({
    code,
    kind: 'crs' as const,
    text: `text of ${code}`,
    refs: [7],
    quote,
  });
  const warningsOf = (ruleExtra: Record<string, unknown>, agents: Agent[]) =>
    compileKb(withKb({ agents: [...kb.agents, ...agents], recommendations: [rule('w', ruleExtra)] })).rules[0]
      ?.warnings;

  it('adds class risks after the rule’s own warnings, shown always', () => {
    const ws = warningsOf(
      {
        agents: ['agent-a'],
        warnings: [{ code: 'own', text: 'own warning', refs: [1], quote: 'An own finding of the rule.' }],
      },
      [risky('agent-a', [risk('class.one', 'Cytokine release was seen.')])],
    );
    expect(ws?.map((w) => w.code)).toEqual(['own', 'class.one']);
    expect(ws?.[1]?.always).toEqual({
      code: 'class.one',
      text: 'text of class.one',
      refs: [7],
      quote: 'Cytokine release was seen.',
      applies: true,
    });
    expect(ws?.[1]?.when).toBeUndefined();
  });

  it('does not repeat a class risk the rule states by code, or by a quote that contains or is contained in it', () => {
    const own = [
      { code: 'same-code', text: 't', refs: [1], quote: 'Something else entirely.' },
      { code: 'longer', text: 't', refs: [1], quote: 'In E1910, grade 3 CRS occurred in 5.3% of patients.' },
      { code: 'shorter', text: 't', refs: [1], quote: 'Prolonged marrow aplasia.' },
    ];
    const ws = warningsOf({ agents: ['agent-a'], warnings: own }, [
      risky('agent-a', [
        risk('same-code', 'Unrelated quote one.'),
        risk('class.crs', 'grade 3 CRS occurred in 5.3% of patients.'),
        risk('class.aplasia', 'Prolonged marrow aplasia was seen.'),
        risk('class.new', 'A new finding.'),
      ]),
    ]);
    expect(ws?.map((w) => w.code)).toEqual(['same-code', 'longer', 'shorter', 'class.new']);
  });

  it('gives a class risk shared by two agents once, and nothing for an agent the knowledge base lacks', () => {
    const shared = risk('class.shared', 'Shared risk.');
    const ws = warningsOf({ agents: ['agent-a', 'agent-b', 'no-such-agent'] }, [
      risky('agent-a', [shared]),
      risky('agent-b', [shared, risk('class.b', 'Only b.')]),
    ]);
    expect(ws?.map((w) => w.code)).toEqual(['class.shared', 'class.b']);
  });

  it('compiles a rule warning’s condition', () => {
    const ws = warningsOf(
      {
        warnings: [
          {
            code: 'if-ph',
            text: 't',
            refs: [1],
            quote: 'a quote long enough for the schema',
            when: { fact: 'ph', op: 'eq', value: 'positive' },
          },
        ],
      },
      [],
    );
    expect(ws?.[0]?.when?.check(readFacts({ lineage: 'B', phase: 'newly-diagnosed', ph: 'positive' }))).toBe(
      true,
    );
    expect(ws?.[0]?.when?.check(readFacts({ lineage: 'B', phase: 'newly-diagnosed', ph: 'negative' }))).toBe(
      false,
    );
  });
});

describe('questions', () => {
  it('places patients only inside studies whose ages the review states, and names the others', () => {
    const k = compileKb(kb);
    for (const q of k.questions) {
      const ids = q.populations.map((p) => p.study.id);
      const unstated = q.question.studies.filter((id) => !ids.includes(id));
      expect(q.unstated, q.question.id).toEqual(
        unstated.flatMap((id) => kb.studies.filter((s) => s.id === id).map((s) => s.name)),
      );
    }
    expect(k.questions.some((q) => q.populations.length > 0)).toBe(true);
  });

  it('cites its refs sorted and once: the no-evidence refs when it has them, else its studies’ refs', () => {
    const [q] = kb.questions;
    if (q === undefined) {
      throw new Error('no question');
    }
    const a = study('qa', [], { refs: [30, 4, 12] });
    const b = study('qb', [], { refs: [12, 100] });
    const base = { ...q, studies: ['qa', 'qb'] };
    const { noEvidence: _n, ...withoutNoEvidence } = base;
    const compiled = (question: typeof q) =>
      compileKb(withKb({ studies: [...kb.studies, a, b], questions: [question] })).questions[0];
    expect(compiled(withoutNoEvidence)?.refs).toEqual([4, 12, 30, 100]);
    expect(compiled({ ...base, noEvidence: { quote: 'q', refs: [9, 2, 9] } })?.refs).toEqual([2, 9]);
  });

  it('places no one inside, and names nothing, for a study the knowledge base lacks', () => {
    const [q] = kb.questions;
    if (q === undefined) {
      throw new Error('no question');
    }
    const a = study('qa', [], { refs: [30] });
    const c = compileKb(
      withKb({ studies: [...kb.studies, a], questions: [{ ...q, studies: ['nowhere', 'qa'] }] }),
    ).questions[0];
    expect(c?.populations.map((p) => p.study.id)).toEqual(['qa']);
    expect(c?.unstated).toEqual([]);
  });
});

describe('input checks, target warnings and boundaries', () => {
  const [someFact] = kb.facts;
  if (someFact === undefined) {
    throw new Error('no fact');
  }
  const fact = (extra: Record<string, unknown>) => {
    const { appliesTo: _a, notUsed: _n, ...base } = someFact;
    return { ...base, ...extra } as Kb['facts'][number];
  };

  it('checks only facts that apply to some patients or that no rule reads', () => {
    const k = compileKb(withKb({ facts: [fact({ fact: 'wbc', label: 'WBC' })] }));
    expect(k.inputChecks).toEqual([]);
  });

  it('says in words which patients a misplaced fact is for, from labels or from the conditions', () => {
    const misplaced = (appliesTo: unknown) =>
      compileKb(
        withKb({ facts: [fact({ fact: 'molecularResponse', label: 'Molecular response', appliesTo })] }),
      ).inputChecks[0];
    const labelled = misplaced({ fact: 'ph', op: 'eq', value: 'positive', label: 'Ph-positive B-ALL' });
    expect(labelled?.misplaced?.warning).toEqual({
      code: 'input.molecularResponse.not-applicable',
      text: 'Molecular response was given, but it applies only to Ph-positive B-ALL; no option uses it for this patient.',
      refs: [],
      kind: 'input',
    });
    expect(labelled?.unused).toBeUndefined();
    expect(
      labelled?.misplaced?.appliesTo.check(
        readFacts({ lineage: 'B', phase: 'newly-diagnosed', ph: 'positive' }),
      ),
    ).toBe(true);
    const unlabelled = misplaced({
      all: [
        { fact: 'ph', op: 'eq', value: 'positive' },
        {
          any: [
            { fact: 'age', op: 'lt', value: 40 },
            { not: { fact: 'lineage', op: 'in', value: ['T', 'B'] } },
          ],
        },
      ],
    });
    expect(unlabelled?.misplaced?.warning.text).toBe(
      'Molecular response was given, but it applies only to ph = positive and age < 40 or not lineage is one of T, B; no option uses it for this patient.',
    );
    const known = misplaced({
      all: [{ fact: 'mrd.value', op: 'known' }],
      label: 'patients with an MRD result',
    });
    expect(known?.misplaced?.warning.text).toContain('applies only to patients with an MRD result;');
  });

  it('names a nested fact by its profile field in the warning code', () => {
    const c = compileKb(
      withKb({
        facts: [
          fact({
            fact: 'mrd.value',
            label: 'MRD',
            appliesTo: { fact: 'ph', op: 'eq', value: 'positive', label: 'Ph-positive B-ALL' },
          }),
        ],
      }),
    ).inputChecks[0];
    expect(c?.misplaced?.warning.code).toBe('input.mrd.not-applicable');
  });

  it('says why a fact no rule reads is not used, with its refs', () => {
    const c = compileKb(
      withKb({
        facts: [fact({ fact: 'wbc', label: 'WBC', notUsed: 'the review gives it no role.', refs: [5] })],
      }),
    ).inputChecks[0];
    expect(c?.unused).toEqual({
      code: 'input.wbc.not-used',
      text: 'WBC was given; the review gives it no role.',
      refs: [5],
      kind: 'input',
    });
    expect(c?.misplaced).toBeUndefined();
  });

  it('reads a target’s absent values case-blind and says which antigen the agent is directed at', () => {
    const agent = find(kb.agents, 'inotuzumab-ozogamicin');
    const target = agent.target;
    if (target === undefined) {
      throw new Error('inotuzumab has no target');
    }
    const k = compileKb(
      withKb({ agents: [{ ...agent, target: { ...target, absent: ['Negative', 'DIM'] } }] }),
    );
    expect(k.targets).toHaveLength(1);
    expect([...(k.targets[0]?.absent ?? [])]).toEqual(['negative', 'dim']);
    // Numbers and booleans are kept as they are (a percentage of 0 can mean the antigen is absent).
    const numeric = compileKb(
      withKb({ agents: [{ ...agent, target: { ...target, absent: [0, false, 'Negative'] } }] }),
    );
    expect([...(numeric.targets[0]?.absent ?? [])]).toEqual([0, false, 'negative']);
    expect(k.targets[0]?.warning).toEqual({
      code: 'target.inotuzumab-ozogamicin',
      text: `Options with ${agent.name} are not shown: it is directed at ${target.antigen}, and this patient's blasts are ${target.antigen}-negative.`,
      refs: target.refs,
      quote: target.quote,
      kind: 'target',
    });
  });

  it('warns at each boundary with its code and text, its condition compiled only when it has one', () => {
    const k = compileKb(kb);
    expect(k.boundaries.map((b) => b.warning.code)).toEqual(kb.boundaries.map((b) => `boundary.${b.id}`));
    for (const b of k.boundaries) {
      expect(b.warning).toEqual({
        code: `boundary.${b.boundary.id}`,
        text: b.boundary.text,
        refs: [],
        kind: 'boundary',
      });
      expect(b.when === undefined).toBe(b.boundary.when === undefined);
    }
  });
});

describe('missing texts', () => {
  it('says why a field matters and the test that settles it, from the field or its .value fact', () => {
    const k = compileKb(kb);
    const ph = find(
      kb.facts.map((f) => ({ ...f, id: f.fact })),
      'ph',
    );
    expect(k.missingText('ph')).toEqual({ text: `${ph.why} Settled by: ${ph.test}.`, test: ph.test });
    const mrd = find(
      kb.facts.map((f) => ({ ...f, id: f.fact })),
      'mrd.value',
    );
    expect(k.missingText('mrd')).toEqual({ text: `${mrd.why} Settled by: ${mrd.test}.`, test: mrd.test });
  });

  it('says a field the knowledge base does not describe is unknown, and builds each text once', () => {
    const k = compileKb(kb);
    const t = k.missingText('somethingElse');
    expect(t).toEqual({ text: 'somethingElse is unknown.', test: 'not stated in the knowledge base' });
    expect(k.missingText('somethingElse')).toBe(t);
  });
});
