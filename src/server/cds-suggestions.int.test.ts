// "Accepted" feedback end to end: a patient-view call answers a summary card whose suggestion drafts the settling
// test; the EHR accepts it, and the feedback naming the card and the suggestion is stored.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { CdsResponse } from '../cds-hooks/index.js';

const t = testApp();
afterAll(() => t.cleanup());

describe('accepting a suggestion', () => {
  it('stores accepted feedback for the card and suggestion a patient-view call issued', async () => {
    const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
    const res = await t.app.request('/cds-services/frontline-all', post(patientViewRequest(bundle)));
    expect(res.status).toBe(200);
    const cards = CdsResponse.parse(await res.json()).cards;
    const card = cards.find((c) => (c.suggestions?.length ?? 0) > 0);
    const suggestion = card?.suggestions?.[0];
    expect(suggestion?.actions?.[0]?.resource?.resourceType).toBe('ServiceRequest');
    const feedback = {
      feedback: [
        {
          card: card?.uuid,
          outcome: 'accepted',
          acceptedSuggestions: [{ id: suggestion?.uuid }],
          outcomeTimestamp: '2026-12-02T17:00:00Z',
        },
      ],
    };
    const fb = await t.app.request('/cds-services/frontline-all/feedback', post(feedback));
    expect(fb.status).toBe(200);
    expect(await fb.json()).toEqual({ stored: 1, duplicates: 0 });
    const db = new Database(t.dbPath, { readonly: true });
    const row = db
      .prepare('SELECT outcome, accepted_suggestions FROM feedback WHERE card_uuid = ?')
      .get(card?.uuid) as { outcome: string; accepted_suggestions: string } | undefined;
    db.close();
    expect(row?.outcome).toBe('accepted');
    expect(row?.accepted_suggestions).toContain(String(suggestion?.uuid));
  });
});
