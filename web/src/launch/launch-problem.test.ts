import { describe, expect, it } from 'vitest';
import {
  authorizeProblem,
  checkLaunchParams,
  fhirReadProblem,
  messageOf,
  noAuthorizationEndpoint,
  readyProblem,
  withBody,
} from './launch-problem.js';

const settings = {
  clientId: 'frontline-app',
  scope: 'launch patient/Patient.rs',
  redirectPath: '/launch/ready',
  issuers: ['https://fhir.example/r4'],
};

describe('checkLaunchParams', () => {
  it('accepts launch and an accepted iss (a trailing slash does not matter)', () => {
    expect(
      checkLaunchParams(new URLSearchParams('launch=abc&iss=https://fhir.example/r4/'), settings),
    ).toEqual({
      ok: true,
      params: { iss: 'https://fhir.example/r4', launch: 'abc' },
    });
  });

  it('names each missing launch parameter', () => {
    const r = checkLaunchParams(new URLSearchParams(''), settings);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.title).toBe(
      'The launch is missing "iss" (the FHIR server) and "launch" (the launch context)',
    );
    const onlyIss = checkLaunchParams(new URLSearchParams('iss=https://fhir.example/r4'), settings);
    expect(!onlyIss.ok && onlyIss.problem.title).toBe('The launch is missing "launch" (the launch context)');
  });

  it('refuses an iss that is not configured, naming it and the accepted ones', () => {
    const r = checkLaunchParams(new URLSearchParams('launch=abc&iss=https://evil.example/fhir'), settings);
    expect(!r.ok && r.problem).toEqual({
      step: 'launch-params',
      title: 'The launch names a FHIR server this Frontline does not accept',
      detail:
        'iss = https://evil.example/fhir. Accepted: https://fhir.example/r4. The administrator adds a server with frontline serve --smart-issuers.',
    });
  });
});

describe('the failures of a launch', () => {
  it('tells discovery failure from a server without PKCE', () => {
    expect(authorizeProblem('https://fhir.example', new Error('Failed to fetch')).step).toBe('discovery');
    expect(authorizeProblem('https://fhir.example', new Error('Failed to fetch')).detail).toContain(
      'https://fhir.example/.well-known/smart-configuration',
    );
    expect(
      authorizeProblem(
        'https://fhir.example',
        new Error('Required PKCE code challenge method (`S256`) was not found'),
      ).title,
    ).toBe('The EHR’s authorization server does not offer PKCE');
    expect(noAuthorizationEndpoint('https://fhir.example').title).toBe(
      'SMART discovery found no authorization endpoint',
    );
  });

  it('tells a refused authorization, a missing launch and a refused token apart', () => {
    expect(readyProblem(new Error('access_denied: the user said no'))).toMatchObject({
      step: 'authorization',
      detail: 'access_denied: the user said no',
    });
    expect(readyProblem(new Error('No state found! Please (re)launch the app.')).title).toBe(
      'This page was opened outside a launch',
    );
    expect(readyProblem(new Error('400 Bad Request\nURL: https://auth.example/token'))).toMatchObject({
      step: 'token',
      title: 'The access token was refused',
    });
  });

  it('names the FHIR read that failed', () => {
    expect(fhirReadProblem('Condition?patient=p1', new Error('403 Forbidden'))).toEqual({
      step: 'fhir-read',
      title: 'Reading Condition?patient=p1 from the EHR’s FHIR server failed',
      detail: '403 Forbidden',
    });
  });
});

describe('messageOf', () => {
  it('keeps the status, the URL and what an HTTP error body says, not the raw body', () => {
    const oo = JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ details: { text: 'Not found' } }],
    });
    expect(messageOf(new Error(`404 Not Found\nURL: https://fhir.example/Patient/x\n\n${oo}`))).toBe(
      '404 Not Found (https://fhir.example/Patient/x): Not found',
    );
    const oauth = JSON.stringify({ error: 'invalid_grant', error_description: 'the launch has expired' });
    expect(messageOf(new Error(`400 Bad Request\nURL: https://auth.example/token\n\n${oauth}`))).toBe(
      '400 Bad Request (https://auth.example/token): invalid_grant: the launch has expired',
    );
    expect(messageOf(new Error('502 Bad Gateway\nURL: https://fhir.example/x\n\n<html>'))).toBe(
      '502 Bad Gateway (https://fhir.example/x)',
    );
    expect(
      messageOf(new Error('400 Bad Request\nURL: https://auth.example/token\ninvalid_grant: expired')),
    ).toBe('400 Bad Request (https://auth.example/token): invalid_grant: expired');
    expect(messageOf(new Error('Failed to fetch'))).toBe('Failed to fetch');
  });

  it('asks an HTTP error for its body before it is described', async () => {
    const error = Object.assign(new Error('400 Bad Request\nURL: https://auth.example/token'), {
      async parse(this: Error) {
        this.message += '\ninvalid_grant: the launch has expired';
        return this;
      },
    });
    expect(messageOf(await withBody(error))).toBe(
      '400 Bad Request (https://auth.example/token): invalid_grant: the launch has expired',
    );
  });
});
