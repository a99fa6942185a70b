/**
 * Questions asked of the knowledge base by the CLI, the REST API and the web app, answered in one place.
 * @module
 */
import type { Agent, Kb, Study } from './schema/index.js';
import { SETTINGS } from './schema/lists.js';

/** The counts the README states, `kb check` prints and a release records. */
export function kbCounts(
  kb: {
    readonly [K in 'agents' | 'trials' | 'statements' | 'factors' | 'recommendations']: readonly unknown[];
  } & {
    readonly studies: readonly { readonly outcomes: readonly unknown[] }[];
  },
): Record<string, number> {
  return {
    studies: kb.studies.length,
    outcomes: kb.studies.reduce((n, s) => n + s.outcomes.length, 0),
    agents: kb.agents.length,
    trials: kb.trials.length,
    statements: kb.statements.length,
    factors: kb.factors.length,
    rules: kb.recommendations.length,
  };
}

export interface StudyFilter {
  /** Agent id, generic name, alias or brand (case-insensitive). */
  readonly agent?: string | undefined;
  /** `frontline`, `mrd` or `relapsed-refractory`. */
  readonly setting?: string | undefined;
}

export type FilterResult =
  | { readonly ok: true; readonly studies: readonly Study[] }
  | { readonly ok: false; readonly field: 'agent' | 'setting'; readonly message: string };

/** Finds an agent by id, name, alias or brand, case-insensitively. */
export function findAgent(kb: Kb, name: string): Agent | undefined {
  const n = name.trim().toLowerCase();
  return kb.agents.find(
    (a) =>
      a.id === n ||
      a.name.toLowerCase() === n ||
      a.brand?.toLowerCase() === n ||
      a.aliases.some((x) => x.toLowerCase() === n),
  );
}

/** Studies matching a filter, in id order; a bad filter value is reported with what is allowed. */
export function filterStudies(kb: Kb, filter: StudyFilter): FilterResult {
  let studies = [...kb.studies].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (filter.setting !== undefined) {
    const setting = SETTINGS.find((s) => s === filter.setting);
    if (setting === undefined) {
      return {
        ok: false,
        field: 'setting',
        message: `unknown setting "${filter.setting}"; allowed: ${SETTINGS.join(', ')}`,
      };
    }
    studies = studies.filter((s) => s.settings.includes(setting));
  }
  if (filter.agent !== undefined) {
    const agent = findAgent(kb, filter.agent);
    if (agent === undefined) {
      return {
        ok: false,
        field: 'agent',
        message: `unknown agent "${filter.agent}"; known agents: ${kb.agents
          .map((a) => a.id)
          .sort()
          .join(', ')}`,
      };
    }
    studies = studies.filter(
      (s) => s.agents.includes(agent.id) || s.arms.some((arm) => arm.agents.includes(agent.id)),
    );
  }
  return { ok: true, studies };
}

/** Finds a study by id, name or alias (case-insensitive). */
export function findStudy(kb: Kb, key: string): Study | undefined {
  const k = key.trim().toLowerCase();
  return (
    kb.studies.find((s) => s.id === k) ??
    kb.studies.find((s) => s.name.toLowerCase() === k || s.aliases.some((a) => a.toLowerCase() === k))
  );
}

/** Closest study ids to a misspelled key, for "did you mean". */
export function suggestStudies(kb: Kb, key: string, max = 3): string[] {
  const k = key.toLowerCase();
  return kb.studies
    .map((s) => ({ id: s.id, d: distance(k, s.id) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .filter((x) => x.d <= Math.max(3, k.length / 2))
    .map((x) => x.id);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** A note the knowledge base records about the source: where it is inconsistent, unclear or silent. */
export interface SourceNote {
  readonly kind: 'study' | 'agent' | 'trial' | 'statement' | 'factor';
  readonly id: string;
  /** Where in the entity: `notes`, `outcomes.os-3y`, `population`, `approvals.2`. */
  readonly where: string;
  readonly note: string;
}

function studyNotes(s: Study): SourceNote[] {
  const out: SourceNote[] = s.notes.map((note) => ({
    kind: 'study' as const,
    id: s.id,
    where: 'notes',
    note,
  }));
  if (s.population.note !== undefined) {
    out.push({ kind: 'study', id: s.id, where: 'population', note: s.population.note });
  }
  for (const o of s.outcomes) {
    if (o.note !== undefined) {
      out.push({ kind: 'study', id: s.id, where: `outcomes.${o.id}`, note: o.note });
    }
  }
  return out;
}

function agentNotes(a: Agent): SourceNote[] {
  const out: SourceNote[] =
    a.note === undefined ? [] : [{ kind: 'agent', id: a.id, where: 'agent', note: a.note }];
  a.approvals.forEach((ap, i) => {
    if (ap.note !== undefined) {
      out.push({ kind: 'agent', id: a.id, where: `approvals.${i}`, note: ap.note });
    }
  });
  return out;
}

/** Every note on every fact, in knowledge-base order. */
export function sourceNotes(kb: Kb): SourceNote[] {
  const one = (kind: SourceNote['kind'], id: string, note: string | undefined): SourceNote[] =>
    note === undefined ? [] : [{ kind, id, where: kind, note }];
  return [
    ...kb.studies.flatMap(studyNotes),
    ...kb.agents.flatMap(agentNotes),
    ...kb.trials.flatMap((t) => one('trial', t.nct, t.note)),
    ...kb.statements.flatMap((s) => one('statement', s.id, s.note)),
    ...kb.factors.flatMap((f) => one('factor', f.id, f.note)),
  ];
}
