// order-select and order-sign: the drafted agent is recognised (by name, brand or RxNorm code) and gets one card
// saying what the review says of it for this patient; warnings where the review does not support the order.
import { describe, expect, it } from 'vitest';
import { violations } from '../../test/support/invariants.js';
import { testKb } from '../../test/support/kb.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { profileOf } from '../../test/support/profile.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { recommend } from '../api/recommend.js';
import { evaluate } from '../engine/index.js';
import { callService } from './call.js';
import { agentCard } from './order-cards.js';
import { discovery, findService } from './services.js';

const ckb = testKb();
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
const ctx = { baseUrl: 'https://f.example', newId: () => crypto.randomUUID(), patientId: 'p-1' };
const deps = { kb: ckb, recommend, cards: ctx };

type Med = Record<string, unknown>;

function draft(medication: Med, id = 'draft-1'): Med {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: medication,
    subject: { reference: 'Patient/fl-a-patient' },
  };
}

function request(hook: 'order-select' | 'order-sign', orders: Med[], selections?: string[]): Med {
  return {
    ...patientViewRequest(bundle),
    hook,
    context: {
      userId: 'PractitionerRole/123',
      patientId: 'fl-a-patient',
      ...(hook === 'order-select'
        ? { selections: selections ?? orders.map((o) => `MedicationRequest/${String(o.id)}`) }
        : {}),
      draftOrders: { resourceType: 'Bundle', entry: orders.map((resource) => ({ resource })) },
    },
  };
}

async function call(id: string, body: Med) {
  const service = findService(id);
  if (service === undefined) {
    throw new Error(`no service ${id}`);
  }
  const result = await callService(service, body, deps);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  expect(violations(result.response, 'response')).toEqual([]);
  return result.response.cards;
}

function agent(id: string) {
  const a = ckb.kb.agents.find((x) => x.id === id);
  if (a === undefined) {
    throw new Error(`no agent ${id}`);
  }
  return a;
}

describe('discovery', () => {
  it('lists patient-view, order-select and order-sign', () => {
    expect(discovery().services.map((s) => s.hook)).toEqual(['patient-view', 'order-select', 'order-sign']);
  });
});

describe('order-select', () => {
  it('"Blincyto 28 mcg/day" gets one card about blinatumomab, saying what the review\'s option for this patient waits on', async () => {
    const cards = await call(
      'frontline-all-order-select',
      request('order-select', [draft({ text: 'Blincyto 28 mcg/day' })]),
    );
    expect(cards).toHaveLength(1);
    // The record gives no CD19 result and no fitness assessment: the recommendation for this 45-year-old is pending.
    expect(cards[0]?.summary).toMatch(/^Drafted blinatumomab: whether the review supports it depends on/);
    expect(cards[0]?.indicator).toBe('info');
  });

  it('recognises an order coded only with RxNorm (Rituxan, brand concept 226754)', async () => {
    const cards = await call(
      'frontline-all-order-select',
      request('order-select', [draft({ coding: [{ system: RXNORM, code: '226754' }] })]),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]?.summary).toMatch(/^Drafted rituximab: /);
  });

  it('warns on a CAR T-cell order for a newly diagnosed patient (no frontline study: outside the evidence)', async () => {
    const cards = await call(
      'frontline-all-order-select',
      request('order-select', [draft({ text: 'Kymriah' })]),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]?.indicator).toBe('warning');
    expect(cards[0]?.summary).toMatch(/^Drafted tisagenlecleucel: outside the review's evidence/);
  });

  it('answers no cards for an order that is not selected, or names no agent of the review', async () => {
    const other = draft({ text: 'Blincyto' }, 'other');
    expect(
      await call(
        'frontline-all-order-select',
        request('order-select', [other], ['MedicationRequest/draft-1']),
      ),
    ).toEqual([]);
    expect(
      await call(
        'frontline-all-order-select',
        request('order-select', [draft({ text: 'amoxicillin 500 mg' })]),
      ),
    ).toEqual([]);
  });
});

describe('order-sign', () => {
  it('checks every draft order (no selections): a CAR T order outside the evidence warns, a not-recommended one is critical', async () => {
    const cards = await call(
      'frontline-all-order-sign',
      request('order-sign', [draft({ text: 'Tecartus' }, 'a'), draft({ text: 'blinatumomab' }, 'b')]),
    );
    expect(cards.map((c) => [c.summary.split(':')[0], c.indicator])).toEqual([
      ['Drafted blinatumomab', 'info'],
      ['Drafted brexucabtagene autoleucel', 'warning'],
    ]);
    // Alemtuzumab is not recommended in T-ALL (no responses, significant toxicities): critical at order-sign.
    const tall = evaluate(profileOf({ lineage: 'T', age: 30 }), ckb);
    expect(agentCard(agent('alemtuzumab'), 'order-sign', tall, ckb.kb, ctx).card.indicator).toBe('critical');
  });

  it('refuses an order-sign body sent to the order-select service', async () => {
    const service = findService('frontline-all-order-select');
    const result = await callService(
      service as NonNullable<typeof service>,
      request('order-sign', [draft({ text: 'Blincyto' })]),
      deps,
    );
    expect(result.ok).toBe(false);
  });
});

describe('agentCard', () => {
  const cd22Negative = evaluate(profileOf({ lineage: 'B', age: 45, ph: 'negative', cd22: 'negative' }), ckb);
  it('InO for CD22-negative blasts: warning at order-select, critical at order-sign, naming the target', () => {
    const ino = agent('inotuzumab-ozogamicin');
    const select = agentCard(ino, 'order-select', cd22Negative, ckb.kb, ctx).card;
    const sign = agentCard(ino, 'order-sign', cd22Negative, ckb.kb, ctx).card;
    expect(select.indicator).toBe('warning');
    expect(sign.indicator).toBe('critical');
    expect(select.summary).toContain('CD22');
    expect(select.detail).toContain('InO is a CD22-directed humanized monoclonal antibody');
  });

  it('rituximab in T-ALL: a B-cell target the blasts lack', () => {
    const tall = evaluate(profileOf({ lineage: 'T', age: 30 }), ckb);
    const card = agentCard(agent('rituximab'), 'order-select', tall, ckb.kb, ctx).card;
    expect(card.indicator).toBe('warning');
    expect(card.summary).toContain('T-ALL');
  });

  it('an agent no option of the review uses for this patient: outside the evidence, a warning', () => {
    const card = agentCard(agent('alemtuzumab'), 'order-select', cd22Negative, ckb.kb, ctx).card;
    expect(card.indicator).toBe('warning');
    expect(card.summary).toContain("outside the review's evidence");
  });
});
