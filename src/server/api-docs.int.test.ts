// The API documentation page: Swagger UI served from this server, reading /api/openapi.json; nothing from outside.
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.js';

const t = testApp();
afterAll(() => t.cleanup());

describe('the API documentation page', () => {
  it('is served with its renderer from this server, pointing at the OpenAPI document', async () => {
    const page = await t.app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.startsWith('/api/'))).toBe(true);
    for (const s of sources) {
      const res = await t.app.request(s);
      expect(res.status, s).toBe(200);
    }
    expect(await (await t.app.request('/api/docs/init.js')).text()).toContain("url: '/api/openapi.json'");
    expect((await t.app.request('/api/docs/swagger-ui-bundle.js')).headers.get('content-type')).toMatch(
      /javascript/,
    );
  });

  it('serves no other file of the renderer package', async () => {
    expect((await t.app.request('/api/docs/package.json')).status).toBe(404);
  });
});
