// JWT checks of CDS Hooks 2.0.1 §"Trusting CDS Clients": every rejection case, with keys made here, plus the
// specification's own example token verified on a fixed clock.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, exampleText } from '../../../test/support/spec-examples.js';
import { createJwtVerifier, type RememberJti } from './jwt.js';
import { parseTrustedIssuers, type TrustedIssuers } from './trusted-issuers.js';

const ISS = 'https://ehr.example.org';
const AUD = 'https://cds.example.org/cds-services/frontline-all';
const NOW = new Date('2026-06-01T12:00:00Z');
const nowSec = Math.floor(NOW.getTime() / 1000);

function memoryJti(): RememberJti {
  const seen = new Set<string>();
  return async (iss, jti) => {
    const key = `${iss} ${jti}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  };
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let es384: KeyPair;
let rs384: KeyPair;
let other: KeyPair;
let rs256: KeyPair;
let publicJwks: { keys: JWK[] };
let jwksServer: Server;
let jwksUrl: string;

beforeAll(async () => {
  es384 = await generateKeyPair('ES384', { extractable: true });
  rs384 = await generateKeyPair('RS384', { extractable: true });
  rs256 = await generateKeyPair('RS256', { extractable: true });
  other = await generateKeyPair('ES384', { extractable: true });
  publicJwks = {
    keys: [
      { ...(await exportJWK(es384.publicKey)), kid: 'es', alg: 'ES384' },
      { ...(await exportJWK(rs384.publicKey)), kid: 'rs', alg: 'RS384' },
      { ...(await exportJWK(rs256.publicKey)), kid: 'rs256', alg: 'RS256' },
    ],
  };
  jwksServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(publicJwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => jwksServer.close(resolve));
});

function config(extra: Record<string, unknown> = {}): TrustedIssuers {
  return parseTrustedIssuers(
    {
      issuers: [
        { iss: ISS, jwks: publicJwks },
        { iss: 'https://tenanted.example.org', jwks: publicJwks, tenants: ['t-1'] },
        { iss: 'https://remote.example.org', jwksUrl },
      ],
      ...extra,
    },
    '.',
  );
}

interface TokenOptions {
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  key?: KeyPair['privateKey'];
  alg?: string;
  drop?: string[];
}

async function token(o: TokenOptions = {}): Promise<string> {
  const claims: Record<string, unknown> = {
    iss: ISS,
    aud: AUD,
    exp: nowSec + 300,
    iat: nowSec - 10,
    jti: crypto.randomUUID(),
    ...o.claims,
  };
  for (const k of o.drop ?? []) {
    delete claims[k];
  }
  const header = { alg: o.alg ?? 'ES384', typ: 'JWT', kid: 'es', ...o.header };
  for (const k of o.drop ?? []) {
    if (k in header) {
      delete (header as Record<string, unknown>)[k];
    }
  }
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(o.key ?? es384.privateKey);
}

async function check(tok: string | undefined, cfg = config(), audience = AUD, remember = memoryJti()) {
  return createJwtVerifier(cfg, remember).verify(
    tok === undefined ? undefined : `Bearer ${tok}`,
    audience,
    NOW,
  );
}

describe('JWT verification', () => {
  it('accepts an ES384 token and an RS384 token from a trusted issuer', async () => {
    expect(await check(await token())).toMatchObject({ ok: true, iss: ISS });
    expect(
      await check(await token({ alg: 'RS384', header: { kid: 'rs' }, key: rs384.privateKey })),
    ).toMatchObject({ ok: true });
  });

  it('accepts an aud array that contains the endpoint URL', async () => {
    expect((await check(await token({ claims: { aud: ['https://other', AUD] } }))).ok).toBe(true);
  });

  it('fetches the keys of a jwksUrl issuer (warmed at start-up)', async () => {
    const verifier = createJwtVerifier(config(), memoryJti());
    expect(await verifier.warm()).toEqual([]);
    const tok = await token({ claims: { iss: 'https://remote.example.org' }, header: { jku: jwksUrl } });
    expect((await verifier.verify(`Bearer ${tok}`, AUD, NOW)).ok).toBe(true);
  });

  // The reason is for the log only (the client sees a bare 401); pinning it shows each case fails where intended.
  const rejections: [string, () => Promise<string | undefined>, RegExp][] = [
    ['no Authorization header', async () => undefined, /no bearer token/],
    ['a token that is not a JWT', async () => 'not-a-jwt', /no bearer token/],
    [
      'alg none (unsecured JWT)',
      async () => new UnsecuredJWT({ iss: ISS, aud: AUD, exp: nowSec + 300, iat: nowSec, jti: 'n' }).encode(),
      /alg none not allowed/,
    ],
    [
      'an HMAC (HS256) token',
      async () =>
        new SignJWT({ iss: ISS, aud: AUD, exp: nowSec + 300, iat: nowSec, jti: 'h' })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'es' })
          .sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!')),
      /alg HS256 not allowed/,
    ],
    [
      'an algorithm outside the allowlist (RS256)',
      async () => token({ alg: 'RS256', header: { kid: 'rs256' }, key: rs256.privateKey }),
      /alg RS256 not allowed/,
    ],
    ['typ other than JWT', async () => token({ header: { typ: 'at+jwt' } }), /typ/],
    ['no typ', async () => token({ drop: ['typ'] }), /typ/],
    ['no kid', async () => token({ drop: ['kid'] }), /no kid/],
    [
      'an untrusted iss',
      async () => token({ claims: { iss: 'https://evil.example.org' } }),
      /iss not trusted/,
    ],
    ['no iss', async () => token({ drop: ['iss'] }), /iss not trusted/],
    [
      'aud for another service',
      async () => token({ claims: { aud: 'https://cds.example.org/cds-services/other' } }),
      /aud/,
    ],
    ['aud with a trailing slash', async () => token({ claims: { aud: `${AUD}/` } }), /aud/],
    ['no aud', async () => token({ drop: ['aud'] }), /aud/],
    ['an expired token', async () => token({ claims: { exp: nowSec - 60, iat: nowSec - 400 } }), /expired/],
    ['no exp', async () => token({ drop: ['exp'] }), /no exp/],
    ['no iat', async () => token({ drop: ['iat'] }), /iat/],
    ['iat in the future', async () => token({ claims: { iat: nowSec + 600, exp: nowSec + 900 } }), /iat/],
    [
      'a token issued more than an hour ago',
      async () => token({ claims: { iat: nowSec - 4000, exp: nowSec + 300 } }),
      /too old/,
    ],
    [
      'a token issued more than 300 s ago (the default maximum age), though not expired',
      async () => token({ claims: { iat: nowSec - 320, exp: nowSec + 300 } }),
      /too old/,
    ],
    [
      'a tenant not allowed for the issuer',
      async () => token({ claims: { iss: 'https://tenanted.example.org', tenant: 't-2' } }),
      /tenant/,
    ],
    [
      'no tenant when the issuer requires one',
      async () => token({ claims: { iss: 'https://tenanted.example.org' } }),
      /tenant/,
    ],
    ['no jti', async () => token({ drop: ['jti'] }), /no jti/],
    [
      'a signature by another key under a trusted kid',
      async () => token({ key: other.privateKey }),
      /SIGNATURE_VERIFICATION_FAILED/,
    ],
    ['an unknown kid', async () => token({ header: { kid: 'nope' } }), /NO_MATCHING_KEY/],
    [
      'a jku other than the configured JWK Set URL',
      async () =>
        token({
          claims: { iss: 'https://remote.example.org' },
          header: { jku: 'https://attacker.example/jwks' },
        }),
      /jku/,
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await token()).split('.');
        const body = Buffer.from(
          JSON.stringify({ iss: ISS, aud: AUD, exp: nowSec + 3000, iat: nowSec, jti: 'x' }),
        ).toString('base64url');
        return `${h}.${body}.${s}`;
      },
      /SIGNATURE_VERIFICATION_FAILED/,
    ],
  ];

  it.each(rejections)('rejects %s', async (_name, make, reason) => {
    const result = await check(await make());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('does not accept a token whose jti cannot be recorded: the store is down, the answer is "unavailable"', async () => {
    const down: RememberJti = () =>
      Promise.reject(new Error('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432'));
    expect(await check(await token(), config(), AUD, down)).toEqual({
      ok: false,
      reason: 'jti could not be recorded: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432',
      storeUnavailable: true,
    });
  });

  it('rejects a replayed jti', async () => {
    const remember = memoryJti();
    const tok = await token();
    expect((await check(tok, config(), AUD, remember)).ok).toBe(true);
    expect(await check(tok, config(), AUD, remember)).toEqual({ ok: false, reason: 'jti replayed' });
  });

  it('accepts a token of an issuer that allows its tenant', async () => {
    expect(
      (await check(await token({ claims: { iss: 'https://tenanted.example.org', tenant: 't-1' } }))).ok,
    ).toBe(true);
  });
});

describe('the specification example token', () => {
  const header = exampleText('jwt-example-authorization-header.txt')
    .trim()
    .replace(/^Authorization:\s*/, '');
  const payload = example('jwt-payload.json') as { iss: string; aud: string; iat: number };
  const spec = (): TrustedIssuers =>
    parseTrustedIssuers({ issuers: [{ iss: payload.iss, jwks: example('jwks-public.json') }] }, '.');

  it('verifies against the spec JWK Set on a clock just after its iat', async () => {
    const at = new Date((payload.iat + 30) * 1000);
    const result = await createJwtVerifier(spec(), memoryJti()).verify(header, payload.aud, at);
    expect(result).toEqual({
      ok: true,
      iss: payload.iss,
      jti: 'ee22b021-e1b7-4611-ba5b-8eec6a33ac1e',
      tenant: '2ddd6c3a-8e9a-44c6-a305-52111ad302a2',
    });
  });

  it('is rejected today (expired in 2015), with a trailing slash on aud, and when issued too long before the clock', async () => {
    expect((await createJwtVerifier(spec(), memoryJti()).verify(header, payload.aud, new Date())).ok).toBe(
      false,
    );
    const at = new Date((payload.iat + 30) * 1000);
    expect((await createJwtVerifier(spec(), memoryJti()).verify(header, `${payload.aud}/`, at)).ok).toBe(
      false,
    );
    expect(
      (
        await createJwtVerifier(spec(), memoryJti()).verify(
          header,
          payload.aud,
          new Date('2014-01-01T00:00:00Z'),
        )
      ).ok,
    ).toBe(false);
  });
});
