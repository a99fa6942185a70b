import { describe, expect, it } from 'vitest';
import { DEFAULT_CORS_ORIGINS } from './app.js';
import { resolveServeConfig } from './config.js';

describe('resolveServeConfig', () => {
  it('defaults to port 3000, 127.0.0.1, ./frontline.db, the sandbox origin, JWT off, fetching on', () => {
    expect(resolveServeConfig({}, {})).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        db: './frontline.db',
        publicUrl: undefined,
        trustedIssuers: undefined,
        corsOrigins: DEFAULT_CORS_ORIGINS,
        fhirFetch: true,
        fhirDeadlineMs: 3000,
        insecure: false,
        webDir: undefined,
        auditRetentionDays: 365,
        smart: undefined,
        frameAncestors: [],
      },
    });
  });

  it('reads the SMART launch and framing settings, and names a bad frame ancestor with what is allowed', () => {
    expect(
      resolveServeConfig(
        { smartClientId: 'frontline-app', frameAncestors: 'https://ehr.example' },
        { FRONTLINE_SMART_ISSUERS: 'https://fhir.example/r4' },
      ),
    ).toMatchObject({
      ok: true,
      config: {
        smart: { clientId: 'frontline-app', issuers: ['https://fhir.example/r4'] },
        frameAncestors: ['https://ehr.example'],
      },
    });
    expect(resolveServeConfig({ frameAncestors: '*' }, {})).toEqual({
      ok: false,
      errors: [
        '--frame-ancestors/FRONTLINE_FRAME_ANCESTORS: "*" is not an origin; give scheme://host[:port] with https (http only for localhost/127.0.0.1/[::1]), no path, no wildcard, comma-separated, e.g. https://ehr.example.org',
      ],
    });
  });

  it('reads the audit retention in days, refusing anything but a whole number from 1 to 36500', () => {
    expect(resolveServeConfig({ auditRetentionDays: '30' }, {})).toMatchObject({
      config: { auditRetentionDays: 30 },
    });
    expect(resolveServeConfig({}, { FRONTLINE_AUDIT_RETENTION_DAYS: '7' })).toMatchObject({
      config: { auditRetentionDays: 7 },
    });
    expect(resolveServeConfig({ auditRetentionDays: '0' }, {})).toEqual({
      ok: false,
      errors: [
        '--audit-retention-days/FRONTLINE_AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500, not "0"',
      ],
    });
  });

  it('takes a postgres:// URL as --db unchanged (the store decides which kind it is)', () => {
    expect(resolveServeConfig({ db: 'postgres://frontline@db/frontline' }, {})).toMatchObject({
      config: { db: 'postgres://frontline@db/frontline' },
    });
  });

  it('reads PORT, FRONTLINE_DB, FRONTLINE_PUBLIC_URL, FRONTLINE_TRUSTED_ISSUERS, FRONTLINE_CORS_ORIGINS, FRONTLINE_FHIR_FETCH', () => {
    const r = resolveServeConfig(
      {},
      {
        PORT: '8080',
        FRONTLINE_DB: '/data/f.db',
        FRONTLINE_PUBLIC_URL: 'https://cds.example.org/frontline/',
        FRONTLINE_TRUSTED_ISSUERS: '/etc/frontline/trusted.json',
        FRONTLINE_CORS_ORIGINS: 'https://a.example, https://b.example',
        FRONTLINE_FHIR_FETCH: 'off',
      },
    );
    expect(r.ok && r.config).toMatchObject({
      port: 8080,
      db: '/data/f.db',
      publicUrl: 'https://cds.example.org/frontline',
      trustedIssuers: '/etc/frontline/trusted.json',
      corsOrigins: ['https://a.example', 'https://b.example'],
      fhirFetch: false,
    });
  });

  it('lets flags win over the environment', () => {
    const r = resolveServeConfig(
      { port: '9000', db: 'x.db', host: '0.0.0.0' },
      { PORT: '8080', FRONTLINE_DB: 'y.db' },
    );
    expect(r.ok && r.config).toMatchObject({ port: 9000, db: 'x.db', host: '0.0.0.0' });
  });

  it('names every bad setting', () => {
    const r = resolveServeConfig(
      { port: 'eighty', publicUrl: 'ftp://x', fhirDeadlineMs: '5' },
      { FRONTLINE_FHIR_FETCH: 'maybe' },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      expect.stringContaining('--port/PORT'),
      expect.stringContaining('--public-url'),
      expect.stringContaining('FRONTLINE_FHIR_FETCH'),
      expect.stringContaining('--fhir-deadline-ms'),
    ]);
  });
});
