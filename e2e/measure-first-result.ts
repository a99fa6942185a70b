// `npm run measure:web [-- RUNS] [--cold-browser]`: time from navigation start to the first options on screen for a
// shared patient link, in headless Chromium against the real server on loopback. Each run launches Chromium with a
// fresh profile (empty cache). By default the link is opened in a browser that has finished starting (a second on
// about:blank first), as when a clinician opens a shared link; `--cold-browser` opens it the moment Chromium has
// launched, while its own start-up still competes for the CPU. The page marks `frontline:first-result` once the frame
// with its first decision is drawn; the time counts from the navigation's start (performance.timeOrigin). Prints each
// run, then a JSON summary line with the machine's 1-minute load average before and after: other work on the machine
// slows the browser, so compare numbers taken at a similar load. A measurement for docs/web.md, never a timed test.
import { cpus, loadavg } from 'node:os';
import { launchBrowser } from './support/browser.js';
import { startServer } from './support/server.js';

const LINK =
  '/patient?lineage=B&age=45&ph=negative&cd19=positive&cd20Percent=30&mrd=0.001&fitForIntensiveChemo=true';
const args = process.argv.slice(2);
const coldBrowser = args.includes('--cold-browser');
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? '10');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const loadBefore = loadavg()[0] ?? 0;
const server = await startServer();
const times: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      if (!coldBrowser) {
        await page.goto('about:blank');
        await page.waitForTimeout(1000);
      }
      await page.goto(`${server.url}${LINK}`);
      await page.waitForSelector('[data-option-id]', { state: 'visible' });
      await page.waitForFunction(() => performance.getEntriesByName('frontline:first-result').length > 0);
      const ms = await page.evaluate(
        () => performance.getEntriesByName('frontline:first-result')[0]?.startTime ?? -1,
      );
      times.push(ms);
      process.stdout.write(`run ${i + 1}: first result on screen after ${ms.toFixed(0)} ms\n`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.stop();
}
const sorted = [...times].sort((a, b) => a - b);
const summary = {
  mode: coldBrowser ? 'cold-browser' : 'running-browser',
  runs,
  medianMs: Math.round(percentile(sorted, 50)),
  p90Ms: Math.round(percentile(sorted, 90)),
  maxMs: Math.round(sorted[sorted.length - 1] ?? Number.NaN),
  minMs: Math.round(sorted[0] ?? Number.NaN),
  targetMs: 1000,
  cpus: cpus().length,
  loadAverage: [Number(loadBefore.toFixed(2)), Number((loadavg()[0] ?? 0).toFixed(2))],
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
