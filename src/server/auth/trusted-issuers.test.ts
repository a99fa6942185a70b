import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example } from '../../../test/support/spec-examples.js';
import { loadTrustedIssuers, parseTrustedIssuers, TrustConfigError } from './trusted-issuers.js';

describe('trusted issuers', () => {
  it('reads a file with a jwksFile relative to it, and applies the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-trust-'));
    try {
      writeFileSync(join(dir, 'ehr-jwks.json'), JSON.stringify(example('jwks-public.json')));
      writeFileSync(
        join(dir, 'trusted.json'),
        JSON.stringify({ issuers: [{ iss: 'https://ehr', jwksFile: 'ehr-jwks.json' }] }),
      );
      const trust = loadTrustedIssuers(join(dir, 'trusted.json'));
      expect(trust.algorithms).toEqual(['ES384', 'RS384']);
      expect(trust.maxTokenAgeSeconds).toBe(300);
      expect(trust.issuers[0]?.keys).toEqual({ jwks: example('jwks-public.json') });
      // A file without the FHIR members (the format before they existed) loads, and reads no FHIR server.
      expect(trust.issuers[0]?.fhirServers).toEqual([]);
      expect(trust.fhirNetworks).toEqual([]);
      expect(trust.allowHttpFhirServers).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ issuers: [] }, /issuers/],
    [{ issuers: [{ iss: 'x' }] }, /exactly one of jwksUrl, jwksFile or jwks/],
    [{ issuers: [{ iss: 'x', jwksUrl: 'http://ehr.example.org/jwks' }] }, /https/],
    [{ issuers: [{ iss: 'x', jwks: example('jwks-public.json') }], algorithms: ['HS256'] }, /algorithms/],
    [{ issuers: [{ iss: 'x', jwks: example('jwks-public.json') }], algorithms: ['none'] }, /algorithms/],
    [{ issuers: [{ iss: 'x', jwks: example('jwks-public.json'), extra: 1 }] }, /extra/],
    [
      {
        issuers: [
          { iss: 'x', jwks: example('jwks-public.json'), fhirServers: ['http://ehr.example.org/fhir'] },
        ],
      },
      /issuers\.0\.fhirServers\.0: a FHIR server must be https/,
    ],
    [
      {
        issuers: [
          { iss: 'x', jwks: example('jwks-public.json'), fhirServers: ['https://ehr.example.org/fhir?x=1'] },
        ],
      },
      /no query/,
    ],
    [
      { issuers: [{ iss: 'x', jwks: example('jwks-public.json') }], fhirNetworks: ['10.0.0.0/33'] },
      /fhirNetworks\.0/,
    ],
  ])('refuses configuration %# with a message naming the problem', (json, message) => {
    expect(() => parseTrustedIssuers(json, '.')).toThrow(TrustConfigError);
    expect(() => parseTrustedIssuers(json, '.')).toThrow(message);
  });
});
