// The scope proof on knowledge bases held in memory: every rule of the installed one is proven, and each way a rule
// can reach past its evidence or hold a strength its sources do not give is refused with words that say where.
import { describe, expect, it } from 'vitest';
import { loadKb } from '../index.js';
import { populationCriteria } from '../population.js';
import type { Kb, Rule, Statement, StatementKind, Strength, Study } from '../schema/index.js';
import { describeBox, regionOfAll, uncovered } from './region.js';
import { PROFILE_DOMAINS, proveScopes } from './scope-proof.js';

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

const e1910 = find(kb.studies, 'e1910');
const STRENGTHS: readonly Strength[] = [
  'recommended',
  'supported',
  'consider',
  'trial',
  'caution',
  'not-recommended',
];
/** PRODUCT.md, "Strength meanings": the statement kinds that hold each strength. */
const HOLDS: Readonly<Record<Strength, readonly StatementKind[]>> = {
  recommended: ['recommendation', 'endorsement'],
  supported: ['regulatory', 'endorsement', 'recommendation'],
  consider: ['evidence-judgment', 'endorsement', 'recommendation', 'regulatory'],
  trial: ['trial-listing', 'recommendation'],
  caution: ['caution', 'evidence-judgment'],
  'not-recommended': ['caution', 'evidence-judgment'],
};

/**
 * Which studies hold each strength: reported evidence; an ongoing or upcoming trial's eligibility for "trial"; harm
 * or failure from any study; never "recommended" (only the authors recommend).
 */
const STUDY_HOLDS: Readonly<Record<Strength, readonly Study['status'][]>> = {
  recommended: [],
  supported: ['reported'],
  consider: ['reported'],
  trial: ['ongoing', 'upcoming'],
  caution: ['reported', 'ongoing', 'upcoming'],
  'not-recommended': ['reported', 'ongoing', 'upcoming'],
};

const withRules = (rules: Rule[], extra: Partial<Kb> = {}): Kb => ({
  ...kb,
  ...extra,
  recommendations: rules,
});
const replaceRule = (id: string, change: (r: Rule) => Rule): Kb =>
  withRules(kb.recommendations.map((r) => (r.id === id ? change(r) : r)));

/** A rule for exactly E1910's patients (its population as criteria), citing what it is given. */
function probe(strength: Strength, evidence: Rule['evidence'], statements: string[] = []): Rule {
  return {
    ...find(kb.recommendations, 'blinatumomab.frontline-under-55'),
    id: 'probe.rule',
    strength,
    agents: ['chemotherapy'],
    when: { all: populationCriteria(e1910) },
    statements,
    evidence,
    extrapolation: [],
    warnings: [],
  };
}
const cite = (s: Study): Rule['evidence'][number] => ({ study: s.id, refs: [], quote: 'q' });

