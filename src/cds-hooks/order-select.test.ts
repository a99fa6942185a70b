// order-select: the drafted agent is found in the draft orders and the cards speak of it alone.
import { describe, expect, it } from 'vitest';
import { testKb } from '../../test/support/kb.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { example, fhirExample } from '../../test/support/spec-examples.js';
import { recommend } from '../api/recommend.js';
import { callService } from './call.js';
import { OrderSelectContext } from './context.js';
import { selectedAgents } from './order-select.js';
import { findService } from './services.js';

const ckb = testKb();
const agentId = ckb.kb.recommendations.find((r) => r.id === 'test.fixture-supported')?.agents[0] ?? '';
const agent = ckb.kb.agents.find((a) => a.id === agentId);
const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');

function context(text: string, selected = true) {
  return {
    userId: 'PractitionerRole/123',
    patientId: 'fl-a-patient',
    selections: [selected ? 'MedicationRequest/draft-1' : 'MedicationRequest/other'],
    draftOrders: {
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'draft-1',
            status: 'draft',
            intent: 'order',
            medicationCodeableConcept: { text },
            subject: { reference: 'Patient/fl-a-patient' },
          },
        },
      ],
    },
  };
}

describe('selectedAgents', () => {
  it('finds a knowledge-base agent named in a selected draft order, by name, case-insensitively', () => {
    expect(agent).toBeDefined();
    const ctx = OrderSelectContext.parse(context(`${agent?.name.toUpperCase() ?? ''} 28 mcg/day IV`));
    expect(selectedAgents(ctx, ckb.kb).map((a) => a.id)).toEqual([agentId]);
  });

  it('ignores orders that are not selected, and the spec example (a diet and amoxicillin)', () => {
    expect(selectedAgents(OrderSelectContext.parse(context(agent?.name ?? '', false)), ckb.kb)).toEqual([]);
    const spec = OrderSelectContext.parse(
      (example('hook-order-select-context-r4.json') as { context: unknown }).context,
    );
    expect(selectedAgents(spec, ckb.kb)).toEqual([]);
  });
});

describe('the order-select service', () => {
  const service = findService('frontline-all-order-select');
  if (service === undefined) {
    throw new Error('service missing');
  }
  const deps = {
    kb: ckb,
    recommend,
    cards: { baseUrl: 'https://f.example', newId: () => crypto.randomUUID() },
  };
  const request = (text: string) => ({
    ...patientViewRequest(bundle),
    hook: 'order-select',
    context: context(text),
  });

  it('answers cards about the drafted agent only, prefixed with its name', async () => {
    const result = await callService(service, request(agent?.name ?? ''), deps);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const options = result.rendered.filter((r) => r.kind === 'option');
      expect(options.length).toBeGreaterThan(0);
      for (const r of options) {
        expect(r.card.summary.startsWith(`Drafted ${agent?.name ?? ''}`)).toBe(true);
      }
      const subjects = options.map((r) => r.subject);
      expect(subjects).toContain('test.fixture-supported');
      expect(result.rendered.find((r) => r.subject === 'test.fixture-caution')?.card.indicator).toBe(
        'warning',
      );
    }
  });

  it('answers no cards when no agent of the review is drafted', async () => {
    const result = await callService(service, request('amoxicillin 500 mg'), deps);
    expect(result.ok && result.response).toEqual({ cards: [] });
  });
});
