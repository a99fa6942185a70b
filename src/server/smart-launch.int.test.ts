// SMART App Launch wiring of the server: the launch settings the web app reads, the `smart` link on every card,
// and framing allowed for the configured EHR origins only.
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { CdsResponse } from '../cds-hooks/index.js';
import { SmartLaunchResponse } from './schemas/smart-launch.js';
import { SMART_SCOPE } from './smart-launch.js';

const smart = {
  clientId: 'frontline-app',
  scope: SMART_SCOPE,
  issuers: ['https://fhir.hospital.example/r4'],
  connectOrigins: ['https://fhir.hospital.example', 'https://auth.hospital.example'],
};
const on = testApp({
  publicUrl: 'https://frontline.example',
  smart,
  frameAncestors: ['https://ehr.example'],
});
const off = testApp({ publicUrl: 'https://frontline.example' });
afterAll(() => {
  on.cleanup();
  off.cleanup();
});

const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');

describe('GET /api/smart-launch', () => {
  it('gives the client id, scopes, redirect path and accepted issuers when configured', async () => {
    const res = await on.app.request('/api/smart-launch');
    expect(res.status).toBe(200);
    const body = SmartLaunchResponse.parse(await res.json());
    expect(body).toEqual({
      enabled: true,
      clientId: 'frontline-app',
      scope: SMART_SCOPE,
      redirectPath: '/launch/ready',
      issuers: ['https://fhir.hospital.example/r4'],
    });
    expect(SMART_SCOPE.split(' ')).toEqual([
      'launch',
      'patient/Patient.rs',
      'patient/Condition.rs',
      'patient/Observation.rs',
      'patient/MedicationRequest.rs',
    ]);
  });

  it('says it is off when not configured', async () => {
    const res = await off.app.request('/api/smart-launch');
    expect(await res.json()).toEqual({ enabled: false });
  });
});

describe('the smart link on cards', () => {
  it('is on every patient-view card when the launch is configured, with appContext naming no patient', async () => {
    const res = await on.app.request('/cds-services/frontline-all', post(patientViewRequest(bundle)));
    expect(res.status).toBe(200);
    const cards = CdsResponse.parse(await res.json()).cards;
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const links = (card.links ?? []).filter((l) => l.type === 'smart');
      expect(links).toHaveLength(1);
      expect(links[0]?.url).toBe('https://frontline.example/launch');
      const context = JSON.parse(links[0]?.appContext ?? '{}') as { profile?: string; option?: string };
      expect(context.profile).toContain('lineage=B');
      expect(JSON.stringify(context)).not.toContain('fl-a-patient');
    }
    // The option cards name their option, so the app opens it.
    const options = cards.flatMap((c) =>
      (c.links ?? []).flatMap((l) =>
        l.type === 'smart' ? [(JSON.parse(l.appContext ?? '{}') as { option?: string }).option] : [],
      ),
    );
    expect(options.filter((o) => o !== undefined).length).toBeGreaterThan(0);
  });

  it('is absent when the launch is not configured', async () => {
    const res = await off.app.request('/cds-services/frontline-all', post(patientViewRequest(bundle)));
    const cards = CdsResponse.parse(await res.json()).cards;
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.flatMap((c) => c.links ?? []).filter((l) => l.type === 'smart')).toEqual([]);
  });
});

describe('framing', () => {
  it('lets only the configured EHR origin frame the app, and lets the app call the FHIR and auth servers', async () => {
    const res = await on.app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors https:\/\/ehr\.example(;|$)/);
    expect(csp).toContain("connect-src 'self' https://fhir.hospital.example https://auth.hospital.example");
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  it("stays 'none' by default", async () => {
    const res = await off.app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
