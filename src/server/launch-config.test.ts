import { describe, expect, it } from 'vitest';
import { DEFAULT_SMART_SCOPE, resolveLaunchConfig } from './launch-config.js';

function read(flags: Parameters<typeof resolveLaunchConfig>[0], env: Record<string, string> = {}) {
  const errors: string[] = [];
  const config = resolveLaunchConfig(flags, env, errors);
  return { config, errors };
}

describe('resolveLaunchConfig', () => {
  it('is off by default: no SMART launch, no framing', () => {
    expect(read({})).toEqual({ config: { smart: undefined, frameAncestors: [] }, errors: [] });
  });

  it('turns the SMART launch on with a client id and the issuers, whose origins the app may call', () => {
    const { config, errors } = read({
      smartClientId: 'frontline-app',
      smartIssuers: 'https://fhir.hospital.example/r4/, http://127.0.0.1:8080/fhir',
      smartAuthOrigins: 'https://auth.hospital.example',
    });
    expect(errors).toEqual([]);
    expect(config.smart).toEqual({
      clientId: 'frontline-app',
      scope: DEFAULT_SMART_SCOPE,
      issuers: ['https://fhir.hospital.example/r4', 'http://127.0.0.1:8080/fhir'],
      connectOrigins: [
        'https://fhir.hospital.example',
        'http://127.0.0.1:8080',
        'https://auth.hospital.example',
      ],
    });
  });

  it('asks for SMART 2 scopes by default, and for the scopes given (SMART 1 for an EHR that grants only those)', () => {
    const base = { smartClientId: 'frontline-app', smartIssuers: 'https://fhir.example/r4' };
    expect(DEFAULT_SMART_SCOPE).toBe(
      'launch patient/Patient.rs patient/Condition.rs patient/Observation.rs patient/MedicationRequest.rs',
    );
    const v1 =
      'launch  patient/Patient.read patient/Condition.read patient/Observation.read patient/MedicationRequest.read';
    const { config, errors } = read({ ...base, smartScopes: v1 });
    expect(errors).toEqual([]);
    expect(config.smart?.scope).toBe(v1.replace('  ', ' '));
    expect(read(base, { FRONTLINE_SMART_SCOPES: 'launch patient/*.read' }).config.smart?.scope).toBe(
      'launch patient/*.read',
    );
    const bad = read({ ...base, smartScopes: 'patient/Patient.read' });
    expect(bad.errors).toEqual([
      expect.stringMatching(
        /^--smart-scopes\/FRONTLINE_SMART_SCOPES: "patient\/Patient\.read" must be space-separated scopes including "launch"/,
      ),
    ]);
    expect(read({ smartScopes: 'launch' }).errors).toEqual([
      '--smart-issuers, --smart-auth-origins and --smart-scopes need --smart-client-id/FRONTLINE_SMART_CLIENT_ID (the client id the EHR registered for Frontline)',
    ]);
  });

  it('reads the environment when no flag is given, and flags win', () => {
    const env = {
      FRONTLINE_SMART_CLIENT_ID: 'from-env',
      FRONTLINE_SMART_ISSUERS: 'https://fhir.example/r4',
      FRONTLINE_FRAME_ANCESTORS: 'https://ehr.example',
    };
    expect(read({}, env).config).toMatchObject({
      smart: { clientId: 'from-env', issuers: ['https://fhir.example/r4'] },
      frameAncestors: ['https://ehr.example'],
    });
    expect(
      read({ smartClientId: 'from-flag', frameAncestors: 'https://other.example' }, env).config,
    ).toMatchObject({ smart: { clientId: 'from-flag' }, frameAncestors: ['https://other.example'] });
  });

  it('needs the issuers with a client id, and a client id with issuers', () => {
    expect(read({ smartClientId: 'frontline-app' }).errors).toEqual([
      '--smart-client-id needs --smart-issuers/FRONTLINE_SMART_ISSUERS: the FHIR base URLs the app may be launched from',
    ]);
    expect(read({ smartIssuers: 'https://fhir.example/r4' }).errors).toEqual([
      '--smart-issuers, --smart-auth-origins and --smart-scopes need --smart-client-id/FRONTLINE_SMART_CLIENT_ID (the client id the EHR registered for Frontline)',
    ]);
  });

  it.each([
    ['plain http off loopback', 'http://fhir.example/r4'],
    ['a query', 'https://fhir.example/r4?x=1'],
    ['not a URL', 'fhir.example'],
    ['credentials', 'https://user@fhir.example/r4'],
  ])('refuses an issuer with %s, naming the option and what is allowed', (_, issuer) => {
    const { errors } = read({ smartClientId: 'frontline-app', smartIssuers: issuer });
    expect(errors).toEqual([
      `--smart-issuers/FRONTLINE_SMART_ISSUERS: "${issuer}" is not a FHIR base URL; give absolute https URLs (http only for localhost/127.0.0.1/[::1]) without query, comma-separated, e.g. https://fhir.hospital.example/r4`,
    ]);
  });

  it('refuses a client id with spaces', () => {
    expect(read({ smartClientId: 'my app', smartIssuers: 'https://fhir.example' }).errors).toEqual([
      '--smart-client-id/FRONTLINE_SMART_CLIENT_ID must be 1 to 200 printable characters without spaces, not "my app"',
    ]);
  });

  it('keeps the frame ancestors as origins, dropping a trailing slash and duplicates', () => {
    expect(
      read({ frameAncestors: 'https://ehr.example/, https://ehr.example:8443,https://ehr.example' }).config
        .frameAncestors,
    ).toEqual(['https://ehr.example', 'https://ehr.example:8443']);
  });

  it.each([
    ['a wildcard', '*'],
    ['a wildcard host', 'https://*.example'],
    ['a path', 'https://ehr.example/app'],
    ['plain http off loopback', 'http://ehr.example'],
    ['a keyword', "'self'"],
    ['no scheme', 'ehr.example'],
  ])('refuses a frame ancestor with %s, naming the option and what is allowed', (_, value) => {
    expect(read({ frameAncestors: `https://ok.example,${value}` }).errors).toEqual([
      `--frame-ancestors/FRONTLINE_FRAME_ANCESTORS: "${value}" is not an origin; give scheme://host[:port] with https (http only for localhost/127.0.0.1/[::1]), no path, no wildcard, comma-separated, e.g. https://ehr.example.org`,
    ]);
  });
});
