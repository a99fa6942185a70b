// The answer at a glance, on any screen, with every citation one click away (issue 14): the summary first, phones
// (390 × 844) as first-class as laptops (1366 × 900), references that open, trials for this patient, clinician
// words only, and axe-core on every page at both sizes. The patient view's screenshots for docs/web.md are written
// here, to docs/screenshots/.
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kb } from '../src/kb/core.js';
import { internalWordProblems } from '../test/support/internal-words.js';
import { kbVia, recommendVia } from './support/api.js';
import { BROWSER_REQUIRED, type Browser, CHROMIUM_AVAILABLE, launchBrowser } from './support/browser.js';
import { ROOT, type Server, startServer } from './support/server.js';

const DOC_SHOTS = join(ROOT, 'docs', 'screenshots');
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
/** A patient whose options name trials: over 55, Ph-negative (the review's trials for older adults). */
const OLDER = '/patient?lineage=B&age=62&ph=negative&cd19=positive&cd22=positive&fitForIntensiveChemo=true';
const OLDER_PROFILE = {
  lineage: 'B',
  age: 62,
  ph: 'negative',
  cd19: 'positive',
  cd22: 'positive',
  fitForIntensiveChemo: true,
};

const PAGES = [
  SHARED,
  OLDER,
  '/patient',
  '/evidence',
  '/evidence/studies/e1910',
  '/evidence/forest',
  '/evidence/compare',
  '/trials',
  `/trials?${SHARED.split('?')[1]}`,
  '/about',
  '/references',
  '/no/such/view',
] as const;

/** How many pages the sweep over PAGES loads and analyses at once. */
const PAGES_AT_ONCE = 2;

/** `f` over `items`, at most `limit` at a time; the results in the order of `items`. */
async function mapAtMost<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Waits until the view has drawn its content (the options, or the view's own heading once its data is in). */
async function ready(page: Page, path: string): Promise<void> {
  await page.waitForSelector('main h1');
  if (path.startsWith('/patient?')) {
    await page.waitForSelector('.results:not(.stale) [data-option-id], .results:not(.stale) .options');
    // The knowledge base (agent classes, trial names, references) arrives when the browser is idle.
    await page.waitForSelector('[data-kb-ready]', { state: 'attached' });
  } else if (path !== '/patient' && path !== '/no/such/view') {
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('main .status, main [role="status"]')].some((e) =>
          /^(Loading|Finding)/.test((e.textContent ?? '').trim()),
        ),
    );
  }
}

