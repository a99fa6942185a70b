/**
 * Decision → CDS Hooks cards. One card per applicable option (its own uuid, so feedback and the audit speak of one
 * option), one card per patient-level alert, and one card for what is missing (unknown facts, options pending on
 * them, boundaries and data conflicts). Cards are ordered as the decision orders options: strongest first.
 * @module
 */

import type { Decision, Option, PatientWarning } from '../engine/index.js';
import type { Kb } from '../kb/index.js';
import { fieldLabel } from '../profile/labels.js';
import type { Card, Indicator, Link } from './card.js';
import { dataDetail, footer, optionDetail } from './card-detail.js';
import { STRENGTH_INDICATOR, STRENGTH_WORDS } from './indicator.js';
import { md, refsText } from './markdown.js';
import { OVERRIDE_REASONS } from './override-reasons.js';
import { aboutUrl, patientViewUrl, studyUrl, trialUrl } from './patient-link.js';
import { fitSummary } from './summary.js';

/** What card rendering needs besides the decision. */
export interface CardContext {
  /** Public base URL of this Frontline server (links must be absolute). */
  readonly baseUrl: string;
  /** A fresh card uuid. */
  readonly newId: () => string;
}

/** A card and what it is about: the option id (or `alert:<code>`, or `data`) the audit records. */
export interface RenderedCard {
  readonly card: Card;
  readonly kind: 'option' | 'alert' | 'data';
  readonly subject: string;
}

/** What every card of a knowledge base shares, computed once per knowledge base (not per card, per call). */
interface KbCardParts {
  readonly sourceName: string;
  readonly studyIds: ReadonlySet<string>;
}

const KB_PARTS = new WeakMap<Kb, KbCardParts>();

function kbParts(kb: Kb): KbCardParts {
  let parts = KB_PARTS.get(kb);
  if (parts === undefined) {
    const primary = kb.sources.find((s) => s.primary === true) ?? kb.sources[0];
    const names = primary?.authors.map((a) => a.split(/\s+/).at(-1) ?? a);
    parts = {
      sourceName: primary === undefined ? 'the review' : `${names?.join(' & ')} ${primary.year} review`,
      studyIds: new Set(kb.studies.map((s) => s.id)),
    };
    KB_PARTS.set(kb, parts);
  }
  return parts;
}

/** The review as a card source: "Dias & Litzow 2025 review". */
export function sourceName(kb: Kb): string {
  return kbParts(kb).sourceName;
}

function uniqueSorted(refs: Iterable<number>): number[] {
  return [...new Set(refs)].sort((a, b) => a - b);
}

function sourceOf(kb: Kb, refs: Iterable<number>, ctx: CardContext): Card['source'] {
  const r = refsText(uniqueSorted(refs));
  return { label: `${sourceName(kb)}${r === '' ? '' : `, ${r}`}`, url: aboutUrl(ctx.baseUrl) };
}

/** The patient-view link of a decision, built once per decision (every card of a call carries it). */
const PATIENT_LINKS = new WeakMap<Decision, { readonly base: string; readonly url: string }>();

function patientLink(decision: Decision, ctx: CardContext): string {
  const cached = PATIENT_LINKS.get(decision);
  if (cached !== undefined && cached.base === ctx.baseUrl) {
    return cached.url;
  }
  const url = patientViewUrl(ctx.baseUrl, decision.profile);
  PATIENT_LINKS.set(decision, { base: ctx.baseUrl, url });
  return url;
}

function optionLinks(o: Option, decision: Decision, kb: Kb, ctx: CardContext): Link[] {
  const known = kbParts(kb).studyIds;
  const studies = new Map<string, string>();
  for (const e of [...o.evidence, ...o.keyNumbers]) {
    if (known.has(e.study)) {
      studies.set(e.study, e.studyName);
    }
  }
  return [
    {
      label: 'Open in Frontline (all options for this patient)',
      url: patientLink(decision, ctx),
      type: 'absolute',
    },
    ...[...studies].map(
      ([id, name]): Link => ({ label: `Study: ${name}`, url: studyUrl(ctx.baseUrl, id), type: 'absolute' }),
    ),
    ...o.trials.map(
      (nct): Link => ({ label: `Trial ${nct} (ClinicalTrials.gov)`, url: trialUrl(nct), type: 'absolute' }),
    ),
  ];
}

