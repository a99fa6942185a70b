/**
 * The data behind the plots, read from the knowledge base: every hazard ratio (forest plot) and every rate of one
 * endpoint at one timepoint (cross-trial comparison). Pure, so what is plotted is unit-tested.
 * @module
 */
import type { Kb, Outcome, Study } from '../contract.js';

export interface HazardRatio {
  readonly key: string;
  readonly study: Study;
  readonly outcome: Outcome;
  /** The row label: study, endpoint and timepoint, subgroup. */
  readonly label: string;
  readonly comparison: string;
  /** The arm a hazard ratio below 1 favours (fewer events), and the arm one above 1 favours, where both are named. */
  readonly favours?: { readonly below: string; readonly above: string } | undefined;
  readonly hr: number;
  readonly lower: number | undefined;
  readonly upper: number | undefined;
  readonly hasCi: boolean;
}

function armLabel(study: Study, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (study.arms.find((a) => a.id === id)?.label ?? id);
}

/** Every outcome with measure `hazard-ratio`, in knowledge-base order. */
export function hazardRatios(kb: Kb): HazardRatio[] {
  return uniqueLabels(
    kb.studies.flatMap((study) =>
      study.outcomes
        .filter((o) => o.measure === 'hazard-ratio')
        .map((o) => {
          const endpoint = `${o.label ?? o.endpoint}${o.timepoint === undefined ? '' : ` ${o.timepoint}`}`;
          const arm = armLabel(study, o.arm);
          const versus = armLabel(study, o.versus);
          return {
            key: `${study.id}/${o.id}`,
            study,
            outcome: o,
            label: `${study.name} · ${endpoint}${o.subgroup === undefined ? '' : ` · ${o.subgroup}`}`,
            comparison: arm === undefined ? '' : `${arm}${versus === undefined ? '' : ` vs ${versus}`}`,
            favours: arm === undefined || versus === undefined ? undefined : { below: arm, above: versus },
            hr: o.value,
            lower: o.ci?.lower,
            upper: o.ci?.upper,
            hasCi: o.ci !== undefined,
          };
        }),
    ),
  );
}

export interface EndpointChoice {
  /** `endpoint|timepoint` (timepoint may be empty). */
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

function endpointKey(o: Outcome): string {
  return `${o.endpoint === 'other' ? (o.label ?? 'other') : o.endpoint}|${o.timepoint ?? ''}`;
}

function comparable(o: Outcome): boolean {
  return o.measure === 'rate' && o.unit === '%';
}

/** Endpoints reported as a percentage by at least two studies, most reported first. */
export function endpointChoices(kb: Kb): EndpointChoice[] {
  const studies = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const s of kb.studies) {
    for (const o of s.outcomes.filter(comparable)) {
      const k = endpointKey(o);
      studies.set(k, (studies.get(k) ?? new Set()).add(s.id));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return [...studies.entries()]
    .filter(([, s]) => s.size >= 2)
    .map(([key, s]) => {
      const [endpoint, timepoint] = key.split('|');
      return {
        key,
        label: `${timepoint === '' || timepoint === undefined ? '' : `${timepoint} `}${endpoint} (${s.size} studies, ${counts.get(key) ?? 0} figures)`,
        count: s.size,
      };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export interface Rate {
  readonly key: string;
  readonly study: Study;
  readonly outcome: Outcome;
  readonly label: string;
  readonly group: 'experimental arm' | 'control arm' | 'whole cohort or subgroup';
  readonly value: number;
  /** The 95% CI when the review gives one. */
  readonly lower?: number | undefined;
  readonly upper?: number | undefined;
}

/** The Ph status of a study's cohort in words, when the review states it. */
function phWords(study: Study): string | undefined {
  return study.ph === 'positive' ? 'Ph-positive' : study.ph === 'negative' ? 'Ph-negative' : undefined;
}

/**
 * Labels made unique in words a clinician reads, never an id: a repeated label first gets its cohort's Ph status
 * (two cohorts of one trial), and figures that still share a label are numbered ("figure 1 of 2").
 */
function uniqueLabels<T extends { readonly label: string; readonly study: Study }>(rows: T[]): T[] {
  const count = (xs: readonly T[]): Map<string, number> => {
    const seen = new Map<string, number>();
    for (const r of xs) {
      seen.set(r.label, (seen.get(r.label) ?? 0) + 1);
    }
    return seen;
  };
  const phsOf = new Map<string, Set<string | undefined>>();
  for (const r of rows) {
    phsOf.set(r.label, (phsOf.get(r.label) ?? new Set()).add(phWords(r.study)));
  }
  const byPh = rows.map((r) => {
    const ph = phWords(r.study);
    return (phsOf.get(r.label)?.size ?? 0) > 1 && ph !== undefined
      ? { ...r, label: `${r.label} · ${ph}` }
      : r;
  });
  const second = count(byPh);
  const nth = new Map<string, number>();
  return byPh.map((r) => {
    const total = second.get(r.label) ?? 0;
    if (total <= 1) {
      return r;
    }
    const n = (nth.get(r.label) ?? 0) + 1;
    nth.set(r.label, n);
    return { ...r, label: `${r.label} · figure ${n} of ${total}` };
  });
}

/**
 * A label cut to `max` characters for an axis (the table beside the plot has it whole). The cut is in the middle,
 * so the study name at the start and the arm or subgroup at the end both stay and distinct labels stay distinct.
 */
export function shortLabel(label: string, max = 58): string {
  if (label.length <= max) {
    return label;
  }
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${label.slice(0, head)}…${label.slice(label.length - tail)}`;
}

/** Every percentage reported for one endpoint at one timepoint, one per outcome. */
export function ratesFor(kb: Kb, key: string): Rate[] {
  return uniqueLabels(
    kb.studies.flatMap((study) =>
      study.outcomes
        .filter((o) => comparable(o) && endpointKey(o) === key)
        .map((o) => {
          const arm = study.arms.find((a) => a.id === o.arm);
          const group =
            arm === undefined
              ? 'whole cohort or subgroup'
              : arm.control === true
                ? 'control arm'
                : 'experimental arm';
          const parts = [study.name, arm?.label, o.subgroup].filter((p): p is string => p !== undefined);
          return {
            key: `${study.id}/${o.id}`,
            study,
            outcome: o,
            label: parts.join(' · '),
            group,
            value: o.value,
            lower: o.ci?.lower,
            upper: o.ci?.upper,
          };
        }),
    ),
  );
}
