/**
 * Reading a CDS client's FHIR server when prefetch is missing (CDS Hooks 2.0.1, §"FHIR Resource Access"): the
 * `fhirAuthorization` token as `Authorization: Bearer`, only ever sent to `fhirServer` (a `next` link elsewhere is
 * refused), never stored or logged; short timeout; no redirects (they could carry the token away).
 * @module
 */
import type { FhirFetchResult, OpenFhir } from '../cds-hooks/index.js';

/** Limits of the FHIR client. */
export interface FhirClientOptions {
  readonly timeoutMs?: number;
  /** Largest response body read, in bytes. */
  readonly maxBytes?: number;
}

async function readBody(res: Response, maxBytes: number): Promise<FhirFetchResult> {
  const text = await res.text();
  if (text.length > maxBytes) {
    return { ok: false, reason: 'response too large' };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'response is not JSON' };
  }
}

/** A short reason for a failed request (never the URL or the token): timeout, or the system error code. */
function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return 'timeout';
  }
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? `network error ${code}` : 'network error';
}

/**
 * The FHIR client factory the server gives to CDS Hooks.
 * @example
 *   const read = createFhirClient()('https://ehr.example.org/fhir', token);
 *   await read('Patient/123');
 */
export function createFhirClient(options: FhirClientOptions = {}): OpenFhir {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  return (fhirServer, accessToken) => {
    const base = fhirServer.endsWith('/') ? fhirServer : `${fhirServer}/`;
    return async (query) => {
      let url: URL;
      try {
        url = new URL(query, base);
      } catch {
        return { ok: false, reason: 'bad query' };
      }
      if (!url.href.startsWith(base)) {
        return { ok: false, reason: 'link outside the FHIR server' };
      }
      try {
        const res = await fetch(url, {
          headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/fhir+json' },
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) {
          await res.body?.cancel();
          return { ok: false, status: res.status, reason: `HTTP ${res.status}` };
        }
        return await readBody(res, maxBytes);
      } catch (error) {
        return { ok: false, reason: networkReason(error) };
      }
    };
  };
}
