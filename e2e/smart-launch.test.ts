// The SMART App Launch 2.x EHR launch, end to end in headless Chromium: an authorization server (oauth2-mock-server)
// and a FHIR server (Medplum's FhirRouter + in-memory repository) loaded with example bundles from
// ../shared/standards/examples/fhir/ (read at run time), and the real `frontline serve` with the launch configured.
// The EHR opens the launch URL with launch + iss; the app discovers the server, is sent to authorize (PKCE S256),
// gets the code, the token and the patient, reads the record, and shows the patient view. The options on the page
// must be the options the project's own `recommend` gives for that bundle, computed here in the test.
// Each failure (no launch parameters, an iss not configured, discovery failed, token refused, FHIR read failed)
// must be shown by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecommendedDecision, recommend } from '../src/api/recommend.js';
import { compileKb } from '../src/engine/index.js';
import { examplesDir } from '../src/fhir/test-support.js';
import { loadInstalledKb } from '../src/kb/installed.js';
import { type AuthServer, startAuthServer } from './support/auth-server.js';
import {
  BROWSER_REQUIRED,
  type Browser,
  CHROMIUM_AVAILABLE,
  CHROMIUM_PATH,
  launchBrowser,
} from './support/browser.js';
import { type FhirServer, startFhirServer } from './support/fhir-server.js';
import { type Server, startServer } from './support/server.js';

/** Options that all wait on unknown facts (a), one not-recommended option and nothing pending (c), MRD-positive (d). */
const EXAMPLES = [
  'a-adult-ph-negative-b-all-cd20-35pct.json',
  'c-t-all-adolescent.json',
  'd-b-all-cr1-mrd-0.1pct-flow.json',
] as const;
const CLIENT_ID = 'frontline-e2e';

if (!CHROMIUM_AVAILABLE && !BROWSER_REQUIRED) {
  process.stderr.write(`e2e: skipping the SMART launch test: Chromium not found at ${CHROMIUM_PATH}\n`);
}

function exampleBundle(file: string): Bundle {
  return JSON.parse(readFileSync(join(examplesDir(import.meta.url), 'fhir', file), 'utf8')) as Bundle;
}

function patientOf(file: string, bundle: Bundle): string {
  const id = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource?.id;
  if (id === undefined) {
    throw new Error(`${file} has no Patient`);
  }
  return id;
}

interface Example {
  readonly bundle: Bundle;
  readonly patient: string;
  /** What the engine gives for the bundle, through the project's own use case and installed knowledge base. */
  readonly expected: RecommendedDecision;
}

async function examples(): Promise<Map<string, Example>> {
  const { kb } = await loadInstalledKb();
  if (kb === undefined) {
    throw new Error('the installed knowledge base does not load (npm run build)');
  }
  const ckb = compileKb(kb);
  const out = new Map<string, Example>();
  for (const file of EXAMPLES) {
    const bundle = exampleBundle(file);
    const result = recommend(bundle, ckb);
    if (!result.ok) {
      throw new Error(`recommend refused ${file}: ${JSON.stringify(result.errors)}`);
    }
    out.set(file, { bundle, patient: patientOf(file, bundle), expected: result.decision });
  }
  return out;
}

type Shown = { id: string; strength: string }[];

