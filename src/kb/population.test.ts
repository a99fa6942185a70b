// A study's population as criteria, the ages it states, and the criteria options inherit from their agents' targets
// and alerts from their studies: what the scope proof and the engine's outside-evidence answer reason over.
import { describe, expect, it } from 'vitest';
import { loadKb } from './index.js';
import { agesStated, alertCriteria, populationCriteria, ruleCriteria, targetCriteria } from './population.js';
import type { Agent, Alert, Criterion, ScopeCriterion, Study } from './schema/index.js';

const { kb } = loadKb();
if (kb === undefined) {
  throw new Error('the knowledge base does not load');
}
const e1910 = kb.studies.find((s) => s.id === 'e1910');
if (e1910 === undefined) {
  throw new Error('E1910 is missing');
}
const base: Study = e1910;

const criterion = (
  fact: ScopeCriterion['fact'],
  op: ScopeCriterion['op'],
  value: number | string,
): ScopeCriterion => ({
  fact,
  op,
  value,
  refs: [],
  quote: 'q',
});

/** E1910 with its population changed. */
function study(change: Partial<Study> & { scope?: Partial<Study['population']['scope']> }): Study {
  const { scope, ...rest } = change;
  return {
    ...base,
    ...rest,
    population: {
      ...base.population,
      scope: { ...base.population.scope, criteria: [], alternatives: [], ...scope },
    },
  };
}

const facts = (cs: readonly Criterion[]): string[] =>
  cs.map((c) => ('fact' in c ? `${c.fact} ${c.op} ${JSON.stringify(c.value)}` : (c.label ?? '?')));

describe('populationCriteria', () => {
  it('reads lineage, Ph, setting and fitness from the study, then its stated criteria', () => {
    const s = study({
      lineage: 'B',
      ph: 'negative',
      settings: ['frontline'],
      scope: { intensity: { value: 'intensive' }, criteria: [criterion('age', 'ge', 30)] },
    });
    expect(facts(populationCriteria(s))).toEqual([
      'lineage eq "B"',
      'ph eq "negative"',
      'phase in ["newly-diagnosed","remission"]',
      'fitForIntensiveChemo eq true',
      'age ge 30',
    ]);
    expect(populationCriteria(s).map((c) => c.label)).toEqual([
      'B-ALL',
      'Ph-negative',
      'newly-diagnosed or remission',
      'fit for intensive chemotherapy (an intensive regimen)',
      undefined,
    ]);
  });

  it('leaves out what the study does not bound: any lineage, any or unstated Ph, all three settings', () => {
    for (const ph of ['any', 'not-stated'] as const) {
      const s = study({
        lineage: 'any',
        ph,
        settings: ['frontline', 'mrd', 'relapsed-refractory'],
        scope: { intensity: { value: 'low-intensity' } },
      });
      expect(populationCriteria(s)).toEqual([]);
    }
  });

  it('reads Ph-positive, "Ph-positive or Ph-like", the MRD and relapsed settings', () => {
    expect(
      facts(
        populationCriteria(
          study({ ph: 'positive', settings: ['mrd'], scope: { intensity: { value: 'chemotherapy-free' } } }),
        ),
      ),
    ).toEqual(['lineage eq "B"', 'ph eq "positive"', 'phase in ["remission"]']);
    const either = populationCriteria(
      study({
        ph: 'positive-or-ph-like',
        settings: ['relapsed-refractory'],
        scope: { intensity: { value: 'not-applicable' } },
      }),
    );
    expect(either[1]).toEqual({
      any: [
        { fact: 'ph', op: 'eq', value: 'positive', label: 'Ph-positive' },
        { fact: 'phLike', op: 'eq', value: true, label: 'Ph-like' },
      ],
      label: 'Ph-positive or Ph-like',
    });
    expect(facts(either.slice(2))).toEqual(['phase in ["relapsed-refractory"]']);
  });

  it('reads an unstated intensity as intensive (never assumes unfit patients were studied), unless fitness is off', () => {
    const s = study({ scope: { intensity: { value: 'not-stated' } } });
    expect(populationCriteria(s).find((c) => 'fact' in c && c.fact === 'fitForIntensiveChemo')?.label).toBe(
      'fit for intensive chemotherapy (the review does not say unfit patients were studied)',
    );
    expect(facts(populationCriteria(s, { fitness: false }))).not.toContain('fitForIntensiveChemo eq true');
    expect(
      facts(populationCriteria(study({ scope: { intensity: { value: 'intensive' } } }), { fitness: false })),
    ).not.toContain('fitForIntensiveChemo eq true');
  });

  it('keeps a criterion\'s label and written form only where it has them, and its alternatives as "one of its groups"', () => {
    const labelled = { ...criterion('age', 'le', 70), label: 'up to 70', written: '70 years' };
    const s = study({
      scope: {
        intensity: { value: 'low-intensity' },
        criteria: [labelled, criterion('age', 'ge', 30)],
        alternatives: [
          [criterion('age', 'ge', 55)],
          [criterion('age', 'ge', 40), criterion('age', 'le', 54)],
        ],
      },
    });
    const cs = populationCriteria(s);
    expect(cs.slice(3)).toStrictEqual([
      { fact: 'age', op: 'le', value: 70, label: 'up to 70', written: '70 years' },
      { fact: 'age', op: 'ge', value: 30 },
      {
        any: [
          { all: [{ fact: 'age', op: 'ge', value: 55 }] },
          {
            all: [
              { fact: 'age', op: 'ge', value: 40 },
              { fact: 'age', op: 'le', value: 54 },
            ],
          },
        ],
        label: 'one of its groups',
      },
    ]);
  });
});

