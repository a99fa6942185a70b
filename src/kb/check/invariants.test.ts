// The clinical invariants of `kb check` on knowledge bases held in memory: each one holds for the installed knowledge
// base, and each way of breaking it is reported with its code, where, and what to do.
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../../profile/labels.js';
import { loadKb } from '../index.js';
import type { Agent, Criterion, Kb, Outcome, Rule, ScopeCriterion, Study } from '../schema/index.js';
import { checkInvariants } from './invariants.js';

const loaded = loadKb();
if (loaded.kb === undefined) {
  throw new Error('the knowledge base does not load');
}
const kb: Kb = loaded.kb;
const origins = loaded.origins;

function find<T extends { id: string }>(list: readonly T[], id: string): T {
  const x = list.find((y) => y.id === id);
  if (x === undefined) {
    throw new Error(`${id} not found`);
  }
  return x;
}
const check = (k: Kb) =>
  checkInvariants(k, origins).map((i) => ({ code: i.code, path: i.path, message: i.message }));
const withStudy = (s: Study): Kb => ({ ...kb, studies: kb.studies.map((x) => (x.id === s.id ? s : x)) });
const withRule = (r: Rule): Kb => ({
  ...kb,
  recommendations: kb.recommendations.map((x) => (x.id === r.id ? r : x)),
});
const e1910 = find(kb.studies, 'e1910');
const under55 = find(kb.recommendations, 'blinatumomab.frontline-under-55');
const originPath = (key: string): string => origins.get(key)?.path ?? '';
const at = (key: string, path: string): string =>
  originPath(key) === '' ? path : `${originPath(key)}.${path}`;

const scoped = (criteria: ScopeCriterion[], alternatives: ScopeCriterion[][] = []): Study => ({
  ...e1910,
  population: { ...e1910.population, scope: { ...e1910.population.scope, criteria, alternatives } },
});
const age = (
  op: ScopeCriterion['op'],
  value: number,
  extra: Partial<ScopeCriterion> = {},
): ScopeCriterion => ({
  fact: 'age',
  op,
  value,
  refs: [],
  quote: 'adults and children',
  ...extra,
});