async function shown(page: Page, list: '.options' | '.pending-options'): Promise<Shown> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} [data-option-id]`)].map((e) => ({
        id: e.getAttribute('data-option-id') ?? '',
        strength: /strength-([a-z-]+)/.exec(e.getAttribute('class') ?? '')?.[1] ?? '',
      })),
    list,
  );
}

async function alertOf(page: Page): Promise<{ step: string | null; text: string }> {
  const alert = page.locator('.launch-view [role="alert"]');
  await alert.waitFor({ timeout: 15_000 });
  return { step: await alert.getAttribute('data-launch-step'), text: (await alert.textContent()) ?? '' };
}

describe.skipIf(!CHROMIUM_AVAILABLE)('SMART App Launch (EHR launch) in Chromium', () => {
  let auth: AuthServer;
  let fhir: FhirServer;
  let frontline: Server;
  let browser: Browser;
  let cases: Map<string, Example>;
  let patient: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    cases = await examples();
    patient = [...cases.values()][0]?.patient ?? '';
    auth = await startAuthServer();
    fhir = await startFhirServer(
      [...cases.values()].map((c) => c.bundle),
      auth,
    );
    frontline = await startServer([
      '--smart-client-id',
      CLIENT_ID,
      '--smart-issuers',
      `${fhir.base},${fhir.brokenBase}`,
      '--smart-auth-origins',
      auth.origin,
      '--frame-ancestors',
      fhir.origin,
    ]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await frontline?.stop();
    await fhir?.stop();
    await auth?.stop();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  }

  it.each(EXAMPLES)(
    'launches from the EHR with %s, authorizes with PKCE, reads the record and shows the options recommend gives',
    async (file) => {
      const example = cases.get(file);
      if (example === undefined) {
        throw new Error(`${file} not loaded`);
      }
      const { expected, patient } = example;
      const option = [...expected.options, ...expected.pending][0]?.id;
      expect(option, 'the example bundle has at least one option').toBeDefined();
      const launchId = `launch-${file}`;
      auth.launch(launchId, {
        patient,
        appContext: JSON.stringify({ profile: 'lineage=B', option }),
      });
      const page = await newPage();
      const readsBefore = fhir.reads.length;
      await page.goto(
        `${frontline.url}/launch?launch=${encodeURIComponent(launchId)}&iss=${encodeURIComponent(fhir.base)}`,
      );
      await page.waitForURL((u) => u.pathname === '/patient', { timeout: 20_000 });
      await page.waitForFunction(
        ([n, m]) =>
          document.querySelector('.results') !== null &&
          document.querySelector('.results.stale') === null &&
          document.querySelectorAll('.options [data-option-id]').length === n &&
          document.querySelectorAll('.pending-options [data-option-id]').length === m,
        [expected.options.length, expected.pending.length],
        { timeout: 20_000 },
      );

      // The same options, ids and strengths, in the same order, as the engine's own answer for the bundle.
      expect(await shown(page, '.options')).toEqual(
        expected.options.map((o) => ({ id: o.id, strength: o.strength })),
      );
      expect(await shown(page, '.pending-options')).toEqual(
        expected.pending.map((o) => ({ id: o.id, strength: o.strength })),
      );
      expect(await page.locator('.results [data-kb-version]').textContent()).toBe(expected.kbVersion);
      // What the mapping found is shown, from the EHR.
      expect(await page.locator('#fhir-findings-heading').textContent()).toBe(`From the EHR (${fhir.base})`);
      // The card's option (appContext) is opened and said so.
      await page.waitForFunction(
        (id) =>
          document.querySelector(`#option-${CSS.escape(id)} details.option-details`)?.hasAttribute('open') ===
          true,
        option ?? '',
        { timeout: 10_000 },
      );
      expect(await page.locator('.launch-notes').textContent()).toContain('Opened from the EHR card about');

      // The OAuth exchange was the SMART one: the launch and aud passed on, S256 PKCE, a code_verifier at the token.
      const seen = auth.authorizeRequests.at(-1);
      expect(seen).toMatchObject({
        launch: launchId,
        aud: fhir.base,
        clientId: CLIENT_ID,
        codeChallengeMethod: 'S256',
        redirectUri: `${frontline.url}/launch/ready`,
      });
      expect(seen?.scope?.split(' ')).toEqual(
        expect.arrayContaining([
          'launch',
          'patient/Patient.rs',
          'patient/Condition.rs',
          'patient/Observation.rs',
        ]),
      );
      expect(auth.tokenRequests.at(-1)).toEqual({ codeVerifier: true, launch: launchId });
      // The record was read with the token: the Patient and the three searches, all answered 200.
      const reads = fhir.reads.slice(readsBefore);
      expect(reads.map((r) => r.path.split('?')[0]).sort()).toEqual(
        [`Patient/${patient}`, 'Condition', 'MedicationRequest', 'Observation'].sort(),
      );
      expect(reads.every((r) => r.status === 200)).toBe(true);
      expect(pageErrors).toEqual([]);
      await page.close();
    },
  );

  it('runs the launch inside the EHR’s iframe when the EHR’s origin is a configured frame ancestor', async () => {
    const example = cases.get(EXAMPLES[1]);
    if (example === undefined) {
      throw new Error('no example');
    }
    auth.launch('launch-framed', { patient: example.patient });
    const page = await newPage();
    const launchUrl = `${frontline.url}/launch?launch=launch-framed&iss=${encodeURIComponent(fhir.base)}`;
    await page.goto(`${fhir.origin}/ehr.html?src=${encodeURIComponent(launchUrl)}`);
    const app = page.frameLocator('#app');
    await app.locator('.results:not(.stale)').waitFor({ timeout: 20_000 });
    const ids = await app
      .locator('.options [data-option-id], .pending-options [data-option-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-option-id')));
    expect(ids).toEqual([...example.expected.options, ...example.expected.pending].map((o) => o.id));
    expect(page.frames().some((f) => new URL(f.url()).pathname === '/patient')).toBe(true);
    await page.close();
  });

  it('is not framed by any other origin', async () => {
    const page = await newPage();
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('frame-ancestors')) {
        refusals.push(m.text());
      }
    });
    // localhost is not 127.0.0.1: another origin on the same machine.
    const other = fhir.origin.replace('127.0.0.1', 'localhost');
    await page.goto(`${other}/ehr.html?src=${encodeURIComponent(`${frontline.url}/patient`)}`);
    await page.waitForFunction(() => document.title === 'frame loaded', undefined, { timeout: 15_000 });
    expect(await page.frameLocator('#app').locator('main').count()).toBe(0);
    expect(refusals.length).toBeGreaterThan(0);
    await page.close();
  });

  it('names the missing launch parameters', async () => {
    const page = await newPage();
    await page.goto(`${frontline.url}/launch`);
    const alert = await alertOf(page);
    expect(alert.step).toBe('launch-params');
    expect(alert.text).toContain(
      'The launch is missing "iss" (the FHIR server) and "launch" (the launch context)',
    );
    await page.close();
  });

  it('refuses an iss that is not configured, without contacting it', async () => {
    const page = await newPage();
    const before = auth.authorizeRequests.length;
    await page.goto(
      `${frontline.url}/launch?launch=x&iss=${encodeURIComponent('https://fhir.elsewhere.example/r4')}`,
    );
    const alert = await alertOf(page);
    expect(alert.step).toBe('launch-params');
    expect(alert.text).toContain('The launch names a FHIR server this Frontline does not accept');
    expect(alert.text).toContain('https://fhir.elsewhere.example/r4');
    expect(auth.authorizeRequests.length).toBe(before);
    await page.close();
  });

  it('says discovery failed when the FHIR server has no SMART configuration', async () => {
    const page = await newPage();
    await page.goto(`${frontline.url}/launch?launch=x&iss=${encodeURIComponent(fhir.brokenBase)}`);
    const alert = await alertOf(page);
    expect(alert.step).toBe('discovery');
    expect(alert.text).toContain('SMART discovery failed');
    expect(alert.text).toContain(`${fhir.brokenBase}/.well-known/smart-configuration`);
    await page.close();
  });

  it('says the token was refused', async () => {
    auth.launch('launch-expired', { patient, refuse: true });
    const page = await newPage();
    await page.goto(`${frontline.url}/launch?launch=launch-expired&iss=${encodeURIComponent(fhir.base)}`);
    const alert = await alertOf(page);
    expect(alert.step).toBe('token');
    expect(alert.text).toContain('The access token was refused');
    expect(alert.text).toContain(`(${auth.token}): invalid_grant: the launch has expired`);
    expect(page.url()).toContain('/launch/ready');
    await page.close();
  });

  it('names the FHIR read that failed', async () => {
    auth.launch('launch-no-patient', { patient: 'no-such-patient' });
    const page = await newPage();
    await page.goto(`${frontline.url}/launch?launch=launch-no-patient&iss=${encodeURIComponent(fhir.base)}`);
    const alert = await alertOf(page);
    expect(alert.step).toBe('fhir-read');
    expect(alert.text).toContain('Reading Patient/no-such-patient from the EHR’s FHIR server failed');
    expect(alert.text).toContain(`404 Not Found (${fhir.base}/Patient/no-such-patient): Not found`);
    await page.close();
  });

  it('says the redirect page was opened outside a launch', async () => {
    const page = await newPage();
    await page.goto(`${frontline.url}/launch/ready`);
    const alert = await alertOf(page);
    expect(alert.step).toBe('authorization');
    expect(alert.text).toContain('This page was opened outside a launch');
    await page.close();
  });
});
