// The knowledge base for server and card tests: the installed one, plus TEST-ONLY rules and an alert so that every
// kind of card appears whatever the curators have written so far. The fixture rules are not clinical content: they
// reuse real study ids and quotes only so that links and citations resolve; their strengths are arbitrary.
import { type CompiledKb, compileKb } from '../../src/engine/index.js';
import { Alert, type Kb, loadKb, Rule, type Study } from '../../src/kb/index.js';

/** The installed knowledge base, loaded and validated from kb/ (no test rules). */
export function installed(): Kb {
  const { kb, issues } = loadKb();
  if (kb === undefined) {
    throw new Error(
      `the knowledge base does not load, so these tests cannot run (${issues.length} problems; run \`frontline kb check\`)`,
    );
  }
  return kb;
}

/**
 * A made-up rule (TEST ONLY, not clinical content) with the given criteria, for an agent without a target antigen
 * (chemotherapy), so it waits on no target test; `extra` overrides any field.
 */
export function testRule(id: string, when: unknown, extra: Readonly<Record<string, unknown>> = {}): Rule {
  return Rule.parse({
    id: `test.${id}`,
    title: `test rule ${id}`,
    section: 'test',
    question: 'test',
    strength: 'consider',
    rank: 1,
    agents: ['chemotherapy'],
    when,
    rationale: 'test',
    evidence: [{ refs: [1], quote: 'a quote long enough for the schema' }],
    ...extra,
  });
}

function studyWithOutcomes(kb: Kb): Study {
  const s = kb.studies.find((x) => x.outcomes.length >= 2 && x.refs.length > 0) ?? kb.studies[0];
  if (s === undefined) {
    throw new Error('the knowledge base has no study');
  }
  return s;
}

export const FIXTURE_RULE_IDS = [
  'test.fixture-supported',
  'test.fixture-caution',
  'test.fixture-pending',
] as const;

function fixtureRules(kb: Kb): Rule[] {
  const s = studyWithOutcomes(kb);
  // An agent without a target antigen, so the fixture options do not wait on a target test.
  const untargeted = new Set(kb.agents.filter((a) => a.target === undefined).map((a) => a.id));
  const agent =
    s.agents.find((a) => a !== 'chemotherapy' && untargeted.has(a)) ??
    kb.agents.find((a) => a.id === 'obinutuzumab')?.id ??
    'chemotherapy';
  const evidence = [{ study: s.id, refs: s.summary.refs, quote: s.summary.quote }];
  const keyNumbers = [{ study: s.id, outcomes: s.outcomes.slice(0, 2).map((o) => o.id) }];
  return [
    Rule.parse({
      id: 'test.fixture-supported',
      title: `TEST FIXTURE option using ${agent} for B-ALL under 55 (not clinical content)`,
      section: 'test',
      question: 'test-fixture',
      strength: 'supported',
      rank: 1,
      agents: [agent],
      trials: s.trials.slice(0, 1),
      when: {
        all: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'age', op: 'lt', value: 55, written: '<55' },
        ],
      },
      rationale: 'Test fixture: exercises a supported option with key numbers and evidence.',
      evidence,
      keyNumbers,
      warnings: [
        {
          code: 'test.fixture-warning',
          text: 'Test fixture warning that depends on Ph status',
          refs: s.summary.refs,
          quote: s.summary.quote,
          when: { fact: 'ph', op: 'eq', value: 'positive' },
        },
      ],
    }),
    Rule.parse({
      id: 'test.fixture-caution',
      title: 'TEST FIXTURE caution option (not clinical content)',
      section: 'test',
      question: 'test-fixture',
      strength: 'caution',
      rank: 1,
      agents: [agent],
      when: { fact: 'lineage', op: 'eq', value: 'B' },
      rationale: 'Test fixture: exercises a warning card.',
      evidence,
    }),
    Rule.parse({
      id: 'test.fixture-pending',
      title: 'TEST FIXTURE option that needs Ph status (not clinical content)',
      section: 'test',
      question: 'test-fixture',
      strength: 'consider',
      rank: 1,
      agents: [agent],
      when: {
        all: [
          { fact: 'lineage', op: 'eq', value: 'B' },
          { fact: 'ph', op: 'eq', value: 'positive' },
        ],
      },
      rationale: 'Test fixture: pending on an unknown fact.',
      evidence,
    }),
  ];
}

function fixtureAlert(kb: Kb): Alert {
  const s = studyWithOutcomes(kb);
  return Alert.parse({
    code: 'test.fixture-alert',
    text: 'TEST FIXTURE alert for CNS disease (not clinical content)',
    refs: s.summary.refs,
    quote: s.summary.quote,
    when: { fact: 'cnsDisease', op: 'eq', value: true },
  });
}

let cachedInstalled: CompiledKb | undefined;

/** The installed knowledge base compiled for the engine, exactly as shipped (no test rules). */
export function installedCompiledKb(): CompiledKb {
  cachedInstalled ??= compileKb(installed());
  return cachedInstalled;
}

let cached: CompiledKb | undefined;

/** The installed knowledge base with the test-only rules and alert added, compiled. */
export function testKb(): CompiledKb {
  if (cached === undefined) {
    const kb = installed();
    cached = compileKb({
      ...kb,
      recommendations: [...kb.recommendations, ...fixtureRules(kb)],
      alerts: [...kb.alerts, fixtureAlert(kb)],
    });
  }
  return cached;
}
