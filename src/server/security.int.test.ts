// Hostile requests on every POST endpoint: bodies over the limit (declared, and streamed without a length), JSON
// nested 100,000 deep, and media types that are not JSON. Each is a 4xx with a reason, never a 5xx. (Every JWT
// rejection case is in auth/jwt.test.ts and cds.int.test.ts; no patient identifier in the store or logs: phi.int.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { post, testApp } from '../../test/support/app.js';

const POSTS = ['/api/recommendations', '/cds-services/frontline-all', '/cds-services/frontline-all/feedback'];

const t = testApp({ bodyLimitBytes: 64 * 1024 });
afterAll(() => t.cleanup());

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"pad":"${'x'.repeat(1000)}`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) {
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function reason(res: Response): Promise<string> {
  const json = (await res.json()) as { message?: string; issue?: { diagnostics?: string }[] };
  return json.message ?? json.issue?.[0]?.diagnostics ?? '';
}

describe.each(POSTS)('POST %s', (path) => {
  it('refuses a declared body over the limit with 413', async () => {
    const res = await t.app.request(path, post({ lineage: 'B', pad: 'x'.repeat(100 * 1024) }));
    expect(res.status).toBe(413);
    expect(await reason(res)).toMatch(/too large|larger than/);
  });

  it('refuses a streamed body (no Content-Length) once it passes the limit, with 413', async () => {
    const res = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: streamOf(1024 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it.each([
    ['arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
  ])('answers JSON nested deep (%s) with a 4xx, not a crash', async (_kind, text) => {
    const res = await t.app.request(path, post(text));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await reason(res)).length).toBeGreaterThan(0);
  });

  it.each([
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
  ])('refuses %s with 415', async (type) => {
    const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': type }, body: '{}' });
    expect(res.status).toBe(415);
    expect(await reason(res)).toMatch(/JSON/);
  });
});
