// Headless Chromium for the browser tests and the first-result measurement: Debian's /usr/bin/chromium driven by
// playwright-core, with a fresh profile (user-data-dir) per launch and no background network.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Chromium is looked for; `FRONTLINE_CHROMIUM` overrides the Debian path. */
export const CHROMIUM_PATH = process.env.FRONTLINE_CHROMIUM ?? '/usr/bin/chromium';

/** True when CI demands the browser tests (`FRONTLINE_REQUIRE_BROWSER=1`): a missing Chromium then fails. */
export const BROWSER_REQUIRED = process.env.FRONTLINE_REQUIRE_BROWSER === '1';

export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM_PATH);

/** Flags beyond Playwright's own `--headless`: no sandbox (containers), no GPU, nothing fetched in the background. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data-dir, removed on close. */
export async function launchBrowser(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'frontline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
