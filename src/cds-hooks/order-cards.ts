/**
 * `order-select` and `order-sign`: the agents of the knowledge base named in the draft orders, and one card per
 * agent saying what the review says of it for this patient. A draft whose agent is not recommended for this patient,
 * outside the review's evidence, or aimed at a target the blasts lack (CD22-negative for InO) gets a warning card;
 * at `order-sign` (the last moment before the order is signed) the not-recommended and missing-target cases are
 * `critical`. Supported options get one info card. No agent of the review drafted → no cards.
 * @module
 */
import type { Decision, Option } from '../engine/index.js';
import type { Agent, Kb } from '../kb/index.js';
import { agentsInOrder } from './agent-match.js';
import type { Indicator } from './card.js';
import { footer } from './card-detail.js';
import { appLinks, type CardContext, moreUrl, optionCard, type RenderedCard, sourceName } from './cards.js';
import type { DraftOrders } from './context.js';
import { capDetail } from './detail-cap.js';
import { STRENGTH_WORDS } from './indicator.js';
import { md, refsText } from './markdown.js';
import { OVERRIDE_REASONS } from './override-reasons.js';
import { aboutUrl } from './patient-link.js';
import { factLabel, plain } from './plain.js';
import { testSuggestions } from './suggestions.js';
import { fitSummary } from './summary.js';

/** Which order hook is asking. */
export type OrderHook = 'order-select' | 'order-sign';

/**
 * The agents named in the draft orders: at order-select only the selected ones (`selections`), at order-sign all.
 * @param draftOrders - `context.draftOrders`
 * @param selections - `context.selections` (order-select), or undefined (order-sign: every draft)
 */
export function draftedAgents(
  draftOrders: DraftOrders,
  selections: readonly string[] | undefined,
  kb: Kb,
): Agent[] {
  const selected = selections === undefined ? undefined : new Set(selections);
  const found = new Map<string, Agent>();
  for (const entry of draftOrders.entry ?? []) {
    const r = entry.resource;
    if (selected !== undefined && (r.id === undefined || !selected.has(`${r.resourceType}/${r.id}`))) {
      continue;
    }
    for (const a of agentsInOrder(r, kb)) {
      found.set(a.id, a);
    }
  }
  return kb.agents.filter((a) => found.has(a.id));
}

/** A target the agent needs that this patient's blasts are recorded without. */
interface MissingTarget {
  readonly target: string;
  readonly why: string;
}

const B_CELL_TARGETS: ReadonlySet<string> = new Set(['CD19', 'CD20', 'CD22']);

/** The agent's targets against the profile: CD19 or CD22 recorded negative, or a B-cell target in T-ALL. */
export function missingTarget(agent: Agent, decision: Decision): MissingTarget | undefined {
  const p = decision.profile;
  if (agent.targets.includes('CD22') && p.cd22 === 'negative') {
    return { target: 'CD22', why: 'the blasts are recorded CD22-negative' };
  }
  if (agent.targets.includes('CD19') && p.cd19 === 'negative') {
    return { target: 'CD19', why: 'the blasts are recorded CD19-negative' };
  }
  const bTarget = agent.targets.find((t) => B_CELL_TARGETS.has(t));
  if (bTarget !== undefined && p.lineage === 'T') {
    return { target: bTarget, why: `this is T-ALL, and ${bTarget} is a B-cell antigen` };
  }
  return undefined;
}

/** The lead's per-option `extrapolation` (optional until it lands): where the option goes beyond the evidence. */
function extrapolation(o: Option): readonly { text: string; refs: readonly number[] }[] {
  const x = o as Option & { readonly extrapolation?: readonly { text: string; refs: readonly number[] }[] };
  return x.extrapolation ?? [];
}

