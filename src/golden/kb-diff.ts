/**
 * What changed between two knowledge-base versions, for `frontline kb diff` and the changelog: rules and alerts
 * added, removed or changed (field by field, in words), studies, agents and trials added, removed or changed (the
 * fields that differ, by name, where both releases recorded field fingerprints), and the golden-corpus patients
 * whose decision changed, grouped by what changed for them. Pure: both sides come in whole.
 * @module
 */
import { fieldLabel, valueLabel } from '../profile/labels.js';
import { type ChangeKind, changesBetween } from './changes.js';
import type { JsonProfile } from './profile-json.js';
import type { AlertSummary, CorpusEntry, KbSummary, Named, RuleSummary } from './release.js';
import type { DecisionSnapshot } from './snapshot.js';
import { profileWords } from './words.js';

/** One side of a comparison: a release file, or a knowledge base this version can evaluate. */
export interface DiffSide {
  /** Where it came from, in words: "release 2026-12-02", "working copy kb/", "git HEAD~1". */
  readonly label: string;
  readonly summary: KbSummary;
  readonly corpus: readonly CorpusEntry[];
  /** Decides patients outside its own corpus (a live knowledge base); a release file cannot. */
  readonly decide?: (profiles: readonly JsonProfile[]) => readonly (DecisionSnapshot | undefined)[];
}