describe('agesStated', () => {
  const withCriteria = (criteria: ScopeCriterion[], alternatives: ScopeCriterion[][] = []): boolean =>
    agesStated(study({ scope: { criteria, alternatives } }));

  it('needs a lower age bound, stated by number or word: "60 or younger" does not say children were excluded', () => {
    expect(withCriteria([criterion('age', 'ge', 18)])).toBe(true);
    expect(withCriteria([criterion('age', 'gt', 17)])).toBe(true);
    expect(withCriteria([criterion('age', 'eq', 10)])).toBe(true);
    expect(withCriteria([criterion('age', 'le', 60)])).toBe(false);
    expect(withCriteria([criterion('age', 'lt', 60)])).toBe(false);
    expect(withCriteria([criterion('cd20Percent', 'ge', 20)])).toBe(false);
    expect(withCriteria([])).toBe(false);
  });

  it('accepts groups only when every group states a lower bound', () => {
    expect(withCriteria([], [[criterion('age', 'ge', 55)], [criterion('age', 'ge', 40)]])).toBe(true);
    expect(withCriteria([], [[criterion('age', 'ge', 55)], [criterion('age', 'le', 54)]])).toBe(false);
  });
});

describe('targetCriteria and ruleCriteria', () => {
  const ino = kb.agents.find((a) => a.id === 'inotuzumab-ozogamicin') as Agent;
  const blina = kb.agents.find((a) => a.id === 'blinatumomab') as Agent;

  it('adds one "target not absent" criterion per target fact, labelled with the agent it comes from', () => {
    const cs = targetCriteria(
      { agents: ['inotuzumab-ozogamicin', 'chemotherapy', 'blinatumomab', 'no-such-agent'] },
      kb.agents,
    );
    expect(cs).toEqual([
      {
        not: { fact: 'cd22', op: 'in', value: ino.target?.absent, label: `${ino.target?.antigen} absent` },
        label: `${ino.target?.label} (inotuzumab-ozogamicin is directed at ${ino.target?.antigen})`,
      },
      {
        not: {
          fact: 'cd19',
          op: 'in',
          value: blina.target?.absent,
          label: `${blina.target?.antigen} absent`,
        },
        label: `${blina.target?.label} (blinatumomab is directed at ${blina.target?.antigen})`,
      },
    ]);
    // Two agents with the same target fact give it once.
    const twin: Agent = { ...blina, id: 'twin' };
    expect(targetCriteria({ agents: ['blinatumomab', 'twin'] }, [...kb.agents, twin])).toHaveLength(1);
    expect(targetCriteria({ agents: ['chemotherapy'] }, kb.agents)).toEqual([]);
  });

  it("appends the targets to a rule's own criteria, keeping its label; leaves a rule without targets as it is", () => {
    const when: Criterion = { all: [{ fact: 'lineage', op: 'eq', value: 'B' }], label: 'B' };
    const withTargets = ruleCriteria({ agents: ['inotuzumab-ozogamicin'], when }, kb.agents);
    expect(withTargets).toEqual({
      all: [...when.all, ...targetCriteria({ agents: ['inotuzumab-ozogamicin'] }, kb.agents)],
      label: 'B',
    });
    const unlabelled: Criterion = { all: [{ fact: 'lineage', op: 'eq', value: 'B' }] };
    expect(
      ruleCriteria({ agents: ['inotuzumab-ozogamicin'], when: unlabelled }, kb.agents),
    ).not.toHaveProperty('label');
    const single: Criterion = { fact: 'lineage', op: 'eq', value: 'B' };
    expect(ruleCriteria({ agents: ['inotuzumab-ozogamicin'], when: single }, kb.agents)).toEqual({
      all: [single, ...targetCriteria({ agents: ['inotuzumab-ozogamicin'] }, kb.agents)],
    });
    expect(ruleCriteria({ agents: ['chemotherapy'], when: single }, kb.agents)).toBe(single);
  });
});

describe('alertCriteria', () => {
  const when: Criterion = { all: [{ fact: 'cd20Percent', op: 'ge', value: 20 }], label: 'CD20' };
  const alert = (studies: string[], w: Criterion = when): Pick<Alert, 'when' | 'studies'> => ({
    when: w,
    studies,
  });

  it('keeps an alert that names no study as it is', () => {
    expect(alertCriteria(alert([]), kb.studies)).toBe(when);
  });

  it("bounds an alert by its study's population, without the regimen's fitness (a finding about the disease)", () => {
    const got = alertCriteria(alert(['e1910']), kb.studies);
    expect(got).toEqual({
      all: [
        ...(when as { all: Criterion[] }).all,
        { all: populationCriteria(base, { fitness: false }), label: 'as in E1910' },
      ],
      label: 'CD20',
    });
    const single: Criterion = { fact: 'cd20Percent', op: 'ge', value: 20 };
    expect(alertCriteria(alert(['e1910'], single), kb.studies)).toEqual({
      all: [single, { all: populationCriteria(base, { fitness: false }), label: 'as in E1910' }],
    });
    const unlabelled: Criterion = { all: [single] };
    expect(alertCriteria(alert(['e1910'], unlabelled), kb.studies)).not.toHaveProperty('label');
  });

  it('bounds an alert of several studies by any one of their populations', () => {
    const got = alertCriteria(alert(['e1910', 'gimema-lal2317']), kb.studies) as { all: Criterion[] };
    const last = got.all.at(-1) as unknown as { any: { label: string }[]; label: string };
    expect(last.label).toBe('as in its studies');
    expect(last.any.map((c) => c.label)).toEqual([
      'as in E1910',
      `as in ${kb.studies.find((s) => s.id === 'gimema-lal2317')?.name}`,
    ]);
  });
});
