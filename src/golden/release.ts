/**
 * A knowledge-base release as `frontline kb diff` compares it: every rule, alert, study, agent and trial in a
 * clinician's words, and the decision of every golden-corpus patient, as that version gave it. Committed as
 * `kb/releases/<version>.json` when a version is released (`npm run kb:release`), so a later version can be compared
 * with it even after the schema or the engine has moved on. The zod schema is the type.
 * @module
 */
import { z } from 'zod';
import type { CompiledKb } from '../engine/index.js';
import type { Kb } from '../kb/core.js';
import { kbCounts } from '../kb/query.js';
import { contentHash } from '../kb/version.js';
import { valueLabel } from '../profile/labels.js';
import { decideTolerant } from './decide.js';
import type { GoldenProfile } from './generate.js';
import { canonicalProfile } from './profile-json.js';
import { conditionWords, criterionWords } from './words.js';

export const RELEASE_FORMAT = 'frontline-kb-release/1';

const Words = z.array(z.string()).readonly();

export const RuleSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    /** The strength in words ("recommended", "not recommended"). */
    strength: z.string(),
    phase: z.string(),
    /** The question the option answers, in words (absent in versions before questions). */
    question: z.string().optional(),
    agents: Words,
    trials: Words,
    /** The patients the rule applies to: each top-level condition in words. */
    who: Words,
    /** The studies (by name) and the authors' statements the option rests on. */
    evidence: Words,
    /** The warnings shown with the option, in words. */
    warnings: Words,
    /** Where the option reaches past its studies, in words. */
    extrapolation: Words,
  })
  .strict();
export type RuleSummary = z.infer<typeof RuleSummary>;

export const AlertSummary = z
  .object({ id: z.string(), text: z.string(), who: Words, studies: Words })
  .strict();
export type AlertSummary = z.infer<typeof AlertSummary>;

export const Named = z
  .object({
    id: z.string(),
    name: z.string(),
    /**
     * A fingerprint of each field of the record (field name → hash of its content), so `kb diff` can name the fields
     * of a study, agent or trial that changed. Absent in releases made before it was recorded.
     */
    fields: z.record(z.string(), z.string()).readonly().optional(),
  })
  .strict();
export type Named = z.infer<typeof Named>;

export const DecisionSnapshotSchema = z
  .object({
    id: z.string(),
    options: Words,
    pending: Words,
    optionWarnings: z.record(z.string(), Words).readonly(),
    warnings: Words,
    missing: Words,
    outsideEvidence: Words.optional(),
    extrapolation: z.record(z.string(), Words).readonly().optional(),
  })
  .strict();

export const CorpusEntry = z
  .object({
    profile: z.record(z.string(), z.unknown()).readonly(),
    decision: DecisionSnapshotSchema,
  })
  .strict();
export type CorpusEntry = z.infer<typeof CorpusEntry>;

export const KbSummary = z
  .object({
    version: z.string(),
    counts: z.record(z.string(), z.number()),
    rules: z.array(RuleSummary),
    alerts: z.array(AlertSummary),
    studies: z.array(Named),
    agents: z.array(Named),
    trials: z.array(Named),
    /** Warning and alert codes in words (what a decision's codes mean). */
    codes: z.record(z.string(), z.string()).readonly(),
    /**
     * A fingerprint of each part of the knowledge base (studies, statements, references, terminology, ...), so
     * `kb diff` names every part that changed, including those it does not compare item by item. Absent in releases
     * made before it was recorded.
     */
    parts: z.record(z.string(), z.string()).readonly().optional(),
  })
  .strict();
export type KbSummary = z.infer<typeof KbSummary>;

export const KbRelease = KbSummary.extend({
  format: z.literal(RELEASE_FORMAT),
  /** The day the version was released (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The release before it, if any. */
  previous: z.string().optional(),
  /** How the corpus decisions were made, when not by this project's own engine at that version. */
  note: z.string().optional(),
  /** Each golden-corpus patient of that version with its decision. */
  corpus: z.array(CorpusEntry),
}).strict();
export type KbRelease = z.infer<typeof KbRelease>;

/** The parts of a knowledge base a summary reads; fields later versions added are optional. */
export type SummarisableKb = Pick<
  Kb,
  'version' | 'studies' | 'agents' | 'trials' | 'statements' | 'factors' | 'alerts'
> & {
  readonly recommendations: readonly (Omit<Kb['recommendations'][number], 'question' | 'extrapolation'> &
    Partial<Pick<Kb['recommendations'][number], 'question' | 'extrapolation'>>)[];
  readonly questions?: Kb['questions'];
};

