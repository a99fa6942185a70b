// The web app in headless Chromium against the real server (`frontline serve` on a free loopback port, temporary
// SQLite file). What the page shows is compared with what the API answers for the same input, so the tests follow
// the knowledge base as the curators complete it. Screenshots of every view go to test-output/web/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from '../src/fhir/test-support.js';
import type { Kb } from '../src/kb/core.js';
import { kbVia, recommendVia } from './support/api.js';
import {
  BROWSER_REQUIRED,
  type Browser,
  CHROMIUM_AVAILABLE,
  CHROMIUM_PATH,
  launchBrowser,
} from './support/browser.js';
import { ROOT, type Server, startServer } from './support/server.js';

const SHOTS = join(ROOT, 'test-output', 'web');
const SHARED =
  '/patient?lineage=B&age=45&ph=negative&cd19=positive&cd20Percent=30&mrd=0.001&fitForIntensiveChemo=true';
const SHARED_PROFILE = {
  lineage: 'B',
  age: 45,
  ph: 'negative',
  cd19: 'positive',
  cd20Percent: 30,
  mrd: { value: 0.001 },
  fitForIntensiveChemo: true,
};
const UNDER_55 = 'blinatumomab.frontline-under-55';

const missingBrowser = `Chromium not found at ${CHROMIUM_PATH} (install it, or point FRONTLINE_CHROMIUM at one)`;
if (!CHROMIUM_AVAILABLE && !BROWSER_REQUIRED) {
  process.stderr.write(`e2e: skipping the browser tests: ${missingBrowser}\n`);
}

/** Option ids on the page: applying options, then pending ones, in page order. */
async function shownIds(page: Page): Promise<{ options: string[]; pending: string[] }> {
  return page.evaluate(() => ({
    options: [...document.querySelectorAll('.options [data-option-id]')].map(
      (e) => e.getAttribute('data-option-id') ?? '',
    ),
    pending: [...document.querySelectorAll('.pending-options [data-option-id]')].map(
      (e) => e.getAttribute('data-option-id') ?? '',
    ),
  }));
}

