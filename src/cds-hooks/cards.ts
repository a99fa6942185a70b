/**
 * Decision → CDS Hooks cards a busy clinician reads (patient-view): one summary card (the options the review
 * supports, the outside-evidence sentence, alerts and data notes, the key missing test, with a suggestion per
 * settling test), then at most one card per recommended or supported option (its own uuid, so feedback and the audit
 * speak of one option), at most `MAX_OPTION_CARDS`. Everything else is in the app behind the link. Not-recommended
 * options appear only when their agent is being ordered (order-select, order-sign).
 * @module
 */

import type { Decision, Option, PatientWarning } from '../engine/index.js';
import type { Kb } from '../kb/index.js';
import type { Card, Indicator, Link } from './card.js';
import { footer } from './card-detail.js';
import { capDetail } from './detail-cap.js';
import { STRENGTH_INDICATOR, STRENGTH_MEANING, STRENGTH_WORDS } from './indicator.js';
import { md, refsText } from './markdown.js';
import { OVERRIDE_REASONS } from './override-reasons.js';
import { aboutUrl, patientViewUrl, studyUrl, trialUrl } from './patient-link.js';
import { factLabel, plain } from './plain.js';
import { smartLink } from './smart-link.js';
import { testSuggestions } from './suggestions.js';
import { fitSummary } from './summary.js';

/** What card rendering needs besides the decision. */
export interface CardContext {
  /** Public base URL of this Frontline server (links must be absolute). */
  readonly baseUrl: string;
  /** A fresh card uuid. */
  readonly newId: () => string;
  /** The patient of the call (`context.patientId`): the subject of suggested orders. */
  readonly patientId?: string | undefined;
  /** The SMART launch URL of the Frontline app, when EHR launch is configured: cards then carry a `smart` link. */
  readonly smartLaunchUrl?: string | undefined;
}

/** At most this many option cards in patient-view; the rest are in the app. */
export const MAX_OPTION_CARDS = 3;

/** Strengths that earn their own card in patient-view. */
const CARD_STRENGTHS: ReadonlySet<Option['strength']> = new Set(['recommended', 'supported']);

/** A card and what it is about: the option id (or `alert:<code>`, or `data`) the audit records. */
export interface RenderedCard {
  readonly card: Card;
  readonly kind: 'option' | 'alert' | 'data' | 'summary';
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

/** The way into the full view: the SMART launch (when configured) and the plain patient view link. */
export function appLinks(decision: Decision, ctx: CardContext, optionId?: string): Link[] {
  const smart = ctx.smartLaunchUrl === undefined ? [] : [smartLink(ctx.smartLaunchUrl, decision, optionId)];
  return [
    ...smart,
    {
      label: 'Open in Frontline (all options for this patient)',
      url: patientLink(decision, ctx),
      type: 'absolute',
    },
  ];
}

/** The app page with every option of this decision (for "more in Frontline"). */
export function moreUrl(decision: Decision, ctx: CardContext): string {
  return patientLink(decision, ctx);
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
    ...appLinks(decision, ctx, o.id),
    ...[...studies].map(
      ([id, name]): Link => ({ label: `Study: ${name}`, url: studyUrl(ctx.baseUrl, id), type: 'absolute' }),
    ),
    ...o.trials.map(
      (nct): Link => ({ label: `Trial ${nct} (ClinicalTrials.gov)`, url: trialUrl(nct), type: 'absolute' }),
    ),
  ];
}

