// Host spoofing and DNS rebinding: links come from the public URL, never from the Host header, and a Host that is
// not the public URL's is answered 421 before any route runs.
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';
import { resolveServeConfig } from './config.js';
import { exposure, publicHosts } from './exposure.js';

const bundle = fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json');
const PUBLIC = 'https://cds.example.org';
const t = testApp({ publicUrl: PUBLIC, allowedHosts: publicHosts(PUBLIC, 3000) });
afterAll(() => t.cleanup());

describe('the Host header', () => {
  it('answers 421 to a Host that is not the public URL (a spoofed or rebinding name), on every surface', async () => {
    for (const [path, init] of [
      ['/cds-services/frontline-all', post(patientViewRequest(bundle), { host: 'evil.example' })],
      ['/api/health', { headers: { host: 'evil.example' } }],
      ['/patient?lineage=B', { headers: { host: '127.0.0.1:3000' } }],
    ] as const) {
      const res = await t.app.request(path, init);
      expect(res.status, path).toBe(421);
      expect(JSON.stringify(await res.json())).toContain('request.misdirected');
    }
  });

  it('builds every card link and source.url from the public URL', async () => {
    const res = await t.app.request(
      '/cds-services/frontline-all',
      post(patientViewRequest(bundle), { host: 'cds.example.org' }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cards: { source: { url?: string }; links?: { url: string }[] }[] };
    const urls = body.cards.flatMap((c) => [c.source.url ?? '', ...(c.links ?? []).map((l) => l.url)]);
    const ours = urls.filter((u) => u !== '' && !u.startsWith('https://clinicaltrials.gov/'));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((u) => u.startsWith(`${PUBLIC}/`))).toBe(true);
  });

  it('accepts the loopback names with the port listened on when no public URL is configured', () => {
    expect(publicHosts(undefined, 3000)).toEqual(['127.0.0.1:3000', 'localhost:3000', '[::1]:3000']);
  });
});

describe('exposure', () => {
  const config = (flags: Parameters<typeof resolveServeConfig>[0]) => {
    const r = resolveServeConfig(flags, {});
    if (!r.ok) {
      throw new Error(r.errors.join('; '));
    }
    return r.config;
  };

  it('listens on loopback without JWT', () => {
    expect(exposure(config({}))).toEqual({ ok: true, insecure: false });
    expect(exposure(config({ host: '::1' }))).toEqual({ ok: true, insecure: false });
    expect(exposure(config({ host: 'localhost' }))).toEqual({ ok: true, insecure: false });
  });

  it('refuses a non-loopback address without JWT unless --insecure, and always without a public URL', () => {
    const refused = exposure(config({ host: '0.0.0.0' }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/--trusted-issuers.*--insecure/);
    const noUrl = exposure(config({ host: '0.0.0.0', insecure: true }));
    expect(!noUrl.ok && noUrl.error).toContain('--public-url');
    expect(exposure(config({ host: '0.0.0.0', insecure: true, publicUrl: PUBLIC }))).toEqual({
      ok: true,
      insecure: true,
    });
    expect(exposure(config({ host: '10.0.0.5', trustedIssuers: 'trust.json', publicUrl: PUBLIC }))).toEqual({
      ok: true,
      insecure: false,
    });
  });
});