/** Each field of a record with a hash of its content. */
function fingerprint(record: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, contentHash(v)]),
  );
}

/** Every rule, alert, study, agent and trial of a knowledge base, in words. */
export function summariseKb(kb: SummarisableKb): KbSummary {
  const studyName = new Map(kb.studies.map((s) => [s.id, s.name]));
  const agentName = new Map(kb.agents.map((a) => [a.id, a.name]));
  const questionTitle = new Map((kb.questions ?? []).map((q) => [q.id, q.title]));
  const rules = kb.recommendations.map((r): RuleSummary => {
    const question = r.question === undefined ? undefined : (questionTitle.get(r.question) ?? r.question);
    return {
      id: r.id,
      title: r.title,
      strength: valueLabel(r.strength),
      phase: valueLabel(r.phase),
      ...(question === undefined ? {} : { question }),
      agents: r.agents.map((a) => agentName.get(a) ?? a),
      trials: [...r.trials],
      who: conditionWords(r.when),
      evidence: [
        ...new Set(
          r.evidence.map((e) =>
            e.study !== undefined
              ? (studyName.get(e.study) ?? e.study)
              : `the authors: “${e.quote.length > 90 ? `${e.quote.slice(0, 87)}…` : e.quote}”`,
          ),
        ),
      ],
      warnings: r.warnings.map((w) =>
        w.when === undefined ? w.text : `${w.text} (when ${criterionWords(w.when)})`,
      ),
      extrapolation: (r.extrapolation ?? []).map((x) => x.text),
    };
  });
  const alerts = kb.alerts.map(
    (a): AlertSummary => ({
      id: a.code,
      text: a.text,
      who: conditionWords(a.when),
      studies: (a.studies ?? []).map((s) => studyName.get(s) ?? s),
    }),
  );
  return {
    version: kb.version,
    counts: { ...kbCounts(kb), alerts: kb.alerts.length },
    rules,
    alerts,
    studies: kb.studies.map((s) => ({ id: s.id, name: s.name, fields: fingerprint(s) })),
    agents: kb.agents.map((a) => ({ id: a.id, name: a.name, fields: fingerprint(a) })),
    trials: kb.trials.map((t) => ({ id: t.nct, name: t.name ?? t.nct, fields: fingerprint(t) })),
    parts: fingerprint(Object.fromEntries(Object.entries(kb).filter(([k]) => k !== 'version'))),
    codes: Object.fromEntries([
      ...kb.recommendations.flatMap((r) => r.warnings.map((w): [string, string] => [w.code, w.text])),
      ...kb.alerts.map((a): [string, string] => [a.code, a.text]),
      // Versions before class risks have none (the field is read as possibly absent).
      ...kb.agents.flatMap((a) =>
        ((a as { classRisks?: Kb['agents'][number]['classRisks'] }).classRisks ?? []).map(
          (r): [string, string] => [r.code, r.text],
        ),
      ),
    ]),
  };
}

/** The corpus with each patient's decision (profiles the parser rejects are left out). */
export function corpusOf(profiles: readonly GoldenProfile[], ckb: CompiledKb): CorpusEntry[] {
  const decisions = decideTolerant(profiles, ckb);
  return profiles.flatMap((p, i) => {
    const d = decisions[i];
    return d === undefined ? [] : [{ profile: canonicalProfile(p.profile), decision: d }];
  });
}

/** The release record of a knowledge base. */
export function makeRelease(
  kb: Kb,
  ckb: CompiledKb,
  profiles: readonly GoldenProfile[],
  meta: { readonly date: string; readonly previous?: string | undefined },
): KbRelease {
  return {
    format: RELEASE_FORMAT,
    ...summariseKb(kb),
    date: meta.date,
    ...(meta.previous === undefined ? {} : { previous: meta.previous }),
    corpus: corpusOf(profiles, ckb),
  };
}

/** A release file's text: the summary pretty, one corpus patient per line (reviewable, diff-friendly). */
export function releaseText(r: KbRelease): string {
  const { corpus, ...head } = r;
  const headText = JSON.stringify(head, null, 2);
  const lines = corpus.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `${headText.slice(0, -2)},\n  "corpus": [\n${lines}\n  ]\n}\n`;
}

/** Parses a release file; the error names the first field that is wrong. */
export function parseRelease(text: string, file: string): KbRelease {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not JSON`);
  }
  const r = KbRelease.safeParse(v);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(
      `${file}: not a knowledge-base release (${RELEASE_FORMAT}): ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`,
    );
  }
  return r.data;
}