describe('the scope proof', () => {
  it('proves every rule of the installed knowledge base, counting the extrapolations each carries', () => {
    const r = proveScopes(kb, origins);
    expect(r.issues).toEqual([]);
    expect(r.proofs).toEqual(
      kb.recommendations.map((x) => ({ rule: x.id, ok: true, extrapolations: x.extrapolation.length })),
    );
    expect(r.proofs.some((p) => p.extrapolations > 0)).toBe(true);
  });

  it('lists the studies whose ages the review does not state', () => {
    expect(proveScopes(kb, origins).agesNotStated).toEqual([
      'alemtuzumab-r-r-t-all',
      'all-population-outcomes-by-age',
      'china-cd19-car-t-ph-positive-frontline',
      'daratall-vhr',
      'ea9181',
      'gimema-all2820',
      'hyper-cvad-ponatinib',
      'ino-bosutinib-r-r-ph-positive',
      'ino-dasatinib-dexamethasone-phase-2',
      'ino-vate',
      'mdacc-ponatinib-blinatumomab',
      'ns7car-t-r-r-t-all',
      'sc-blinatumomab-phase-1b',
      'tower',
      'xmab18968-phase-1',
    ]);
  });

  it('refuses a rule broadened past its studies: the uncovered ages, what was studied, where, and how to fix it', () => {
    const id = 'blinatumomab.frontline-under-55';
    const broadened = replaceRule(id, (r) => {
      const all = (r.when as { all: Rule['when'][] }).all;
      return { ...r, when: { all: all.filter((c) => !('fact' in c && c.fact === 'age' && c.op === 'ge')) } };
    });
    const r = proveScopes(broadened, origins);
    const origin = origins.get(`rules:${id}`);
    const scope = r.issues.filter((i) => i.code === 'kb.rule-scope');
    expect(scope).toEqual([
      {
        code: 'kb.rule-scope',
        severity: 'error',
        file: origin?.file,
        path: `${origin?.path}.when`,
        message: expect.stringMatching(
          new RegExp(
            `^rule "${id.replace('.', '\\.')}" fires for age 0-17\\b.*, outside the populations of its evidence: E1910 \\([^)]*age 30-70[^)]*\\); .+\\. Narrow its criteria, cite evidence for those patients, or add an extrapolation quoting the review$`,
          ),
        ),
      },
    ]);
    const strength = r.issues.filter((i) => i.code === 'kb.rule-strength');
    expect(strength).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: origin?.file,
        path: `${origin?.path}.strength`,
        message: expect.stringMatching(
          /^rule "blinatumomab\.frontline-under-55" is "recommended" for age 0-17\b.*, where no recommendation or endorsement statement it cites holds that strength \(held for: .+\)$/,
        ),
      }),
    ]);
    expect(r.proofs.find((p) => p.rule === id)?.ok).toBe(false);
    expect(r.proofs.filter((p) => !p.ok)).toHaveLength(1);
  });

  it('names the file and field as "rules" and "when" when it does not know where a rule came from', () => {
    const r = proveScopes(withRules([probe('supported', [])]), new Map());
    expect(r.issues.map((i) => [i.code, i.file, i.path])).toEqual([
      ['kb.rule-scope', 'rules', 'when'],
      ['kb.rule-strength', 'rules', 'strength'],
    ]);
    expect(r.issues[0]?.message).toContain(
      'outside the populations of its evidence: no cited population of stated ages.',
    );
  });

  it('accepts a rule only as far as its extrapolations license: without its own, a trial of unstated ages fails', () => {
    const id = 'tki-blinatumomab.randomized-trials';
    const r = proveScopes(
      replaceRule(id, (x) => ({ ...x, extrapolation: [] })),
      origins,
    );
    // Its strength stays held (the review lists the trials), but no population of stated ages licenses any patient.
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'kb.rule-scope',
        message: expect.stringMatching(
          /^rule "tki-blinatumomab\.randomized-trials" fires for age 18 and older, .*outside the populations of its evidence: no cited population of stated ages\./,
        ),
      }),
    ]);
    expect(r.proofs.find((p) => p.rule === id)).toEqual({ rule: id, ok: false, extrapolations: 0 });
  });

  it('shows at most three uncovered regions, then how many more', () => {
    const wide = {
      ...probe('consider', [cite(e1910)]),
      when: { fact: 'lineage' as const, op: 'eq' as const, value: 'B' },
    };
    const message =
      proveScopes(withRules([wide]), origins).issues.find((i) => i.code === 'kb.rule-scope')?.message ?? '';
    const shown = /fires for (.*), outside the populations/.exec(message)?.[1] ?? '';
    const boxes = uncovered(
      regionOfAll([wide.when], PROFILE_DOMAINS),
      regionOfAll(populationCriteria(e1910), PROFILE_DOMAINS),
      PROFILE_DOMAINS,
    );
    expect(boxes.length).toBeGreaterThan(3);
    expect(shown.split('; ')).toEqual([
      ...boxes.slice(0, 3).map((b) => describeBox(b, PROFILE_DOMAINS)),
      `and ${boxes.length - 3} more`,
    ]);
    // Exactly three (ages below and above E1910's, and Ph-positive within them): all shown, no "more".
    const drop = (fact: string) => (c: Rule['when']) => !('fact' in c && c.fact === fact);
    const three = {
      ...wide,
      when: { all: populationCriteria(e1910).filter(drop('age')).filter(drop('ph')) },
    };
    const left3 = uncovered(
      regionOfAll([three.when], PROFILE_DOMAINS),
      regionOfAll(populationCriteria(e1910), PROFILE_DOMAINS),
      PROFILE_DOMAINS,
    );
    expect(left3).toHaveLength(3);
    const m3 =
      proveScopes(withRules([three]), origins).issues.find((i) => i.code === 'kb.rule-scope')?.message ?? '';
    expect(/fires for (.*), outside the populations/.exec(m3)?.[1]).toBe(
      left3.map((b) => describeBox(b, PROFILE_DOMAINS)).join('; '),
    );
  });
});

