// The body size limit on a real socket, where the Node adapter is in play (app.request() never sends a
// Content-Length): a declared length is judged from the header alone, before any of the body arrives; a chunked
// body is counted while it streams; bodies within the limit are read whole, once.
import { request } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.js';
import { patientViewRequest } from '../../test/support/prefetch.js';
import { fhirExample } from '../../test/support/spec-examples.js';

const LIMIT = 64 * 1024;
const t = testApp({ bodyLimitBytes: LIMIT });
let server: ReturnType<typeof serve>;
let port = 0;

beforeAll(async () => {
  server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  t.cleanup();
});

interface Answer {
  readonly status: number;
  readonly json: {
    code?: string;
    errors?: { message: string }[];
    issue?: { diagnostics?: string }[];
    cards?: unknown[];
  };
}

/**
 * POSTs with full control of the framing: `declared` sets Content-Length (the body written may be shorter, to show
 * the answer does not wait for it); without it the body goes chunked.
 */
function postRaw(path: string, chunks: readonly string[], declared?: number, end = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false, // a connection of its own: a refused body leaves the socket unusable
        headers: {
          'content-type': 'application/json',
          ...(declared === undefined ? {} : { 'content-length': String(declared) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Answer['json'] });
          req.destroy();
        });
      },
    );
    req.on('error', reject);
    for (const c of chunks) {
      req.write(c);
    }
    if (end) {
      req.end();
    }
  });
}

function reason(a: Answer): string {
  return a.json.errors?.[0]?.message ?? a.json.issue?.[0]?.diagnostics ?? '';
}

const profile = JSON.stringify({ age: 45, lineage: 'B', ph: 'negative', phase: 'newly-diagnosed' });

describe('body size limit on a socket', () => {
  it('answers 413 from a declared length over the limit without waiting for the body', async () => {
    const a = await postRaw('/api/recommendations', ['{"age":'], 10 * 1024 * 1024, false);
    expect(a.status).toBe(413);
    expect(a.json.code).toBe('request.too-large');
    expect(reason(a)).toContain(`larger than ${LIMIT} bytes`);
  });

  it('answers 413 as an OperationOutcome on the CDS service', async () => {
    const a = await postRaw('/cds-services/frontline-all', ['{}'], LIMIT + 1, false);
    expect(a.status).toBe(413);
    expect(reason(a)).toContain(`larger than ${LIMIT} bytes`);
  });

  it('counts a chunked body while it streams and answers 413 once it passes the limit', async () => {
    const piece = `{"pad":"${'x'.repeat(8 * 1024)}`;
    const a = await postRaw(
      '/api/recommendations',
      Array.from({ length: 16 }, () => piece),
    );
    expect(a.status).toBe(413);
    expect(a.json.code).toBe('request.too-large');
  });

  it('reads a body within the limit whole, with or without a declared length', async () => {
    const declared = await postRaw('/api/recommendations', [profile], Buffer.byteLength(profile));
    const chunked = await postRaw('/api/recommendations', [profile.slice(0, 10), profile.slice(10)]);
    expect(declared.status).toBe(200);
    expect(chunked.status).toBe(200);
    expect(declared.json).toEqual(chunked.json);
  });

  it('answers a CDS Hooks call on a workspace example bundle the same way both ways', async () => {
    const body = JSON.stringify(
      patientViewRequest(fhirExample('fhir/a-adult-ph-negative-b-all-cd20-35pct.json')),
    );
    const declared = await postRaw('/cds-services/frontline-all', [body], Buffer.byteLength(body));
    const chunked = await postRaw('/cds-services/frontline-all', [body]);
    expect(declared.status).toBe(200);
    expect(chunked.status).toBe(200);
    expect(declared.json.cards?.length).toBeGreaterThan(0);
    expect(declared.json.cards?.length).toBe(chunked.json.cards?.length);
  });

  it('answers 400, not an unhandled 500, when the client stops before the declared length', async () => {
    const before = t.logs.length;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      answer += d;
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      'POST /api/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"age":45,',
    );
    socket.end(); // half-close: the body ends 990 bytes short
    await closed;
    const logged = t.logs.slice(before);
    expect(logged.some((l) => l.msg === 'unhandled error')).toBe(false);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'request', status: 400 }));
    expect(answer === '' || answer.startsWith('HTTP/1.1 400')).toBe(true);
  });

  it('answers 400 to deeply nested brackets from a linear scan, before JSON.parse', async () => {
    const bomb = '['.repeat(LIMIT / 2) + ']'.repeat(LIMIT / 2);
    const a = await postRaw('/cds-services/frontline-all', [bomb], bomb.length);
    expect(a.status).toBe(400);
    expect(reason(a)).toContain('more than 64 levels deep');
  });
});