/** An option's detail, in clinician words, most important first, capped (the app has the rest). */
function optionBody(o: Option): string[] {
  const outside =
    o.phase === 'relapsed-refractory' ? ' (relapsed/refractory evidence, outside frontline)' : '';
  const applying = o.warnings.filter((w) => w.applies === true);
  const statement = o.statements[0];
  const evidence = o.evidence[0];
  return [
    `**${STRENGTH_WORDS[o.strength]}** — ${STRENGTH_MEANING[o.strength]}${outside}.`,
    '',
    md(plain(o.rationale)),
    ...(applying.length === 0
      ? []
      : [
          '',
          '**Risks**',
          '',
          ...applying.map(
            (w) => `- ⚠ ${md(plain(w.text))}${w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''}`,
          ),
        ]),
    ...(o.keyNumbers.length === 0
      ? []
      : ['', '**Key numbers**', '', ...o.keyNumbers.slice(0, 3).map((k) => `- ${md(plain(k.text))}`)]),
    ...(statement === undefined
      ? evidence === undefined
        ? []
        : [
            '',
            `> “${md(plain(evidence.quote))}” — ${md(evidence.studyName)}${evidence.refs.length > 0 ? `, ${refsText(evidence.refs)}` : ''}`,
          ]
      : [
          '',
          `> “${md(plain(statement.quote))}” — the authors${statement.refs.length > 0 ? `, ${refsText(statement.refs)}` : ''}`,
        ]),
  ];
}

/**
 * The card for one option.
 * @param indicator - overrides the strength's indicator (order hooks raise not-recommended)
 * @param prefix - words put before the summary (order hooks name the drafted agent)
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
      summary: fitSummary(`${prefix}${STRENGTH_WORDS[o.strength]}: ${plain(o.title)}`),
      detail: capDetail(optionBody(o), footer(decision, sourceName(kb)), moreUrl(decision, ctx)),
      indicator,
      source: sourceOf(kb, refs, ctx),
      overrideReasons: [...OVERRIDE_REASONS],
      links: optionLinks(o, decision, kb, ctx),
    },
  };
}

/** The decision-level sentences saying where the review's evidence stops (the lead's `outsideEvidence`, optional). */
function outsideEvidence(decision: Decision): { readonly text: string; readonly refs: readonly number[] }[] {
  const d = decision as Decision & {
    readonly outsideEvidence?: readonly { text: string; refs: readonly number[] }[];
  };
  return [...(d.outsideEvidence ?? [])];
}

/** What the record held for a missing fact, when the FHIR mapping said (`In the record: …`). */
function inRecord(m: Decision['missing'][number]): string {
  const at = m.text.indexOf('In the record: ');
  return at === -1 ? '' : ` (${md(plain(m.text.slice(at).replace(/\.$/, '')))})`;
}

/** The unknown fact that matters most: lineage first, then the one most options depend on. */
export function keyMissing(decision: Decision): Decision['missing'][number] | undefined {
  const lineage = decision.missing.find((m) => m.field === 'lineage');
  if (lineage !== undefined) {
    return lineage;
  }
  return [...decision.missing].sort((a, b) => b.affects.length - a.affects.length)[0];
}

function summaryText(decision: Decision, kb: Kb, carded: number): string {
  const key = keyMissing(decision);
  const missing = key === undefined ? '' : `; key unknown: ${factLabel(kb, key.field)}`;
  const supported = decision.options.filter((o) => CARD_STRENGTHS.has(o.strength)).length;
  const others = decision.options.filter(
    (o) => !CARD_STRENGTHS.has(o.strength) && o.strength !== 'not-recommended',
  ).length;
  if (supported > 0) {
    const more = supported > carded ? ` (${carded} shown)` : '';
    return `Frontline: ${supported} immunotherapy option${supported === 1 ? '' : 's'} the review supports${more}${missing}`;
  }
  if (others > 0) {
    return `Frontline: no option the review recommends yet, ${others} to consider in the app${missing}`;
  }
  const pending = decision.pending.length;
  if (pending > 0) {
    return `Frontline: ${pending} option${pending === 1 ? ' depends' : 's depend'} on unknown facts${missing}`;
  }
  // No option waits, yet a fact may be missing: a warning or an alert depends on it.
  return `Frontline: no frontline immunotherapy option of the review applies on the facts given${missing}`;
}

