// Answers derived from a patient carry `Cache-Control: no-store`: recommendations, CDS cards, feedback, and the
// errors that echo a patient's fields.
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';

const t = testApp();
afterAll(() => t.cleanup());
const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');

describe('Cache-Control: no-store', () => {
  it('is on every answer derived from a patient, success or error', async () => {
    const answers = [
      await t.app.request('/api/recommendations', post({ lineage: 'B', age: 45, ph: 'negative' })),
      await t.app.request('/api/recommendations', post({ lineage: 'X', age: 200 })),
      await t.app.request('/cds-services/frontline-all', post(patientViewRequest(bundle))),
      await t.app.request('/cds-services/frontline-all', post({ hook: 'patient-view' })),
      await t.app.request(
        '/cds-services/frontline-all/feedback',
        post({
          feedback: [
            { card: crypto.randomUUID(), outcome: 'accepted', outcomeTimestamp: new Date().toISOString() },
          ],
        }),
      ),
    ];
    expect(answers.map((r) => r.status).slice(0, 4)).toEqual([200, 400, 200, 400]);
    for (const res of answers) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