function simpleCard(
  subject: string,
  summary: string,
  body: string[],
  indicator: Indicator,
  refs: readonly number[],
  decision: Decision,
  kb: Kb,
  ctx: CardContext,
  withSuggestions: boolean,
): RenderedCard {
  const suggestions =
    withSuggestions && ctx.patientId !== undefined
      ? testSuggestions(decision.missing, kb, ctx.patientId, ctx.newId)
      : [];
  const r = refsText([...new Set(refs)].sort((a, b) => a - b));
  return {
    kind: 'option',
    subject,
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(summary),
      detail: capDetail(body, footer(decision, sourceName(kb)), moreUrl(decision, ctx)),
      indicator,
      source: { label: `${sourceName(kb)}${r === '' ? '' : `, ${r}`}`, url: aboutUrl(ctx.baseUrl) },
      ...(suggestions.length === 0
        ? {}
        : { suggestions: suggestions.map((s) => s.suggestion), selectionBehavior: 'any' as const }),
      overrideReasons: [...OVERRIDE_REASONS],
      links: appLinks(decision, ctx),
    },
  };
}

function pendingLines(pending: readonly Option[], kb: Kb): string[] {
  return pending.map(
    (o) =>
      `- ${STRENGTH_WORDS[o.strength]}: ${md(plain(o.title))} — needs: ${md(o.unknownFacts.map((f) => factLabel(kb, f)).join('; '))}`,
  );
}

/** The one card for one drafted agent. */
export function agentCard(
  agent: Agent,
  hook: OrderHook,
  decision: Decision,
  kb: Kb,
  ctx: CardContext,
): RenderedCard {
  const name = agent.name;
  const raise: Indicator = hook === 'order-sign' ? 'critical' : 'warning';
  const options = decision.options.filter((o) => o.agents.includes(agent.id));
  const pending = decision.pending.filter((o) => o.agents.includes(agent.id));
  const target = missingTarget(agent, decision);
  if (target !== undefined) {
    return simpleCard(
      `order:${agent.id}:target`,
      `Drafted ${name}: it targets ${target.target}, but ${target.why}`,
      [
        `${md(name)} is directed at ${target.target}, and ${md(target.why)}: the review's evidence for it does not cover this patient.`,
        '',
        `> “${md(plain(agent.quote))}” — ${md(sourceName(kb))}${agent.refs.length > 0 ? `, ${refsText(agent.refs)}` : ''}`,
      ],
      raise,
      agent.refs,
      decision,
      kb,
      ctx,
      false,
    );
  }
  const against = options.find((o) => o.strength === 'not-recommended');
  if (against !== undefined) {
    return optionCard(against, decision, kb, ctx, raise, `Drafted ${name}: `);
  }
  const caution = options.find((o) => o.strength === 'caution');
  if (caution !== undefined) {
    return optionCard(caution, decision, kb, ctx, 'warning', `Drafted ${name}: `);
  }
  const best = options[0];
  if (best !== undefined) {
    const beyond = extrapolation(best);
    if (beyond.length > 0 || best.phase === 'relapsed-refractory') {
      return optionCard(
        best,
        decision,
        kb,
        ctx,
        'warning',
        `Drafted ${name}, outside the review's frontline evidence: `,
      );
    }
    return optionCard(best, decision, kb, ctx, 'info', `Drafted ${name}: `);
  }
  if (pending.length > 0) {
    return simpleCard(
      `order:${agent.id}`,
      `Drafted ${name}: whether the review supports it depends on facts not yet known`,
      [
        `Missing data is unknown, never assumed negative. The review's options with ${md(name)} for this patient depend on:`,
        '',
        ...pendingLines(pending, kb),
      ],
      'info',
      [],
      decision,
      kb,
      ctx,
      true,
    );
  }
  return simpleCard(
    `order:${agent.id}`,
    `Drafted ${name}: outside the review's evidence for this patient (no option of the review applies)`,
    [
      `No option of the review, as Frontline encodes it, uses ${md(name)} for this patient on the facts given: the order goes beyond the evidence Frontline restates.`,
    ],
    'warning',
    [],
    decision,
    kb,
    ctx,
    false,
  );
}

/**
 * Cards for an order hook: one per drafted agent of the review.
 * @param hook - order-select or order-sign
 * @param draftOrders - `context.draftOrders`
 * @param selections - `context.selections` at order-select
 */
export function orderCards(
  hook: OrderHook,
  draftOrders: DraftOrders,
  selections: readonly string[] | undefined,
  decision: Decision,
  kb: Kb,
  ctx: CardContext,
): RenderedCard[] {
  return draftedAgents(draftOrders, selections, kb).map((a) => agentCard(a, hook, decision, kb, ctx));
}
