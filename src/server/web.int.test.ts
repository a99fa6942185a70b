// The built web app at `/`, with index.html for the app's own routes so bookmarked patient links open.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.js';

const dir = mkdtempSync(join(tmpdir(), 'frontline-web-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Frontline</title><div id="app"></div>');
writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
const t = testApp({ webDir: dir });
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves index.html at / and static assets', async () => {
    const root = await t.app.request('/');
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>Frontline</title>');
    const asset = await t.app.request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves index.html for app routes such as a bookmarked patient view', async () => {
    const res = await t.app.request('/patient?lineage=B&age=45&ph=negative&cd20Percent=30&mrd=0.001');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/assets/app.js')).headers.get('cache-control')).not.toBe('no-store');
    expect(await res.text()).toContain('<div id="app">');
    expect((await t.app.request('/evidence/studies/e1910')).status).toBe(200);
  });

  it('answers an unknown page with 404, still with the app (which says there is no page here)', async () => {
    const res = await t.app.request('/no/such/view');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<div id="app">');
    expect((await t.app.request('/references')).status).toBe(200);
    expect((await t.app.request('/trials?lineage=B')).status).toBe(200);
  });

  it('answers 404 JSON for a missing asset and for unknown API routes, never index.html', async () => {
    const asset = await t.app.request('/assets/missing.js');
    expect(asset.status).toBe(404);
    expect(((await asset.json()) as { code: string }).code).toBe('request.not-found');
    expect((await t.app.request('/api/nope')).status).toBe(404);
    expect((await t.app.request('/api/health')).status).toBe(200);
  });

  it('serves nothing at / when there is no built web app', async () => {
    const bare = testApp({ webDir: join(dir, 'absent') });
    try {
      expect((await bare.app.request('/')).status).toBe(404);
    } finally {
      bare.cleanup();
    }
  });
});