describe('strength is held by sources of the right kind, for the same patients', () => {
  it('by the studies it cites: reported evidence, ongoing trials for "trial", any study for harm, never "recommended"', () => {
    for (const status of ['reported', 'ongoing', 'upcoming'] as const) {
      const study: Study = { ...e1910, status };
      for (const strength of STRENGTHS) {
        const r = proveScopes(
          withRules([probe(strength, [cite(study)])], {
            studies: kb.studies.map((s) => (s.id === 'e1910' ? study : s)),
          }),
          origins,
        );
        const held = STUDY_HOLDS[strength].includes(status);
        expect(
          r.issues.map((i) => i.code),
          `${strength} with a ${status} study`,
        ).toEqual(held ? [] : ['kb.rule-strength']);
      }
    }
  });

  it('by the statements it cites, of the kinds PRODUCT.md gives each strength, for the patients they apply to', () => {
    const kinds: readonly StatementKind[] = [
      'recommendation',
      'endorsement',
      'evidence-judgment',
      'caution',
      'regulatory',
      'trial-listing',
      'background',
    ];
    const upcoming: Study = { ...e1910, status: 'upcoming' };
    for (const kind of kinds) {
      const statement: Statement = {
        ...kb.statements[0],
        id: 'probe.statement',
        kind,
        appliesTo: { all: populationCriteria(e1910) },
      } as Statement;
      for (const strength of STRENGTHS) {
        // An upcoming study licenses the patients (scope) and holds only "trial", "caution" and "not-recommended".
        const rule = probe(strength, [cite(upcoming)], ['probe.statement']);
        const r = proveScopes(
          withRules([rule], {
            statements: [...kb.statements, statement],
            studies: kb.studies.map((s) => (s.id === 'e1910' ? upcoming : s)),
          }),
          origins,
        );
        const byStudy = strength === 'trial' || strength === 'caution' || strength === 'not-recommended';
        const held = byStudy || HOLDS[strength].includes(kind);
        expect(
          r.issues.map((i) => i.code),
          `${strength} with a ${kind} statement`,
        ).toEqual(held ? [] : ['kb.rule-strength']);
        if (!held) {
          expect(r.issues[0]?.message).toContain(
            `where no ${HOLDS[strength].join(' or ')} statement${strength === 'recommended' ? '' : ' or reported study'} it cites holds that strength`,
          );
        }
      }
    }
  });

  it('says "ongoing study" for a trial not held, and that a statement with no population holds nothing', () => {
    const statement = { ...kb.statements[0], id: 'probe.statement', kind: 'trial-listing' } as Statement;
    const { appliesTo: _dropped, ...nowhere } = statement;
    const r = proveScopes(
      withRules([probe('trial', [cite(e1910)], ['probe.statement'])], {
        statements: [...kb.statements, nowhere as Statement],
      }),
      origins,
    );
    expect(r.issues.map((i) => i.code)).toEqual(['kb.rule-strength']);
    expect(r.issues[0]?.message).toContain(
      'where no trial-listing or recommendation statement or ongoing study it cites holds that strength (held for: no cited population of stated ages)',
    );
  });

  it("licenses patients by a regulatory statement's population, and by no other kind of statement", () => {
    for (const kind of ['regulatory', 'recommendation'] as const) {
      const statement = {
        ...kb.statements[0],
        id: 'probe.statement',
        kind,
        appliesTo: { all: populationCriteria(e1910) },
      } as Statement;
      const rule = probe(
        'supported',
        [{ statement: 'probe.statement', refs: [], quote: 'q' }],
        ['probe.statement'],
      );
      const r = proveScopes(withRules([rule], { statements: [...kb.statements, statement] }), origins);
      expect(
        r.issues.map((i) => i.code),
        kind,
      ).toEqual(kind === 'regulatory' ? [] : ['kb.rule-scope']);
    }
  });

  it('reads a statement cited only in the evidence list like one in the statements list', () => {
    const statement = {
      ...kb.statements[0],
      id: 'probe.statement',
      kind: 'regulatory',
      appliesTo: { all: populationCriteria(e1910) },
    } as Statement;
    const rule = probe('supported', [{ statement: 'probe.statement', refs: [], quote: 'q' }], []);
    expect(
      proveScopes(withRules([rule], { statements: [...kb.statements, statement] }), origins).issues,
    ).toEqual([]);
    const { appliesTo: _a, ...nowhere } = statement;
    const r = proveScopes(
      withRules([rule], { statements: [...kb.statements, nowhere as Statement] }),
      origins,
    );
    expect(r.issues.map((i) => i.code)).toEqual(['kb.rule-scope', 'kb.rule-strength']);
  });

  it('names each source that holds a strength, and a statement as "statement <id>"', () => {
    const statement = {
      ...kb.statements[0],
      id: 'probe.statement',
      kind: 'caution',
      appliesTo: { all: populationCriteria(e1910) },
    } as Statement;
    const wide = {
      ...probe('consider', [cite(e1910)], ['probe.statement']),
      when: { all: populationCriteria(e1910).filter((c) => !('fact' in c && c.fact === 'age')) },
    };
    const r = proveScopes(withRules([wide], { statements: [...kb.statements, statement] }), origins);
    const message = r.issues.find((i) => i.code === 'kb.rule-strength')?.message ?? '';
    expect(message).toMatch(/\(held for: E1910 \([^)]*age 30-70[^)]*\)\)$/);
    const asCaution = proveScopes(
      withRules([{ ...wide, strength: 'caution' }], { statements: [...kb.statements, statement] }),
      origins,
    );
    expect(asCaution.issues.find((i) => i.code === 'kb.rule-strength')?.message).toMatch(
      /\(held for: E1910 \([^)]*\); statement probe\.statement \([^)]*\)\)$/,
    );
  });

  it('reads an intensive study as licensing only patients fit for intensive chemotherapy', () => {
    const anyFitness = {
      ...probe('consider', [cite(e1910)]),
      when: {
        all: populationCriteria(e1910).filter((c) => !('fact' in c && c.fact === 'fitForIntensiveChemo')),
      },
    };
    const r = proveScopes(withRules([anyFitness]), origins);
    expect(r.issues.find((i) => i.code === 'kb.rule-scope')?.message).toMatch(
      /fires for age 30-70, .*fitForIntensiveChemo false/,
    );
  });

  it('reads a study of unstated ages as licensing no age', () => {
    const unstated: Study = {
      ...e1910,
      population: {
        ...e1910.population,
        scope: { ...e1910.population.scope, criteria: [], alternatives: [] },
      },
    };
    const r = proveScopes(
      withRules([probe('consider', [cite(unstated)])], {
        studies: kb.studies.map((s) => (s.id === 'e1910' ? unstated : s)),
      }),
      origins,
    );
    expect(r.issues.map((i) => i.code)).toEqual(['kb.rule-scope', 'kb.rule-strength']);
    expect(r.agesNotStated).toContain('e1910');
  });
});
