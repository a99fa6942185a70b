// Decisions on small knowledge bases held in memory and on the installed one, case by case: what `because` keeps for
// a rule that is not an "all of", which input warnings a given fact raises, when the outside-evidence answer is given
// and how it names the populations a patient lies outside, and the order of `missing`. Compiled inside each test.
import { describe, expect, it } from 'vitest';
import { installed, testRule } from '../../test/support/kb.js';
import type { Kb, Rule, Study } from '../kb/index.js';
import type { Profile } from '../profile/index.js';
import { compileCriterion } from './compile.js';
import { type CompiledKb, type CompiledQuestion, compileKb } from './compiled-kb.js';
import { evaluate } from './evaluate.js';

const kb: Kb = installed();

const rule = testRule;

const only = (rules: Rule[]): CompiledKb =>
  compileKb({ ...kb, recommendations: rules, alerts: [], questions: [] });
const P = (p: Record<string, unknown>): Profile => ({ phase: 'newly-diagnosed', ...p }) as Profile;

describe('because: the conditions an option rests on', () => {
  it('is the children of an all-of, the condition itself for one condition, and an any-of itself', () => {
    const k = only([
      rule('all', {
        all: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'age', op: 'lt', value: 40 },
        ],
      }),
      rule('one', { fact: 'age', op: 'lt', value: 40 }),
      rule('any', {
        any: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'age', op: 'lt', value: 40 },
        ],
      }),
    ]);
    const d = evaluate(P({ lineage: 'B', age: 30 }), k);
    const because = (id: string) => d.options.find((o) => o.id === `test.${id}`)?.because;
    expect(because('all')?.map((n) => n.label)).toEqual(['lineage = B', 'age < 40']);
    expect(because('one')?.map((n) => [n.kind, n.label])).toEqual([['condition', 'age < 40']]);
    expect(because('any')?.map((n) => [n.kind, n.children?.length])).toEqual([['any', 2]]);
  });
});

describe('input warnings on the installed knowledge base', () => {
  const codes = (p: Record<string, unknown>) =>
    evaluate(P({ lineage: 'B', age: 40, ...p }), compileKb(kb)).warnings.map((w) => w.code);

  it('says a fact no rule reads was given and not used, only when it is given', () => {
    expect(codes({ wbc: 50 })).toContain('input.wbc.not-used');
    expect(codes({})).not.toContain('input.wbc.not-used');
  });

  it('says a fact given for a patient it does not apply to is not used, and nothing when it applies or may apply', () => {
    const misplaced = 'input.molecularResponse.not-applicable';
    expect(codes({ ph: 'negative', molecularResponse: 'complete' })).toContain(misplaced);
    expect(codes({ ph: 'positive', molecularResponse: 'complete' })).not.toContain(misplaced);
    expect(codes({ molecularResponse: 'complete' })).not.toContain(misplaced);
    expect(codes({ ph: 'negative' })).not.toContain(misplaced);
  });
});

describe('outside the evidence', () => {
  const [q0] = kb.questions;
  const e1910 = kb.studies.find((s) => s.id === 'e1910');
  if (q0 === undefined || e1910 === undefined) {
    throw new Error('the installed knowledge base has no question or no E1910');
  }
  const { noEvidence: _n, ...question } = {
    ...q0,
    id: 'test-q',
    title: 'Test question',
    when: { fact: 'lineage', op: 'eq', value: 'B' } as const,
  };
  const population = (name: string, when: unknown) => ({
    study: { ...e1910, name } as Study,
    when: compileCriterion(when as Parameters<typeof compileCriterion>[0]),
  });
  /** The installed knowledge base with one hand-built question and no rules, so nothing answers it. */
  const withQuestion = (q: Partial<CompiledQuestion>): CompiledKb => {
    const base = only([]);
    const cq: CompiledQuestion = {
      question,
      when: compileCriterion(question.when),
      populations: [],
      unstated: [],
      refs: [5],
      ...q,
    };
    return { ...base, questions: [cq] };
  };
  const adult = { fact: 'age', op: 'ge', value: 18, label: 'age 18 or older' };

  it('is empty for a patient inside a population, or for whom the question is not asked', () => {
    const k = withQuestion({ populations: [population('Study A', adult)] });
    expect(evaluate(P({ lineage: 'B', age: 30 }), k).outsideEvidence).toEqual([]);
    expect(evaluate(P({ lineage: 'B' }), k).outsideEvidence).toEqual([]);
    expect(evaluate(P({ lineage: 'T', age: 10 }), k).outsideEvidence).toEqual([]);
  });

  it('names up to three populations with the conditions the patient fails, then how many more', () => {
    const pops = ['A', 'B', 'C', 'D'].map((n) => population(`Study ${n}`, adult));
    const text = (n: number) =>
      evaluate(P({ lineage: 'B', age: 10 }), withQuestion({ populations: pops.slice(0, n) })).outsideEvidence;
    expect(text(3)).toEqual([
      {
        question: 'test-q',
        refs: [5],
        text: "Outside the review's evidence: Test question was studied only in patients unlike this one (Study A required age 18 or older; Study B required age 18 or older; Study C required age 18 or older).",
      },
    ]);
    expect(text(4)[0]?.text).toBe(
      "Outside the review's evidence: Test question was studied only in patients unlike this one (Study A required age 18 or older; Study B required age 18 or older; Study C required age 18 or older; and 1 more).",
    );
  });

  it('names a failed negated condition by its label, and each failed label once', () => {
    const k = withQuestion({
      populations: [
        population('Study N', {
          all: [
            { not: { fact: 'ph', op: 'eq', value: 'positive' }, label: 'not Ph-positive' },
            { fact: 'age', op: 'ge', value: 18, label: 'adults' },
            { fact: 'age', op: 'ge', value: 16, label: 'adults' },
          ],
        }),
      ],
      unstated: ['Study U'],
    });
    expect(evaluate(P({ lineage: 'B', age: 10, ph: 'positive' }), k).outsideEvidence[0]?.text).toBe(
      "Outside the review's evidence: Test question was studied only in patients unlike this one (Study N required not Ph-positive and adults; the review gives no ages for Study U).",
    );
  });
});

describe('missing: the unknown facts that would change the options', () => {
  // The lineage rule's id sorts first or last, so lineage is met first or last: the order must not depend on it.
  it.each(['a-lineage', 'z-lineage'])(
    'puts lineage first when it is unknown, then the field most options wait on, then by name (%s)',
    (lineageRule) => {
      const k = only([
        rule(lineageRule, { fact: 'lineage', op: 'eq', value: 'B' }),
        rule('ph-1', { fact: 'ph', op: 'eq', value: 'positive' }),
        rule('ph-2', {
          all: [
            { fact: 'ph', op: 'eq', value: 'positive' },
            { fact: 'cd20Percent', op: 'ge', value: 20 },
          ],
        }),
        rule('ph-3', {
          all: [
            { fact: 'ph', op: 'eq', value: 'negative' },
            { fact: 'age', op: 'lt', value: 40 },
          ],
        }),
      ]);
      const missing = evaluate(P({}), k).missing;
      expect(missing.map((m) => [m.field, m.affects])).toEqual([
        ['lineage', [`test.${lineageRule}`]],
        ['ph', ['test.ph-1', 'test.ph-2', 'test.ph-3']],
        ['age', ['test.ph-3']],
        ['cd20Percent', ['test.ph-2']],
      ]);
    },
  );
});
