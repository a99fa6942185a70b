// Never silent: every example bundle gets cards within the caps, and records whose ALL diagnosis names no lineage
// (ICD-10-CM C91.00 only) or only Ph-positive ALL (SNOMED CT 425688002) get a useful card.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { violations } from '../../test/support/invariants.js';
import { testKb } from '../../test/support/kb.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { fhirExample, STANDARDS_DIR } from '../../test/support/spec-examples.js';
import { recommend } from '../api/recommend.js';
import { callService } from './call.js';
import { CdsResponse } from './card.js';
import { MAX_OPTION_CARDS } from './cards.js';
import { DETAIL_MAX } from './detail-cap.js';
import { hasLatex } from './plain.js';
import { findService } from './services.js';

const ckb = testKb();
const deps = {
  kb: ckb,
  recommend,
  cards: { baseUrl: 'https://f.example', newId: () => crypto.randomUUID() },
};
const service = findService('frontline-all');
if (service === undefined) {
  throw new Error('patient-view service missing');
}

const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';

function record(code: { system: string; code: string }): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1984-03-02' } },
      {
        resource: {
          resourceType: 'Condition',
          id: 'all',
          subject: { reference: 'Patient/p1' },
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
          },
          code: { coding: [code] },
        },
      },
    ],
  };
}

async function cardsFor(bundle: unknown) {
  const result = await callService(service as NonNullable<typeof service>, patientViewRequest(bundle), deps);
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result;
}

const bundles = readdirSync(join(STANDARDS_DIR, 'examples', 'fhir'))
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('every example bundle gets cards within the caps', () => {
  it('has example bundles to read', () => {
    expect(bundles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(bundles)('%s', async (file) => {
    const result = await cardsFor(fhirExample(`fhir/${file}`));
    const cards = result.response.cards;
    expect(cards.length).toBeGreaterThanOrEqual(1);
    expect(cards.length).toBeLessThanOrEqual(1 + MAX_OPTION_CARDS);
    expect(CdsResponse.safeParse(result.response).success).toBe(true);
    expect(violations(result.response, 'response')).toEqual([]);
    for (const c of cards) {
      expect((c.detail ?? '').split('\n---\n')[0]?.length ?? 0).toBeLessThanOrEqual(DETAIL_MAX);
      expect(hasLatex(`${c.summary}\n${c.detail ?? ''}`)).toBe(false);
      expect(c.indicator).toBe('info');
    }
  });
});

describe('a record whose ALL Condition names no lineage', () => {
  it('ICD-10-CM C91.00 only: a summary card naming the missing lineage first, its test, a suggestion and the app link', async () => {
    const result = await cardsFor(record({ system: ICD10, code: 'C91.00' }));
    const card = result.response.cards[0];
    expect(result.rendered[0]?.kind).toBe('summary');
    expect(card?.indicator).toBe('info');
    expect(card?.summary).toContain('key unknown: Lineage');
    expect(card?.detail).toContain('Immunophenotyping of blasts by flow cytometry');
    expect(card?.detail).toContain('C91.00');
    expect(card?.links?.some((l) => l.url.startsWith('https://f.example/patient?'))).toBe(true);
    const actions = (card?.suggestions ?? []).flatMap((s) => s.actions ?? []);
    expect(actions.map((a) => a.resource)).toContainEqual(
      expect.objectContaining({
        resourceType: 'ServiceRequest',
        status: 'draft',
        subject: { reference: 'Patient/p1' },
        code: { coding: [expect.objectContaining({ system: 'http://loinc.org', code: '101119-6' })] },
      }),
    );
    expect(violations(result.response, 'response')).toEqual([]);
  });

  it('SNOMED CT 425688002 (Ph-positive ALL) only: B lineage inferred and said so; what settles the Ph-positive options is named', async () => {
    const result = await cardsFor(record({ system: SCT, code: '425688002' }));
    const [summary] = result.response.cards;
    expect(summary?.detail).toContain('Lineage B is inferred, not coded');
    // The record gives no age at diagnosis and no CD19: the Ph-positive options (adults only; blinatumomab needs CD19)
    // wait on them, and the summary names both with their tests.
    expect(summary?.summary).toMatch(/key unknown: Age/);
    expect(summary?.detail).toMatch(/\*\*CD19 on blasts\*\* — Flow cytometry/);
    expect(violations(result.response, 'response')).toEqual([]);
  });

  it('a record with no ALL diagnosis at all stays silent (the service does not concern it)', async () => {
    const result = await cardsFor(record({ system: SCT, code: '301130004' }));
    expect(result.response.cards).toEqual([]);
    expect(result.outcome).toBe('not-applicable');
  });
});
