// No patient identifier, name, birth date, record id or access token ever reaches the store or the logs: run calls
// with a record that carries all of them, then search the database file and every log line for each.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { patientViewRequest, resourcesOf } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';

const SECRETS = {
  family: 'Quixotic-Testperson',
  given: 'Zebulon',
  birthDate: '1971-03-14',
  mrn: 'MRN-99887766',
  patientId: 'pt-4471-secret',
  user: 'Practitioner/dr-jekyll-4471',
  encounter: 'enc-4471-secret',
  token: 'tok-SECRET-4471',
  comment: 'Zebulon declined on 1971-03-14',
};

function identifiedBundle(): Record<string, unknown> {
  const bundle = structuredClone(fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json')) as Record<
    string,
    unknown
  >;
  const oldId = String(resourcesOf(bundle).find((r) => r.resourceType === 'Patient')?.id);
  const text = JSON.stringify(bundle).replaceAll(oldId, SECRETS.patientId);
  const out = JSON.parse(text) as Record<string, unknown>;
  const patient = resourcesOf(out).find((r) => r.resourceType === 'Patient') as Record<string, unknown>;
  patient.name = [{ family: SECRETS.family, given: [SECRETS.given] }];
  patient.birthDate = SECRETS.birthDate;
  patient.identifier = [{ system: 'urn:oid:1.2.3.4', value: SECRETS.mrn }];
  return out;
}

describe('no patient identifiers in the store or the logs', () => {
  it('keeps names, birth dates, identifiers, ids, tokens and comments out of the database file and the log lines', async () => {
    const t = testApp();
    const bundle = identifiedBundle();
    const context = { userId: SECRETS.user, patientId: SECRETS.patientId, encounterId: SECRETS.encounter };
    const call = await t.app.request(
      '/cds-services/frontline-all',
      post(patientViewRequest(bundle, { context })),
    );
    expect(call.status).toBe(200);
    const cards = (await call.json()) as { cards: { uuid: string }[] };
    expect(cards.cards.length).toBeGreaterThan(0);

    const missing = patientViewRequest(bundle, {
      context,
      fhirServer: 'https://ehr.invalid/fhir',
      fhirAuthorization: {
        access_token: SECRETS.token,
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'patient/*.read',
        subject: 'frontline',
        patient: SECRETS.patientId,
      },
    });
    delete missing.prefetch;
    expect((await t.app.request('/cds-services/frontline-all', post(missing))).status).toBe(412);
    expect((await t.app.request('/api/recommendations', post(bundle))).status).toBe(200);
    const feedback = {
      feedback: [
        {
          card: cards.cards[0]?.uuid,
          outcome: 'overridden',
          overrideReason: { userComment: SECRETS.comment },
          outcomeTimestamp: '2026-01-01T00:00:00Z',
        },
      ],
    };
    expect((await t.app.request('/cds-services/frontline-all/feedback', post(feedback))).status).toBe(200);
    t.store.close();

    const files = [t.dbPath, `${t.dbPath}-wal`].filter((f) => existsSync(f));
    const stored = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    const logged = t.logs.map((l) => JSON.stringify(l)).join('\n');
    expect(stored).toContain('frontline-all'); // the search does look at the data that was written
    expect(logged).toContain('/cds-services/:id');
    for (const [what, value] of Object.entries(SECRETS)) {
      expect(stored.includes(value), `${what} in the database`).toBe(false);
      expect(logged.includes(value), `${what} in the logs`).toBe(false);
    }
    t.cleanup();
  });
});
