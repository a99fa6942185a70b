/**
 * Which agents of the knowledge base a draft order names: by RxNorm code (ingredient and brand concepts of
 * `kb/terminology/drugs.yaml`), or by name in the order's text and coding displays (generic name, id, the brand the
 * review prints, the review's aliases and spellings, and the `names` an agent lists: brands, biosimilars,
 * abbreviations). Only immunotherapy and TKI agents are matched: a chemotherapy or steroid order is not this
 * service's business (and would only add cards nobody asked for).
 * @module
 */
import type { Agent, Kb } from '../kb/index.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** Agent classes an order card is about. */
const ORDERED_CLASSES: ReadonlySet<Agent['class']> = new Set([
  'monoclonal-antibody',
  'bispecific-t-cell-engager',
  'bispecific-antibody',
  'antibody-drug-conjugate',
  'car-t',
  'car-nk',
  'tki',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

interface Matcher {
  readonly agents: readonly Agent[];
  /** `system|code` → agent ids. */
  readonly codes: ReadonlyMap<string, readonly string[]>;
  /** Agent id → its names as regular expressions (whole words, case-insensitive). */
  readonly names: ReadonlyMap<string, readonly RegExp[]>;
}

const MATCHERS = new WeakMap<Kb, Matcher>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every name of an agent an order may carry. */
export function agentNames(a: Agent): string[] {
  const names = [
    a.id,
    a.id.replaceAll('-', ' '),
    a.name,
    a.brand,
    ...a.aliases,
    ...a.names.map((n) => n.name),
  ];
  return [...new Set(names.filter((x): x is string => x !== undefined).map((x) => x.toLowerCase()))];
}

function matcher(kb: Kb): Matcher {
  let m = MATCHERS.get(kb);
  if (m === undefined) {
    const agents = kb.agents.filter((a) => ORDERED_CLASSES.has(a.class));
    const codes = new Map<string, string[]>();
    for (const t of kb.terminology) {
      if (t.kind === 'drug') {
        const key = `${t.system}|${t.code}`;
        codes.set(key, [...(codes.get(key) ?? []), t.value]);
      }
    }
    const names = new Map(
      agents.map((a) => [
        a.id,
        agentNames(a).map((n) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(n)}($|[^a-z0-9])`, 'i')),
      ]),
    );
    m = { agents, codes, names };
    MATCHERS.set(kb, m);
  }
  return m;
}

interface OrderTerms {
  readonly words: string[];
  readonly codes: string[];
}

function conceptTerms(concept: unknown, out: OrderTerms): void {
  if (!isRecord(concept)) {
    return;
  }
  if (typeof concept.text === 'string') {
    out.words.push(concept.text);
  }
  if (typeof concept.display === 'string') {
    out.words.push(concept.display); // a medicationReference's display
  }
  const codings = Array.isArray(concept.coding) ? concept.coding.filter(isRecord) : [];
  for (const c of codings) {
    if (typeof c.display === 'string') {
      out.words.push(c.display);
    }
    if (typeof c.system === 'string' && typeof c.code === 'string') {
      out.codes.push(`${c.system === 'urn:oid:2.16.840.1.113883.6.88' ? RXNORM : c.system}|${c.code}`);
    }
  }
}

/** The words and codes naming what an order asks for (its medication, a contained Medication, or its code). */
function orderTerms(resource: Record<string, unknown>): OrderTerms {
  const out: OrderTerms = { words: [], codes: [] };
  conceptTerms(resource.medicationCodeableConcept, out);
  conceptTerms(resource.medicationReference, out);
  conceptTerms(resource.code, out);
  const contained = Array.isArray(resource.contained) ? resource.contained.filter(isRecord) : [];
  for (const c of contained) {
    if (c.resourceType === 'Medication') {
      conceptTerms(c.code, out);
    }
  }
  return out;
}

/**
 * The agents an order resource names, in knowledge-base order.
 * @param resource - a draft MedicationRequest (or another request resource)
 * @param kb - the knowledge base (agents, their names, the drug codes)
 * @example agentsInOrder({ resourceType: 'MedicationRequest', medicationCodeableConcept: { text: 'Blincyto 28 mcg/day' } }, kb)
 */
export function agentsInOrder(resource: Record<string, unknown>, kb: Kb): Agent[] {
  const m = matcher(kb);
  const terms = orderTerms(resource);
  const byCode = new Set(terms.codes.flatMap((c) => m.codes.get(c) ?? []));
  const words = terms.words.join(' | ');
  return m.agents.filter((a) => byCode.has(a.id) || (m.names.get(a.id) ?? []).some((re) => re.test(words)));
}