/**
 * The card for one option.
 * @param indicator - overrides the strength's indicator (order-select raises not-recommended to critical)
 * @param prefix - words put before the summary (order-select names the drafted agent)
 */
export function optionCard(
  o: Option,
  decision: Decision,
  kb: Kb,
  ctx: CardContext,
  indicator: Indicator = STRENGTH_INDICATOR[o.strength],
  prefix = '',
): RenderedCard {
  const refs = [...o.evidence.flatMap((e) => e.refs), ...o.statements.flatMap((s) => s.refs)];
  return {
    kind: 'option',
    subject: o.id,
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(`${prefix}${STRENGTH_WORDS[o.strength]}: ${o.title}`),
      detail: optionDetail(o, decision, sourceName(kb)),
      indicator,
      source: sourceOf(kb, refs, ctx),
      overrideReasons: [...OVERRIDE_REASONS],
      links: optionLinks(o, decision, kb, ctx),
    },
  };
}

function alertCard(w: PatientWarning, decision: Decision, kb: Kb, ctx: CardContext): RenderedCard {
  const detail = [
    `⚠ ${md(w.text)}${w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''}`,
    ...(w.quote === undefined ? [] : ['', `> “${md(w.quote)}”`, `> — ${sourceName(kb)}`]),
    ...footer(decision, sourceName(kb)),
  ].join('\n');
  return {
    kind: 'alert',
    subject: `alert:${w.code}`,
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(`Warning: ${w.text}`),
      detail,
      indicator: 'warning',
      source: sourceOf(kb, w.refs, ctx),
      overrideReasons: [...OVERRIDE_REASONS],
      links: [{ label: 'Open in Frontline', url: patientLink(decision, ctx), type: 'absolute' }],
    },
  };
}

function dataSummary(decision: Decision): string {
  if (decision.missing.length === 0) {
    return 'Check the boundaries and data notes before relying on these options';
  }
  const fields = decision.missing.map((m) => fieldLabel(m.field)).join(', ');
  return `Unknown facts would change the options: ${fields}`;
}

function dataCard(decision: Decision, kb: Kb, ctx: CardContext): RenderedCard | undefined {
  const notes = decision.warnings.filter((w) => w.kind !== 'alert');
  if (decision.missing.length === 0 && decision.pending.length === 0 && notes.length === 0) {
    return undefined;
  }
  // A boundary (the review's thresholds leave a gap) or a data conflict needs reading before acting: warning.
  const indicator: Indicator = notes.length > 0 ? 'warning' : 'info';
  return {
    kind: 'data',
    subject: 'data',
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(dataSummary(decision)),
      detail: dataDetail(decision, sourceName(kb)),
      indicator,
      source: sourceOf(
        kb,
        notes.flatMap((w) => w.refs),
        ctx,
      ),
      overrideReasons: [...OVERRIDE_REASONS],
      links: [{ label: 'Open in Frontline', url: patientLink(decision, ctx), type: 'absolute' }],
    },
  };
}

/**
 * All cards for a decision (patient-view).
 * @param decision - the engine's decision
 * @param kb - the knowledge base it came from (source name, study pages)
 * @param ctx - base URL and uuid source
 * @example
 *   const cards = decisionCards(evaluate(profile, ckb), ckb.kb, { baseUrl: 'https://frontline.example', newId: randomUUID });
 */
export function decisionCards(decision: Decision, kb: Kb, ctx: CardContext): RenderedCard[] {
  const data = dataCard(decision, kb, ctx);
  return [
    ...decision.options.map((o) => optionCard(o, decision, kb, ctx)),
    ...decision.warnings.filter((w) => w.kind === 'alert').map((w) => alertCard(w, decision, kb, ctx)),
    ...(data === undefined ? [] : [data]),
  ];
}