describe('the clinical invariants', () => {
  it('all hold for the installed knowledge base', () => {
    expect(check(kb)).toEqual([]);
  });

  it('names the file and field of each issue from where the entity was read, or its key when that is unknown', () => {
    const blina = find(kb.agents, 'blinatumomab');
    const broken: Kb = {
      ...withStudy(scoped([age('ge', 17.5)])),
      agents: kb.agents.map((a) => (a.id === blina.id ? { ...a, classRisks: [] } : a)),
      recommendations: kb.recommendations.map((r) => (r.id === under55.id ? { ...r, question: 'none' } : r)),
    };
    const keys = ['agents:blinatumomab', 'studies:e1910', `rules:${under55.id}`];
    const found = checkInvariants(broken, origins);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      const file = origins.get(key)?.file;
      expect(file, key).toMatch(/^kb\//);
      expect(
        found.some((i) => i.file === file && i.severity === 'error'),
        key,
      ).toBe(true);
    }
    const bare = checkInvariants(broken, new Map());
    expect(bare.every((i) => keys.includes(i.file ?? ''))).toBe(true);
    expect(bare.map((i) => i.file)).toEqual(expect.arrayContaining(keys));
    expect(bare.find((i) => i.file === 'studies:e1910')?.path).toBe('population.scope.criteria.0.value');
    expect(bare.find((i) => i.file === 'agents:blinatumomab')?.path).toBe('classRisks');
    expect(bare.find((i) => i.file === `rules:${under55.id}`)?.path).toBe('question');
  });

  it('every agent of a class carries the class risks the class must report', () => {
    const blina = find(kb.agents, 'blinatumomab');
    const required = kb.requiredClassRisks.find((r) => r.agentClass === blina.class);
    expect(required?.kinds).toEqual(expect.arrayContaining(['crs', 'neurotoxicity']));
    const stripped: Agent = {
      ...blina,
      classRisks: blina.classRisks.filter((r) => r.kind !== 'crs' && r.kind !== 'neurotoxicity'),
    };
    expect(check({ ...kb, agents: kb.agents.map((a) => (a.id === blina.id ? stripped : a)) })).toEqual(
      ['crs', 'neurotoxicity'].map((kind) => ({
        code: 'kb.class-risk',
        path: at('agents:blinatumomab', 'classRisks'),
        message: `agent "blinatumomab" (${blina.class}) has no class risk of kind "${kind}": ${required?.why}`,
      })),
    );
  });

  describe('study populations', () => {
    it('state ages in whole years', () => {
      expect(check(withStudy(scoped([age('ge', 17.5)])))).toEqual([
        {
          code: 'kb.population',
          path: at('studies:e1910', 'population.scope.criteria.0.value'),
          message: 'ages are whole years (completed years)',
        },
      ]);
      expect(check(withStudy(scoped([], [[age('ge', 40)], [age('le', 54.5)]])))).toEqual([
        {
          code: 'kb.population',
          path: at('studies:e1910', 'population.scope.alternatives.1.0.value'),
          message: 'ages are whole years (completed years)',
        },
      ]);
      expect(check(withStudy(scoped([age('ge', 18), age('le', 70)])))).toEqual([]);
      const word = { ...age('ge', 18), value: 'eighteen' } as unknown as ScopeCriterion;
      expect(check(withStudy(scoped([word])))).toEqual([
        {
          code: 'kb.population',
          path: at('studies:e1910', 'population.scope.criteria.0.value'),
          message: 'ages are whole years (completed years)',
        },
      ]);
      const percent: ScopeCriterion = { fact: 'cd20Percent', op: 'ge', value: 19.5, refs: [], quote: 'q' };
      expect(check(withStudy(scoped([percent])))).toEqual([]);
    });

    it('hold an age word to the bound the table gives it, for each operator', () => {
      // adults: min 18; children: 1-17; older: min 56 (kb/facts.yaml).
      const ok = [
        age('ge', 18, { words: 'adults' }),
        age('gt', 17, { words: 'adults' }),
        age('le', 17, { words: 'children', quote: 'in children' }),
        age('lt', 18, { words: 'children', quote: 'in children' }),
        age('ge', 1, { words: 'children', quote: 'pediatric' }),
      ];
      for (const c of ok) {
        expect(check(withStudy(scoped([c]))), `${c.op} ${c.value}`).toEqual([]);
      }
      const wrong = [
        age('ge', 16, { words: 'adults' }),
        age('gt', 18, { words: 'adults' }),
        age('le', 18, { words: 'children', quote: 'children' }),
        age('lt', 17, { words: 'children', quote: 'children' }),
        age('le', 60, { words: 'adults' }), // adults have no upper bound
        age('lt', 60, { words: 'adults' }),
        age('eq', 18, { words: 'adults' }),
      ];
      for (const c of wrong) {
        const w = kb.ageWords.find((x) => x.word === c.words);
        expect(check(withStudy(scoped([c]))), `${c.op} ${c.value}`).toEqual([
          {
            code: 'kb.population',
            path: at('studies:e1910', 'population.scope.criteria.0'),
            message: `age word "${c.words}" gives min ${w?.min ?? '-'}, max ${w?.max ?? '-'}; "${c.op} ${c.value}" does not match it`,
          },
        ]);
      }
    });

    it('use an age word only on age, only from the table, and only where the quote says it', () => {
      const notAge: ScopeCriterion = {
        fact: 'cd20Percent',
        op: 'ge',
        value: 18,
        words: 'adults',
        refs: [],
        quote: 'adults',
      };
      expect(check(withStudy(scoped([notAge])))[0]?.message).toBe(
        'age word "adults" gives min 18, max -; "ge 18" does not match it',
      );
      const unknownWord = { ...age('ge', 18), words: 'grown-ups' } as unknown as ScopeCriterion;
      expect(check(withStudy(scoped([unknownWord])))[0]?.message).toBe(
        'age word "grown-ups" gives no bound (not in kb/facts.yaml ageWords); "ge 18" does not match it',
      );
      expect(
        check(withStudy(scoped([age('ge', 18, { words: 'adults', quote: 'Patients aged 30 to 70' })]))),
      ).toEqual([
        {
          code: 'kb.population',
          path: at('studies:e1910', 'population.scope.criteria.0.quote'),
          message: 'the quote does not use the word "adults" (adult, adults)',
        },
      ]);
      // The word is found whatever its case, in the quote as normalized.
      expect(
        check(withStudy(scoped([age('ge', 18, { words: 'adults', quote: 'ADULTS younger than 55' })]))),
      ).toEqual([]);
      expect(
        check(withStudy(scoped([age('ge', 56, { words: 'older', quote: 'in Elderly patients' })]))),
      ).toEqual([]);
    });
  });

  describe('numbers needed to treat', () => {
    const comparison = {
      study: 'e1910',
      experimental: 'os-3y-blina-under55',
      control: 'os-3y-chemo-under55',
      higherIsBetter: true,
    };
    const outcome = (id: string): Outcome => {
      const o = e1910.outcomes.find((x) => x.id === id);
      if (o === undefined) {
        throw new Error(id);
      }
      return o;
    };
    const e1910With = (change: (o: Outcome) => Outcome): Study => ({
      ...e1910,
      outcomes: e1910.outcomes.map(change),
    });
    const rule = { ...under55, comparisons: [comparison] };
    const nnt = (s: Study) =>
      check({ ...withRule(rule), studies: kb.studies.map((x) => (x.id === s.id ? s : x)) });
    const refused = [
      {
        code: 'kb.derived',
        path: at(`rules:${under55.id}`, 'comparisons.0'),
        message:
          'no number needed to treat from os-3y-blina-under55 vs os-3y-chemo-under55: the review reports no significant difference (no P < .05, no hazard ratio whose CI excludes 1)',
      },
    ];
    const hr = outcome('os-3y-hr-under55');
    const noHr = (o: Outcome): Outcome => (o.id === hr.id ? { ...o, endpoint: 'EFS' } : o);

    it('come from a hazard ratio of the same endpoint and subgroup whose CI excludes 1', () => {
      expect(hr.ci).toEqual(expect.objectContaining({ lower: 0.05, upper: 0.47 }));
      expect(nnt(e1910)).toEqual([]);
      expect(nnt(e1910With(noHr))).toEqual(refused);
      expect(nnt(e1910With((o) => (o.id === hr.id ? { ...o, subgroup: 'age 55 and older' } : o)))).toEqual(
        refused,
      );
      expect(nnt(e1910With((o) => (o.id === hr.id ? { ...o, measure: 'rate' } : o)))).toEqual(refused);
      const { ci: _ci, ...withoutCi } = hr;
      expect(nnt(e1910With((o) => (o.id === hr.id ? withoutCi : o)))).toEqual(refused);
      expect(nnt(e1910With((o) => (o.id === hr.id ? { ...o, ci: { lower: 0.5, upper: 1 } } : o)))).toEqual(
        refused,
      );
      expect(nnt(e1910With((o) => (o.id === hr.id ? { ...o, ci: { lower: 1, upper: 2 } } : o)))).toEqual(
        refused,
      );
      expect(nnt(e1910With((o) => (o.id === hr.id ? { ...o, ci: { lower: 1.01, upper: 2 } } : o)))).toEqual(
        [],
      );
    });

    it('or from a P value below .05 on either arm, never from P = .05 or P > x', () => {
      const p =
        (id: string, value: PValueLike) =>
        (o: Outcome): Outcome =>
          noHr(o).id === id ? { ...noHr(o), p: value } : noHr(o);
      type PValueLike = NonNullable<Outcome['p']>;
      expect(nnt(e1910With(p('os-3y-blina-under55', { op: '=', value: 0.002 })))).toEqual([]);
      expect(nnt(e1910With(p('os-3y-chemo-under55', { op: '<', value: 0.001 })))).toEqual([]);
      expect(nnt(e1910With(p('os-3y-blina-under55', { op: '=', value: 0.05 })))).toEqual(refused);
      expect(nnt(e1910With(p('os-3y-blina-under55', { op: '>', value: 0.01 })))).toEqual(refused);
    });

    it('need both arms to exist, and leave a comparison of an unknown study to the reference check', () => {
      expect(nnt(e1910With((o) => (o.id === 'os-3y-chemo-under55' ? { ...o, id: 'renamed' } : o)))).toEqual(
        refused,
      );
      expect(nnt(e1910With((o) => (o.id === 'os-3y-blina-under55' ? { ...o, id: 'renamed' } : o)))).toEqual(
        refused,
      );
      expect(
        check(withRule({ ...under55, comparisons: [{ ...comparison, study: 'no-such-study' }] })),
      ).toEqual([]);
    });
  });

  describe('questions and labels', () => {
    it('every rule answers a defined question, and every question names known studies', () => {
      expect(check(withRule({ ...under55, question: 'no-such-question' }))).toEqual([
        {
          code: 'kb.dangling-ref',
          path: at(`rules:${under55.id}`, 'question'),
          message: `rule "${under55.id}" must answer one of the questions (${kb.questions.map((q) => q.id).join(', ')})`,
        },
      ]);
      expect(check({ ...withRule({ ...under55, question: 'x' }), questions: [] })[0]?.message).toBe(
        `rule "${under55.id}" must answer one of the questions (none defined)`,
      );
      const q = kb.questions[0];
      if (q === undefined) {
        throw new Error('no question');
      }
      expect(
        check({
          ...kb,
          questions: [{ ...q, studies: [...q.studies, 'no-such-study'] }, ...kb.questions.slice(1)],
        }),
      ).toEqual([
        {
          code: 'kb.dangling-ref',
          path: at(`questions:${q.id}`, `studies.${q.studies.length}`),
          message: `question "${q.id}" names unknown study "no-such-study"`,
        },
      ]);
    });

    it('rule ages are whole years, wherever they sit in the criteria; other numbers may be fractions', () => {
      const fraction: Criterion = { fact: 'cd20Percent', op: 'ge', value: 19.5 };
      expect(
        check(
          withRule({ ...under55, when: { all: [...(under55.when as { all: Criterion[] }).all, fraction] } }),
        ),
      ).toEqual([]);
      const deep: Criterion = { all: [{ any: [{ not: { fact: 'age', op: 'lt', value: 17.5 } }] }] };
      const rule = { ...under55, when: { all: [...(under55.when as { all: Criterion[] }).all, deep] } };
      expect(check(withRule(rule))).toEqual([
        {
          code: 'kb.population',
          path: at(`rules:${under55.id}`, 'when'),
          message: 'ages are whole years (the engine compares completed years)',
        },
      ]);
    });

    it('no two different conditions of a rule, warning, alert or question share a label; one condition may repeat', () => {
      const twice = (label: string): Criterion => ({
        all: [
          { fact: 'age', op: 'ge', value: 18, label },
          { any: [{ not: { fact: 'age', op: 'le', value: 54, label } }] },
        ],
      });
      const message = 'two different conditions are both labelled "adult": say what each one tests';
      const rule = {
        ...under55,
        when: { all: [...(under55.when as { all: Criterion[] }).all, twice('adult')] },
      };
      expect(check(withRule(rule))).toEqual([
        { code: 'kb.label', path: at(`rules:${under55.id}`, 'when'), message },
      ]);
      const same: Criterion = {
        all: [
          { fact: 'age', op: 'ge', value: 18, label: 'adult' },
          { fact: 'age', op: 'ge', value: 18, label: 'adult' },
        ],
      };
      expect(
        check(withRule({ ...under55, when: { all: [...(under55.when as { all: Criterion[] }).all, same] } })),
      ).toEqual([]);
      const warned = {
        ...under55,
        warnings: [{ ...(under55.warnings[0] as Rule['warnings'][number]), when: twice('adult') }],
      };
      expect(check(withRule(warned))).toEqual([
        { code: 'kb.label', path: at(`rules:${under55.id}`, 'warnings.0.when'), message },
      ]);
      const alert = kb.alerts[0];
      const q = kb.questions[0];
      if (alert === undefined || q === undefined) {
        throw new Error('no alert or question');
      }
      expect(
        check({
          ...kb,
          alerts: [{ ...alert, when: { all: [alert.when, twice('adult')] } }, ...kb.alerts.slice(1)],
        }),
      ).toEqual([{ code: 'kb.label', path: at(`alerts:${alert.code}`, 'when'), message }]);
      expect(
        check({
          ...kb,
          questions: [{ ...q, when: { all: [q.when, twice('adult')] } }, ...kb.questions.slice(1)],
        }),
      ).toEqual(
        expect.arrayContaining([{ code: 'kb.label', path: at(`questions:${q.id}`, 'when'), message }]),
      );
    });

    it('every rule fires only for patients its question is asked for', () => {
      const all = (under55.when as { all: Criterion[] }).all.filter((c) => !('fact' in c && c.fact === 'ph'));
      expect(check(withRule({ ...under55, when: { all } }))).toEqual([
        {
          code: 'kb.rule-scope',
          path: at(`rules:${under55.id}`, 'when'),
          message: expect.stringMatching(
            /^rule "blinatumomab\.frontline-under-55" fires outside its question "blinatumomab-ph-negative" \(blinatumomab in frontline therapy of Ph-negative B-ALL\), e\.g\. for .*ph positive.*: narrow the rule, or let it answer a question asked for those patients$/,
          ),
        },
      ]);
    });
  });

  describe('fact labels', () => {
    const withFact = (fact: string, change: Partial<Kb['facts'][number]>): Kb => ({
      ...kb,
      facts: kb.facts.map((f) => (f.fact === fact ? { ...f, ...change } : f)),
    });

    it('name each fact as the profile names its field (one label per field in the cards, the app and the CLI)', () => {
      expect(kb.facts.find((f) => f.fact === 'pediatricRisk')?.label).toBe(FIELD_LABELS.pediatricRisk);
      expect(check(withFact('pediatricRisk', { label: 'Pediatric risk group' }))).toEqual([
        {
          code: 'kb.fact-label',
          path: at('facts:pediatricRisk', 'label'),
          message: `"Pediatric risk group" must be "${FIELD_LABELS.pediatricRisk}", the label src/profile/labels.ts gives pediatricRisk (change both together)`,
        },
      ]);
      expect(check(withFact('mrd.value', { label: 'MRD level' }))).toEqual([
        {
          code: 'kb.fact-label',
          path: at('facts:mrd.value', 'label'),
          message: `"MRD level" must be "${FIELD_LABELS['mrd.value']}", the label src/profile/labels.ts gives mrd.value (change both together)`,
        },
      ]);
    });
  });
});