/** Waits until the page shows exactly these applying options (the debounced request has come back). */
async function waitForOptions(page: Page, ids: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const got = [...document.querySelectorAll('.options [data-option-id]')].map((e) =>
        e.getAttribute('data-option-id'),
      );
      return (
        document.querySelector('.results.stale') === null && JSON.stringify(got) === JSON.stringify(want)
      );
    },
    ids,
    { timeout: 15_000 },
  );
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  // Cards below the fold are drawn when scrolled to (content-visibility: auto); a full-page picture needs them all.
  await page.addStyleTag({ content: '.option { content-visibility: visible !important; }' });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the web app in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let kb: Kb;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    kb = await kbVia(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a shared patient link and shows the options the API gives, by strength, with notice and KB version', async () => {
    const expected = await recommendVia(server.url, SHARED_PROFILE);
    await page.goto(`${server.url}${SHARED}`);
    await waitForOptions(
      page,
      expected.options.map((o) => o.id),
    );
    const shown = await shownIds(page);
    expect(shown.options).toContain(UNDER_55);
    expect(shown.pending).toEqual(expected.pending.map((o) => o.id));
    expect(await page.getAttribute(`[data-option-id="${UNDER_55}"]`, 'class')).toContain(
      'strength-recommended',
    );
    expect(await page.locator('[data-strength="recommended"] .meaning').textContent()).toMatch(
      /explicitly recommend/,
    );
    expect(await page.locator('.results [data-kb-version]').textContent()).toBe(expected.kbVersion);
    expect(await page.locator('.results [data-notice]').textContent()).toMatch(
      /Decision support, not a substitute for clinical judgment/,
    );
    // The form shows the link's values; MRD is shown in percent and read in all three forms.
    expect(await page.inputValue('#f-age')).toBe('45');
    expect(await page.inputValue('#f-mrd')).toBe('0.1');
    expect(await page.locator('#f-mrd-reading').textContent()).toContain('0.001 (0.1%, 10⁻³)');
    // Reasons: the trace with met marks, value seen and the review's own threshold.
    const reasons = await page.locator(`[data-option-id="${UNDER_55}"] ul.trace`).first().textContent();
    expect(reasons).toContain('seen: 45');
    expect(reasons).toContain('younger than 55 years');
    expect(await page.locator('[data-missing-field]').count()).toBe(expected.missing.length);
    await shot(page, 'patient');
  });

  it('changes the options and the link when a field changes', async () => {
    await page.goto(`${server.url}${SHARED}`);
    const before = await recommendVia(server.url, SHARED_PROFILE);
    await waitForOptions(
      page,
      before.options.map((o) => o.id),
    );
    const after = await recommendVia(server.url, { ...SHARED_PROFILE, age: 60 });
    expect(after.options.map((o) => o.id)).not.toEqual(before.options.map((o) => o.id));
    await page.fill('#f-age', '60');
    await waitForOptions(
      page,
      after.options.map((o) => o.id),
    );
    expect(new URL(page.url()).searchParams.get('age')).toBe('60');
    expect((await shownIds(page)).options).not.toContain(UNDER_55);

    const phPositive = await recommendVia(server.url, { ...SHARED_PROFILE, age: 60, ph: 'positive' });
    await page.selectOption('#f-ph', 'positive');
    await waitForOptions(
      page,
      phPositive.options.map((o) => o.id),
    );
    expect(new URL(page.url()).searchParams.get('ph')).toBe('positive');
    await shot(page, 'patient-changed', false);
  });

  it('shows the age-55 boundary note', async () => {
    const expected = await recommendVia(server.url, { lineage: 'B', age: 55, ph: 'negative' });
    const boundaries = expected.warnings.filter((w) => w.kind === 'boundary');
    expect(boundaries.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/patient?lineage=B&age=55&ph=negative`);
    await waitForOptions(
      page,
      expected.options.map((o) => o.id),
    );
    const shown = page.locator('.patient-warnings li.kind-boundary');
    expect(await shown.count()).toBe(boundaries.length);
    expect(await shown.first().textContent()).toContain(boundaries[0]?.text ?? '');
    await shot(page, 'patient-boundary-55', false);
  });

  it('shows the server’s field errors next to the field, and unknown parameters by name', async () => {
    await page.goto(`${server.url}/patient?lineage=B&age=200&cdd20=3`);
    await page.waitForSelector('[data-field="age"] .field-error');
    expect(await page.locator('[data-field="age"] .field-error').textContent()).toMatch(
      /age is in years, from 0 to 120/,
    );
    expect(await page.getAttribute('#f-age', 'aria-invalid')).toBe('true');
    expect(await page.locator('.profile-form .form-errors').textContent()).toContain('unknown field "cdd20"');
    expect(await page.locator('.options').count()).toBe(0);
    await shot(page, 'patient-bad-input', false);
  });

  it('reads a FHIR Bundle file: what the mapping found, and a shareable link of the mapped facts', async () => {
    const file = join(examplesDir(import.meta.url), 'fhir', 'a-adult-ph-negative-b-all-cd20-35pct.json');
    const bundle: unknown = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
    const expected = await recommendVia(server.url, bundle, true);
    await page.goto(`${server.url}/patient`);
    await page.setInputFiles('#fhir-file', file);
    await page.waitForSelector('.fhir-findings');
    await waitForOptions(
      page,
      expected.options.map((o) => o.id),
    );
    const findings = await page.locator('.fhir-findings').textContent();
    for (const field of Object.keys(expected.fhir?.sources ?? {})) {
      expect(findings).toContain(field);
    }
    expect(findings).toContain(`Not found (${expected.fhir?.missing.length ?? 0})`);
    const url = new URL(page.url());
    expect(url.searchParams.get('cd20Percent')).toBe(String(expected.profile.cd20Percent));
    expect(url.searchParams.get('lineage')).toBe('B');
    await shot(page, 'patient-fhir', false);
  });

  it('prints a one-page tumor-board summary, and copies the same text as Markdown', async () => {
    const expected = await recommendVia(server.url, SHARED_PROFILE);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}${SHARED}`);
    await waitForOptions(
      page,
      expected.options.map((o) => o.id),
    );
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.waitForSelector('.copied:has-text("Copied")');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toBe(await page.inputValue('.actions textarea'));
    for (const o of expected.options) {
      expect(markdown).toContain(o.title.replace(/[\\`*_[\]]/g, (c) => `\\${c}`));
    }
    expect(markdown).toContain(expected.kbVersion);
    writeFileSync(join(SHOTS, 'summary.md'), markdown);

    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.print-summary').isVisible()).toBe(true);
      expect(await page.locator('.profile-form').isVisible()).toBe(false);
      const printed = await page.locator('.print-summary').textContent();
      for (const o of expected.options) {
        expect(printed).toContain(o.title);
      }
      const pdf = await page.pdf({ format: 'A4' });
      writeFileSync(join(SHOTS, 'summary.pdf'), pdf);
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
      await shot(page, 'patient-print');
    } finally {
      // A failure here must not leave the shared page printing for the tests after it.
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('lists every study in a table that sorts and filters', async () => {
    await page.goto(`${server.url}/evidence`);
    await page.waitForSelector('table.studies tbody tr');
    expect(await page.locator('table.studies tbody tr').count()).toBe(kb.studies.length);
    await page.getByRole('button', { name: /^n\b/ }).click();
    expect(await page.getAttribute('th[aria-sort="ascending"]', 'aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('n');
    const withBlina = kb.studies.filter((s) => s.agents.includes('blinatumomab')).length;
    await page.selectOption('#filter-agent', 'blinatumomab');
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.studies tbody tr').length === n,
      withBlina,
    );
    await shot(page, 'evidence');
  });

  it('shows a study with every outcome, its quote and reference numbers', async () => {
    const study = kb.studies.find((s) => s.id === 'e1910') ?? kb.studies[0];
    expect(study).toBeDefined();
    await page.goto(`${server.url}/evidence/studies/${study?.id ?? ''}`);
    await page.waitForSelector('table.outcomes');
    expect(await page.locator('[data-outcome-id]').count()).toBe(study?.outcomes.length);
    expect(await page.locator('.study-view').textContent()).toContain('Notes on inconsistencies');
    await shot(page, 'evidence-study');
  });

  it('draws the forest plot with one mark per hazard ratio in the knowledge base', async () => {
    const hrs = kb.studies.flatMap((s) => s.outcomes.filter((o) => o.measure === 'hazard-ratio'));
    await page.goto(`${server.url}/evidence/forest`);
    await page.waitForSelector('#forest-plot svg');
    expect(await page.locator('#forest-plot g[aria-description="hazard ratio"] > *').count()).toBe(
      hrs.length,
    );
    expect(await page.locator('#forest-plot g[aria-description="confidence interval"] > *').count()).toBe(
      hrs.filter((o) => o.ci !== undefined).length,
    );
    expect(await page.locator('#forest-plot g[aria-description="no CI reported"] > *').count()).toBe(
      hrs.filter((o) => o.ci === undefined).length,
    );
    expect(await page.locator('#forest-plot g[aria-description="no difference (HR = 1)"] > *').count()).toBe(
      1,
    );
    expect(await page.locator('table.hazard-ratios tbody tr').count()).toBe(hrs.length);
    // Each row that names both arms says, under its mark, which arm each side of HR = 1 favours.
    const armsOf = kb.studies.flatMap((s) =>
      s.outcomes
        .filter((o) => o.measure === 'hazard-ratio' && o.arm !== undefined && o.versus !== undefined)
        .map((o) => {
          const label = (id: string | undefined) => s.arms.find((a) => a.id === id)?.label ?? id;
          return { below: label(o.arm), above: label(o.versus) };
        }),
    );
    expect(armsOf.length).toBeGreaterThan(0);
    const squash = (t: string | null) => (t ?? '').replace(/\s+/g, '');
    const below = await page
      .locator('#forest-plot g[aria-description="below 1 favours"] > text')
      .allTextContents();
    const above = await page
      .locator('#forest-plot g[aria-description="above 1 favours"] > text')
      .allTextContents();
    expect(below.map(squash)).toEqual(armsOf.map((a) => squash(`← favours ${a.below}`)));
    expect(above.map(squash)).toEqual(armsOf.map((a) => squash(`favours ${a.above} →`)));
    // ...and stays on its side: right of the row labels, left of the HR = 1 line or of the HR (95% CI) column.
    const overlaps = await page.evaluate(() => {
      const svg = document.querySelector('#forest-plot svg');
      const box = (sel: string) =>
        [...(svg?.querySelectorAll(sel) ?? [])].map((e) => e.getBoundingClientRect());
      const one = box('g[aria-description="no difference (HR = 1)"] > *')[0];
      const rowLabelsEnd = Math.max(
        ...box('g[aria-label="y-axis tick label"] text').map((b) => b.x + b.width),
      );
      const hrColumn = Math.min(...box('g[aria-description="HR (95% CI)"] > text').map((b) => b.x));
      const out: string[] = [];
      for (const b of box('g[aria-description="below 1 favours"] > text')) {
        if (b.x < rowLabelsEnd || (one !== undefined && b.x + b.width > one.x)) {
          out.push(`below at ${b.x}`);
        }
      }
      for (const b of box('g[aria-description="above 1 favours"] > text')) {
        if ((one !== undefined && b.x < one.x) || b.x + b.width > hrColumn) {
          out.push(`above at ${b.x}`);
        }
      }
      return out;
    });
    expect(overlaps).toEqual([]);
    await shot(page, 'evidence-forest');
  });

  it('compares one endpoint across studies, marked as a cross-trial comparison', async () => {
    await page.goto(`${server.url}/evidence/compare`);
    await page.waitForSelector('#compare-plot svg');
    expect(await page.locator('.cross-trial').textContent()).toMatch(/Cross-trial comparison/);
    const marks = await page.locator('#compare-plot g[aria-description="reported rate"] > *').count();
    expect(marks).toBeGreaterThan(1);
    expect(await page.locator('.compare-view tbody tr').count()).toBe(marks);
    // Every figure with a 95% CI in the table has its bar in the plot.
    const withCi = await page.locator('.compare-view tbody td.num', { hasText: /CI/ }).count();
    expect(withCi).toBeGreaterThan(0);
    expect(
      await page.locator('#compare-plot g[aria-description="95% confidence interval"] > *').count(),
    ).toBe(withCi);
    // Row labels: one per figure, all distinct, no ids such as "(os-3y)".
    const ticks = await page
      .locator('#compare-plot g[aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(ticks.length).toBe(marks);
    expect(new Set(ticks).size).toBe(ticks.length);
    for (const t of ticks) {
      expect(t).not.toMatch(/\([a-z0-9]+(-[a-z0-9]+)+\)/);
    }
    await shot(page, 'evidence-compare');
  });

  it('lists every NCT trial with the profile fields that decide a match, and opens one from an option', async () => {
    await page.goto(`${server.url}/trials`);
    await page.waitForSelector('[data-nct]');
    const shown = await page.$$eval('[data-nct]', (els) => els.map((e) => e.getAttribute('data-nct')));
    expect(shown.sort()).toEqual(kb.trials.map((t) => t.nct).sort());
    // Every trial says who leads it as the review names it, or that the review names no one.
    const sponsors = await page.$$eval('[data-nct] .sponsor', (els) =>
      els.map((e) => [e.closest('[data-nct]')?.getAttribute('data-nct'), e.textContent]),
    );
    expect(Object.fromEntries(sponsors)).toEqual(
      Object.fromEntries(
        kb.trials.map((t) => [t.nct, `Sponsor: ${t.sponsor?.name ?? 'not named in the review'}`]),
      ),
    );
    expect(kb.trials.some((t) => t.sponsor !== undefined)).toBe(true);
    await shot(page, 'trials');
    const named = kb.recommendations.find((r) => r.trials.length > 0);
    expect(named).toBeDefined();
    const nct = named?.trials[0] ?? '';
    expect(await page.locator(`[data-nct="${nct}"] .facts-list`).textContent()).not.toBe('');
  });

  it('shows the knowledge-base version, the sources and the notice on the about page', async () => {
    await page.goto(`${server.url}/about`);
    await page.waitForSelector('.about-view');
    expect(await page.locator('.about-view [data-kb-version]').textContent()).toBe(kb.version);
    expect(await page.locator('.about-view').textContent()).toContain('Decision support, not a substitute');
    for (const s of kb.sources) {
      expect(await page.locator('.about-view').textContent()).toContain(s.title);
    }
    await shot(page, 'about');
  });

  it('works offline: every request stays on the Frontline server', async () => {
    const requests: string[] = [];
    const fresh = await browser.context.newPage();
    fresh.on('request', (r) => requests.push(r.url()));
    for (const path of [SHARED, '/evidence', '/evidence/forest', '/evidence/compare', '/trials', '/about']) {
      await fresh.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    }
    await fresh.close();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'))).toEqual([]);
  });

  it('is usable by keyboard and labels every control, with landmarks', async () => {
    await page.goto(`${server.url}${SHARED}`);
    await page.waitForSelector('[data-option-id]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length ?? 0;
          return (
            labelled === 0 &&
            !el.getAttribute('aria-label') &&
            !el.getAttribute('aria-labelledby') &&
            (el.tagName !== 'BUTTON' || (el.textContent ?? '').trim() === '')
          );
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    for (const landmark of ['header', 'nav', 'main', 'footer']) {
      expect(await page.locator(landmark).count()).toBeGreaterThan(0);
    }
    // The sort buttons of the evidence table work from the keyboard.
    await page.goto(`${server.url}/evidence`);
    await page.waitForSelector('table.studies');
    await page.getByRole('button', { name: /^Phase/ }).focus();
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('phase');
  });

  it('fits a tablet screen without sideways scrolling', async () => {
    const tablet = await browser.context.newPage();
    await tablet.setViewportSize({ width: 820, height: 1180 });
    await tablet.goto(`${server.url}${SHARED}`);
    await tablet.waitForSelector('[data-option-id]');
    const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tablet.screenshot({ path: join(SHOTS, 'patient-tablet.png') });
    await tablet.close();
  });

  it('sends / to the patient view with its query, and answers unknown paths with a page that says so', async () => {
    await page.goto(`${server.url}/?lineage=T`);
    await page.waitForURL(/\/patient\?lineage=T$/);
    await page.waitForSelector('[data-option-id], .options');
    await page.goto(`${server.url}/no/such/view`);
    expect(await page.locator('main h1').textContent()).toBe('No page here');
  });

  it('says, on the SMART launch URL, that the launch is not configured on a server started without it', async () => {
    await page.goto(`${server.url}/launch?launch=abc&iss=${encodeURIComponent('https://fhir.example/r4')}`);
    const alert = page.locator('.launch-view [role="alert"]');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.getAttribute('data-launch-step')).toBe('config');
    expect(await alert.textContent()).toContain('SMART launch is not configured on this Frontline server');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

if (!CHROMIUM_AVAILABLE) {
  describe('without Chromium', () => {
    if (BROWSER_REQUIRED) {
      it('fails, because FRONTLINE_REQUIRE_BROWSER=1 demands the browser tests', () => {
        throw new Error(`FRONTLINE_REQUIRE_BROWSER=1 but ${missingBrowser}`);
      });
    } else {
      it.skip(`browser tests skipped: ${missingBrowser}`, () => undefined);
    }
  });
}