function summaryBody(decision: Decision, kb: Kb, shown: readonly Option[]): string[] {
  const top = decision.options.filter((o) => o.strength !== 'not-recommended');
  const rest = top.length - shown.length;
  const alerts = decision.warnings.filter((w) => w.kind === 'alert');
  const notes = decision.warnings.filter((w) => w.kind !== 'alert');
  const missing = decision.missing.slice(0, 5);
  const section = (title: string, lines: readonly string[]): string[] =>
    lines.length === 0 ? [] : ['', `**${title}**`, '', ...lines];
  return [
    'Missing data is unknown, never assumed negative.',
    ...section(
      'Options (strongest first)',
      top.slice(0, 5).map((o) => `- ${STRENGTH_WORDS[o.strength]}: ${md(plain(o.title))}`),
    ),
    ...(rest > 0 && top.length > 5 ? [`- and ${top.length - 5} more in Frontline`] : []),
    ...section(
      'Outside the review’s evidence',
      outsideEvidence(decision).map(
        (e) => `- ${md(plain(e.text))}${e.refs.length > 0 ? ` (${refsText(e.refs)})` : ''}`,
      ),
    ),
    ...section(
      'Patient alerts',
      alerts.map((w) => `- ⚠ ${md(plain(w.text))}${w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''}`),
    ),
    ...section(
      'Data notes',
      notes.map((w) => `- ${md(plain(w.text))}${w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''}`),
    ),
    ...section('Missing facts that would change the options, and the test that settles each', [
      ...missing.map((m) => `- **${md(factLabel(kb, m.field))}** — ${md(plain(m.test))}${inRecord(m)}`),
      ...(decision.missing.length > missing.length
        ? [`- and ${decision.missing.length - missing.length} more in Frontline`]
        : []),
    ]),
  ];
}

/** The one summary card of a patient-view call. */
export function summaryCard(
  decision: Decision,
  kb: Kb,
  ctx: CardContext,
  shown: readonly Option[],
): RenderedCard {
  const suggestions =
    ctx.patientId === undefined ? [] : testSuggestions(decision.missing, kb, ctx.patientId, ctx.newId);
  const refs = [
    ...decision.warnings.flatMap((w) => w.refs),
    ...outsideEvidence(decision).flatMap((e) => e.refs),
  ];
  return {
    kind: 'summary',
    subject: 'summary',
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(summaryText(decision, kb, shown.length)),
      detail: capDetail(
        summaryBody(decision, kb, shown),
        footer(decision, sourceName(kb)),
        moreUrl(decision, ctx),
      ),
      indicator: 'info',
      source: sourceOf(kb, refs, ctx),
      ...(suggestions.length === 0
        ? {}
        : { suggestions: suggestions.map((s) => s.suggestion), selectionBehavior: 'any' as const }),
      overrideReasons: [...OVERRIDE_REASONS],
      links: appLinks(decision, ctx),
    },
  };
}

/** Alerts and data notes, for the order hooks (patient-view puts them in the summary card). */
export function alertCard(w: PatientWarning, decision: Decision, kb: Kb, ctx: CardContext): RenderedCard {
  const body = [
    `⚠ ${md(plain(w.text))}${w.refs.length > 0 ? ` (${refsText(w.refs)})` : ''}`,
    ...(w.quote === undefined ? [] : ['', `> “${md(plain(w.quote))}”`, `> — ${sourceName(kb)}`]),
  ];
  return {
    kind: 'alert',
    subject: `alert:${w.code}`,
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(`Warning: ${plain(w.text)}`),
      detail: capDetail(body, footer(decision, sourceName(kb)), moreUrl(decision, ctx)),
      indicator: 'warning',
      source: sourceOf(kb, w.refs, ctx),
      overrideReasons: [...OVERRIDE_REASONS],
      links: appLinks(decision, ctx),
    },
  };
}

/**
 * The patient-view cards of a decision: the summary card, then one card per recommended or supported option (at
 * most `MAX_OPTION_CARDS`, strongest first).
 * @param decision - the engine's decision
 * @param kb - the knowledge base it came from (source name, study pages, fact labels, test codes)
 * @param ctx - base URL, uuid source, patient id
 * @example
 *   const cards = decisionCards(evaluate(profile, ckb), ckb.kb, { baseUrl: 'https://frontline.example', newId: randomUUID });
 */
export function decisionCards(decision: Decision, kb: Kb, ctx: CardContext): RenderedCard[] {
  const shown = decision.options.filter((o) => CARD_STRENGTHS.has(o.strength)).slice(0, MAX_OPTION_CARDS);
  return [summaryCard(decision, kb, ctx, shown), ...shown.map((o) => optionCard(o, decision, kb, ctx))];
}