export interface FieldChange {
  readonly field: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface ItemChange {
  readonly id: string;
  readonly title: string;
  readonly changes: readonly FieldChange[];
}

export interface Changes<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

/** A study, agent or trial in both versions whose fields differ: the fields added, removed and changed, by name. */
export interface NamedChange {
  readonly id: string;
  readonly name: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export type NamedChanges = Changes<Named> & { readonly changed: readonly NamedChange[] };

export interface PatientGroup {
  readonly kind: ChangeKind;
  /** A rule id, warning code or field. */
  readonly subject: string;
  /** The subject in words: a rule's title, a warning's text, a field's label. */
  readonly subjectWords: string;
  readonly what: string;
  readonly patients: number;
  /** Up to three of the patients, in words. */
  readonly examples: readonly string[];
}

export interface KbDiff {
  readonly from: { readonly version: string; readonly label: string };
  readonly to: { readonly version: string; readonly label: string };
  readonly counts: {
    readonly from: Readonly<Record<string, number>>;
    readonly to: Readonly<Record<string, number>>;
  };
  readonly rules: Changes<RuleSummary> & { readonly changed: readonly ItemChange[] };
  readonly alerts: Changes<AlertSummary> & { readonly changed: readonly ItemChange[] };
  readonly studies: NamedChanges;
  readonly agents: NamedChanges;
  readonly trials: NamedChanges;
  readonly patients: {
    /** Patients decided by both sides. */
    readonly compared: number;
    /** Patients only one side could decide (a release file's corpus, a profile a version rejects). */
    readonly notCompared: number;
    readonly changed: number;
    readonly groups: readonly PatientGroup[];
  };
  /**
   * The parts of the knowledge base (studies, statements, references, ...) whose content differs, when both sides
   * recorded a fingerprint of each part; `compared` is false when one side is a release made before that.
   */
  readonly parts: { readonly compared: boolean; readonly changed: readonly string[] };
  /** True when nothing above changed (and, where parts were not compared, the versions are the same). */
  readonly same: boolean;
}

const RULE_FIELDS = [
  'title',
  'strength',
  'phase',
  'question',
  'agents',
  'trials',
  'who',
  'evidence',
  'warnings',
  'extrapolation',
] as const satisfies readonly (keyof RuleSummary)[];

const ALERT_FIELDS = ['text', 'who', 'studies'] as const satisfies readonly (keyof AlertSummary)[];

function asList(v: string | readonly string[] | undefined): readonly string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

function fieldChanges<T>(a: T, b: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.flatMap((field) => {
    const before = asList(a[field] as string | readonly string[] | undefined);
    const after = asList(b[field] as string | readonly string[] | undefined);
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    return added.length + removed.length === 0 ? [] : [{ field, added, removed }];
  });
}

function byId<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function itemChanges<T extends { readonly id: string }>(
  a: readonly T[],
  b: readonly T[],
  fields: readonly (keyof T & string)[],
  title: (x: T) => string,
): Changes<T> & { changed: ItemChange[] } {
  const before = byId(a);
  const after = byId(b);
  const changed = b.flatMap((x) => {
    const was = before.get(x.id);
    if (was === undefined) {
      return [];
    }
    const changes = fieldChanges(was, x, fields);
    return changes.length === 0 ? [] : [{ id: x.id, title: title(x), changes }];
  });
  return {
    added: b.filter((x) => !before.has(x.id)),
    removed: a.filter((x) => !after.has(x.id)),
    changed,
  };
}

type Fingerprints = Readonly<Record<string, string>>;

/** The keys of two fingerprint maps that were added, removed or whose hash changed. */
function fingerprintDiff(
  before: Fingerprints,
  after: Fingerprints,
): Pick<NamedChange, 'added' | 'removed' | 'changed'> {
  return {
    added: Object.keys(after).filter((f) => !(f in before)),
    removed: Object.keys(before).filter((f) => !(f in after)),
    changed: Object.keys(after).filter((f) => f in before && before[f] !== after[f]),
  };
}

/** The fields of a record in both versions that differ; none when either side recorded no fingerprints. */
function namedChange(was: Named, now: Named): NamedChange | undefined {
  if (was.fields === undefined || now.fields === undefined) {
    return undefined;
  }
  const d = fingerprintDiff(was.fields, now.fields);
  return d.added.length + d.removed.length + d.changed.length === 0
    ? undefined
    : { id: now.id, name: now.name, ...d };
}

function partChanges(a: Fingerprints | undefined, b: Fingerprints | undefined): KbDiff['parts'] {
  if (a === undefined || b === undefined) {
    return { compared: false, changed: [] };
  }
  const d = fingerprintDiff(a, b);
  return { compared: true, changed: [...d.added, ...d.removed, ...d.changed].sort() };
}

function namedChanges(a: readonly Named[], b: readonly Named[]): NamedChanges {
  const before = byId(a);
  const after = byId(b);
  return {
    added: b.filter((x) => !before.has(x.id)),
    removed: a.filter((x) => !after.has(x.id)),
    changed: b.flatMap((x) => {
      const was = before.get(x.id);
      const change = was === undefined ? undefined : namedChange(was, x);
      return change === undefined ? [] : [change];
    }),
  };
}

interface Pair {
  readonly profile: JsonProfile;
  a?: DecisionSnapshot | undefined;
  b?: DecisionSnapshot | undefined;
}

/** Every patient of either corpus, with each side's decision where that side has or can make one. */
function pairs(from: DiffSide, to: DiffSide): Pair[] {
  const all = new Map<string, Pair>();
  const add = (entries: readonly CorpusEntry[], side: 'a' | 'b'): void => {
    for (const e of entries) {
      const key = JSON.stringify(e.profile);
      const pair = all.get(key) ?? { profile: e.profile };
      pair[side] = e.decision;
      all.set(key, pair);
    }
  };
  add(from.corpus, 'a');
  add(to.corpus, 'b');
  const list = [...all.values()];
  const fill = (side: 'a' | 'b', decide: DiffSide['decide']): void => {
    if (decide === undefined) {
      return;
    }
    const todo = list.filter((p) => p[side] === undefined);
    const made = decide(todo.map((p) => p.profile));
    todo.forEach((p, i) => {
      p[side] = made[i];
    });
  };
  fill('a', from.decide);
  fill('b', to.decide);
  return list;
}

function subjectWords(subject: string, kind: ChangeKind, from: KbSummary, to: KbSummary): string {
  const rule = to.rules.find((r) => r.id === subject) ?? from.rules.find((r) => r.id === subject);
  if (rule !== undefined) {
    return rule.title;
  }
  if (kind === 'missing-gained' || kind === 'missing-lost') {
    return fieldLabel(subject);
  }
  return to.codes[subject] ?? from.codes[subject] ?? subject;
}

/** Codes in `what` ("warning blinatumomab.crs gained") and strengths ("not-recommended") read in words. */
function whatWords(what: string, from: KbSummary, to: KbSummary): string {
  const strengths = what.replace(/\b(not-recommended)\b/g, (s) => valueLabel(s));
  return strengths.replace(
    /\b(warning) ([a-z0-9-]+(?:\.[a-z0-9-]+)+)( \(may apply\))?/g,
    (whole, w, code, may) => {
      const text = to.codes[code] ?? from.codes[code];
      return text === undefined ? whole : `${w} “${text}”${may ?? ''}`;
    },
  );
}

/** Compares two knowledge-base versions. */
export function diffKb(from: DiffSide, to: DiffSide): KbDiff {
  const rules = itemChanges(from.summary.rules, to.summary.rules, RULE_FIELDS, (r) => r.title);
  const alerts = itemChanges(from.summary.alerts, to.summary.alerts, ALERT_FIELDS, (a) => a.text);
  const studies = namedChanges(from.summary.studies, to.summary.studies);
  const agents = namedChanges(from.summary.agents, to.summary.agents);
  const trials = namedChanges(from.summary.trials, to.summary.trials);

  const groups = new Map<
    string,
    { kind: ChangeKind; subject: string; what: string; profiles: JsonProfile[] }
  >();
  let compared = 0;
  let notCompared = 0;
  let changed = 0;
  for (const p of pairs(from, to)) {
    if (p.a === undefined || p.b === undefined) {
      notCompared++;
      continue;
    }
    compared++;
    const changes = changesBetween(p.a, p.b);
    if (changes.length > 0) {
      changed++;
    }
    for (const c of changes) {
      const key = `${c.kind}\u0000${c.subject}\u0000${c.what}`;
      const g = groups.get(key) ?? { kind: c.kind, subject: c.subject, what: c.what, profiles: [] };
      g.profiles.push(p.profile);
      groups.set(key, g);
    }
  }
  const patientGroups = [...groups.values()]
    .map(
      (g): PatientGroup => ({
        kind: g.kind,
        subject: g.subject,
        subjectWords: subjectWords(g.subject, g.kind, from.summary, to.summary),
        what: whatWords(g.what, from.summary, to.summary),
        patients: g.profiles.length,
        examples: g.profiles.slice(0, 3).map(profileWords),
      }),
    )
    .sort((x, y) => y.patients - x.patients || (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0));

  const nothing = [rules, alerts].every((c) => c.added.length + c.removed.length + c.changed.length === 0);
  const noNames = [studies, agents, trials].every(
    (c) => c.added.length + c.removed.length + c.changed.length === 0,
  );
  const parts = partChanges(from.summary.parts, to.summary.parts);
  const partsSame = parts.compared ? parts.changed.length === 0 : from.summary.version === to.summary.version;
  return {
    from: { version: from.summary.version, label: from.label },
    to: { version: to.summary.version, label: to.label },
    counts: { from: from.summary.counts, to: to.summary.counts },
    rules,
    alerts,
    studies,
    agents,
    trials,
    patients: { compared, notCompared, changed, groups: patientGroups },
    parts,
    same: nothing && noNames && changed === 0 && partsSame,
  };
}
