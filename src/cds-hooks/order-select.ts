/**
 * `order-select`: which agents of the knowledge base the clinician has selected in the draft orders, and the cards
 * that tell what the review says of each for this patient.
 * @module
 */

import type { Decision, Option } from '../engine/index.js';
import type { Agent, Kb } from '../kb/index.js';
import { fieldLabel } from '../profile/labels.js';
import { type CardContext, decisionCards, optionCard, type RenderedCard, sourceName } from './cards.js';
import type { OrderSelectContext } from './context.js';
import { orderIndicator } from './indicator.js';
import { md } from './markdown.js';
import { OVERRIDE_REASONS } from './override-reasons.js';
import { aboutUrl, patientViewUrl } from './patient-link.js';
import { fitSummary } from './summary.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function texts(concept: unknown): string[] {
  if (!isRecord(concept)) {
    return [];
  }
  const codings = Array.isArray(concept.coding) ? concept.coding.filter(isRecord) : [];
  return [concept.text, concept.display, ...codings.map((c) => c.display)].filter(
    (t): t is string => typeof t === 'string',
  );
}

/** The words that name the medication of a draft MedicationRequest (or the code of another request). */
function orderWords(resource: Record<string, unknown>): string {
  return [
    ...texts(resource.medicationCodeableConcept),
    ...texts(resource.medicationReference),
    ...texts(resource.code),
  ]
    .join(' ')
    .toLowerCase();
}

function agentNames(a: Agent): string[] {
  // Short aliases ("InO", "blina") would match inside unrelated words; names, ids and brands are safe.
  return [a.id.replaceAll('-', ' '), a.id, a.name, a.brand, ...a.aliases.filter((x) => x.length >= 6)]
    .filter((x): x is string => x !== undefined)
    .map((x) => x.toLowerCase());
}

function mentions(words: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`).test(words);
}

/**
 * The knowledge-base agents named in the selected draft orders (by text and coding display: RxNorm codes for the
 * immunotherapies are not confirmed, so codes are not matched).
 */
export function selectedAgents(context: OrderSelectContext, kb: Kb): Agent[] {
  const selected = new Set(context.selections);
  const words: string[] = [];
  for (const entry of context.draftOrders.entry ?? []) {
    const r = entry.resource;
    if (r.id !== undefined && selected.has(`${r.resourceType}/${r.id}`)) {
      words.push(orderWords(r));
    }
  }
  const all = words.join(' | ');
  return kb.agents.filter(
    (a) => a.class !== 'chemotherapy-backbone' && agentNames(a).some((n) => mentions(all, n)),
  );
}

function noOptionCard(agent: Agent, decision: Decision, kb: Kb, ctx: CardContext): RenderedCard {
  const pending = decision.pending.filter((o) => o.agents.includes(agent.id));
  const detail = [
    `No option of the review, as Frontline encodes it, applies to this patient with ${md(agent.name)} on the facts given.`,
    ...(pending.length === 0
      ? []
      : [
          '',
          '**Would apply depending on unknown facts**',
          '',
          ...pending.map(
            (o) =>
              `- ${md(o.title)} (${o.strength}) — needs: ${md(o.unknownFacts.map(fieldLabel).join(', '))}`,
          ),
        ]),
    '',
    '---',
    `Frontline · knowledge base ${md(decision.kbVersion)} · source: ${md(sourceName(kb))} · ${decision.notice}.`,
  ].join('\n');
  return {
    kind: 'option',
    subject: `order:${agent.id}`,
    card: {
      uuid: ctx.newId(),
      summary: fitSummary(
        pending.length === 0
          ? `Drafted ${agent.name}: no option of the review applies to this patient on the facts given`
          : `Drafted ${agent.name}: the review's options depend on unknown facts`,
      ),
      detail,
      indicator: 'info',
      source: { label: sourceName(kb), url: aboutUrl(ctx.baseUrl) },
      overrideReasons: [...OVERRIDE_REASONS],
      links: [
        { label: 'Open in Frontline', url: patientViewUrl(ctx.baseUrl, decision.profile), type: 'absolute' },
      ],
    },
  };
}

function agentCards(agent: Agent, decision: Decision, kb: Kb, ctx: CardContext): RenderedCard[] {
  const options: Option[] = decision.options.filter((o) => o.agents.includes(agent.id));
  if (options.length === 0) {
    return [noOptionCard(agent, decision, kb, ctx)];
  }
  return options.map((o) =>
    optionCard(o, decision, kb, ctx, orderIndicator(o.strength), `Drafted ${agent.name}: `),
  );
}

/**
 * Cards for an order-select call: per selected agent, the options that use it (a not-recommended one is
 * `critical`), or a card saying none applies; then the patient's alerts and missing data. No agent of the review
 * selected → no cards.
 */
export function orderSelectCards(
  context: OrderSelectContext,
  decision: Decision,
  kb: Kb,
  ctx: CardContext,
): RenderedCard[] {
  const agents = selectedAgents(context, kb);
  if (agents.length === 0) {
    return [];
  }
  const rest = decisionCards({ ...decision, options: [] }, kb, ctx);
  return [...agents.flatMap((a) => agentCards(a, decision, kb, ctx)), ...rest];
}