/** Visible text of the page, without the parts no reader sees. */
function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text (innerText) is what a reader sees.
  return page.evaluate(() => document.body.innerText);
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the answer at a glance, on any screen (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let kb: Kb;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    kb = await kbVia(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`${server.url}${path}`);
    await ready(page, path);
    return page;
  }

  it('puts a summary of the options first: strength, option, agents, key number, trials; a row opens its card', async () => {
    const expected = await recommendVia(server.url, SHARED_PROFILE);
    const page = await open(SHARED, VIEWPORTS[0]);
    const rows = await page.$$eval('[data-glance-option]', (els) =>
      els.map((e) => e.getAttribute('data-glance-option')),
    );
    expect(rows).toEqual([...expected.options, ...expected.pending].map((o) => o.id));
    // The summary comes before the first card.
    const order = await page.evaluate(() => {
      const glance = document.querySelector('.at-a-glance');
      const card = document.querySelector('[data-option-id]');
      return glance !== null && card !== null && (glance.compareDocumentPosition(card) & 4) !== 0;
    });
    expect(order).toBe(true);
    const first = expected.options[0];
    expect(first).toBeDefined();
    const id = first?.id ?? '';
    expect(
      await page.locator(`[data-option-id="${id}"] details.option-details`).getAttribute('open'),
    ).toBeNull();
    await page.locator(`[data-glance-option="${id}"] a[href="#option-${id}"]`).click();
    expect(await page.locator(`[data-option-id="${id}"] details.option-details`).getAttribute('open')).toBe(
      '',
    );
    expect(await page.locator(`[data-option-id="${id}"] ul.trace`).first().isVisible()).toBe(true);
    // "options apply" counts only recommended, supported and consider.
    const applying = expected.options.filter((o) =>
      ['recommended', 'supported', 'consider'].includes(o.strength),
    );
    expect(await page.locator('.results-column p.status').textContent()).toContain(
      `${applying.length} option${applying.length === 1 ? ' applies' : 's apply'}`,
    );
    // The most telling test is named when facts are missing.
    if (expected.missing.length > 0) {
      expect(await page.locator('.telling').textContent()).toContain('The test that would change the most');
    }
    await page.close();
  });

  it('reads alternatives with "or" and combinations with "+"', async () => {
    const expected = await recommendVia(server.url, OLDER_PROFILE);
    const page = await open(OLDER, VIEWPORTS[0]);
    const classOf = new Map(kb.agents.map((a) => [a.id, a.class]));
    const sameClass = [...expected.options, ...expected.pending].find(
      (o) => o.agents.length > 1 && new Set(o.agents.map((a) => classOf.get(a))).size < o.agents.length,
    );
    const texts = await page.$$eval('[data-glance-option] td[data-label="Agents"]', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    if (sameClass !== undefined) {
      expect(
        await page.locator(`[data-glance-option="${sameClass.id}"] td[data-label="Agents"]`).textContent(),
      ).toContain(' or ');
    }
    expect(texts.length).toBeGreaterThan(0);
    await page.close();
  });

  it('opens every cited reference in one click, with the entry from the review’s reference list', async () => {
    const page = await open(SHARED, VIEWPORTS[0]);
    const link = page.locator('a.ref-link').first();
    const n = Number(await link.getAttribute('data-ref'));
    const entry = kb.references.find((r) => r.n === n);
    expect(entry).toBeDefined();
    await link.click();
    await page.waitForSelector(`dialog.reference-dialog[open] [data-reference="${n}"]`);
    expect(await page.locator('dialog.reference-dialog').textContent()).toContain(entry?.title ?? '');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.reference-dialog:not([open])', { state: 'attached' });
    // The references page holds all 104, each at its anchor.
    await page.goto(`${server.url}/references#ref-42`);
    await page.waitForSelector('#ref-42');
    expect(await page.locator('[data-reference]').count()).toBe(kb.references.length);
    expect(kb.references.length).toBe(104);
    await page.close();
  });

  it('ends the print view with the references it cites', async () => {
    const page = await open(SHARED, VIEWPORTS[0]);
    await page.waitForSelector('.print-summary [data-print-reference]', { state: 'attached' });
    const cited = await page.$$eval('.print-summary [data-print-reference]', (els) =>
      els.map((e) => Number(e.getAttribute('data-print-reference'))),
    );
    const inText = await page.$eval('.print-summary', (e) =>
      [...(e.textContent ?? '').matchAll(/\[refs? ([\d, ]+)\]/g)].flatMap((m) =>
        (m[1] ?? '').split(', ').map(Number),
      ),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited).toEqual([...new Set(inText)].sort((a, b) => a - b));
    await page.close();
  });

  it('lists the trials this patient could join, with per-criterion reasons, on the patient view and the trials page', async () => {
    const expected = await recommendVia(server.url, OLDER_PROFILE);
    const ncts = [...new Set([...expected.options, ...expected.pending].flatMap((o) => o.trials))].sort();
    expect(ncts.length).toBeGreaterThan(0);
    const page = await open(OLDER, VIEWPORTS[0]);
    const shown = await page.$$eval('[data-patient-trial]', (els) =>
      els.map((e) => e.getAttribute('data-patient-trial')),
    );
    expect([...shown].sort()).toEqual(ncts);
    const first = page.locator('[data-patient-trial]').first();
    expect(await first.locator('ul.trace .mark').count()).toBeGreaterThan(0);
    expect(await first.textContent()).toMatch(/criteria met|depends on/);
    // Each says who leads the trial as the review names it, or that the review names no one.
    for (const nct of ncts) {
      const trial = kb.trials.find((t) => t.nct === nct);
      expect(await page.locator(`[data-patient-trial="${nct}"] .meta`).textContent()).toContain(
        `sponsor: ${trial?.sponsor?.name ?? 'not named in the review'}`,
      );
    }
    await page.goto(`${server.url}/trials?${OLDER.split('?')[1]}`);
    await page.waitForSelector('[data-patient-trial]');
    const onTrials = await page.$$eval('[data-patient-trial]', (els) =>
      els.map((e) => e.getAttribute('data-patient-trial')),
    );
    expect([...onTrials].sort()).toEqual(ncts);
    await page.close();
  });

  it('reaches the first option in at most 3 tabs from the skip link', async () => {
    const page = await open(SHARED, VIEWPORTS[0]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    let reached = false;
    for (let tabs = 1; tabs <= 3 && !reached; tabs += 1) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => ({
        glance: document.activeElement?.closest('[data-glance-option]') !== null,
        toOptions: document.activeElement?.classList.contains('to-options') === true,
      }));
      if (where.glance) {
        reached = true;
      } else if (where.toOptions) {
        await page.keyboard.press('Enter');
      }
    }
    expect(reached).toBe(true);
    await page.close();
  });

  /** Serious or critical axe violations of the page, one line each. */
  async function axeProblems(page: Page, path: string): Promise<string[]> {
    const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    return axe.violations
      .filter((x) => x.impact === 'serious' || x.impact === 'critical')
      .map(
        (v) =>
          `${path}: axe ${v.id} (${v.impact}) on ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join('; ')}`,
      );
  }

  /** Internal ids, raw values, LaTeX and broken plurals in the text a reader sees. */
  function wordProblems(path: string, text: string): string[] {
    return internalWordProblems(kb, path, text);
  }

  for (const viewport of VIEWPORTS) {
    // Twelve pages, each loaded and analysed by axe: minutes on a loaded 2-core machine, hence the long timeout.
    it(`has no serious or critical axe violation, no sideways scrolling and no internal word on any page (${viewport.name} ${viewport.width}×${viewport.height})`, {
      timeout: 600_000,
    }, async () => {
      // Pages are checked PAGES_AT_ONCE at a time: axe runs in each page's own renderer process, so two cores
      // analyse two pages at once. Problems are listed in PAGES order whatever order the pages finish in.
      const perPage = await mapAtMost(PAGES, PAGES_AT_ONCE, async (path) => {
        const problems: string[] = [];
        const page = await open(path, viewport);
        problems.push(...(await axeProblems(page, path)));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          problems.push(`${path}: ${overflow} px of sideways scrolling`);
        }
        problems.push(...wordProblems(path, await visibleText(page)));
        if (path === SHARED) {
          await page.screenshot({ path: join(DOC_SHOTS, `patient-${viewport.name}.png`), fullPage: false });
        }
        await page.close();
        return problems;
      });
      expect(perPage.flat()).toEqual([]);
    });
  }

  it('serves the API documentation from the OpenAPI document, drawn offline by its renderer', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/api/docs`);
    await page.waitForSelector('#swagger-ui .opblock', { timeout: 30_000 });
    const operations = await page.locator('#swagger-ui .opblock').count();
    expect(operations).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#swagger-ui').textContent()).toContain('/api/recommendations');
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers the options in one tap on a phone', async () => {
    const page = await open(SHARED, VIEWPORTS[1]);
    const link = page.locator('a.to-options');
    expect(await link.isVisible()).toBe(true);
    const box = await link.boundingBox();
    expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(844);
    await link.click();
    await page.waitForFunction(() => {
      const r = document.getElementById('glance-heading')?.getBoundingClientRect();
      return r !== undefined && r.top > -2 && r.top < window.innerHeight;
    });
    await page.close();
  });
});

if (!CHROMIUM_AVAILABLE && BROWSER_REQUIRED) {
  describe('without Chromium', () => {
    it('fails, because FRONTLINE_REQUIRE_BROWSER=1 demands the browser tests', () => {
      throw new Error('FRONTLINE_REQUIRE_BROWSER=1 but Chromium is missing');
    });
  });
}
