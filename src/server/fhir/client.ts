/**
 * Reading a CDS client's FHIR server when prefetch is missing (CDS Hooks 2.0.1, §"FHIR Resource Access"): the
 * `fhirAuthorization` token as `Authorization: Bearer`, only ever sent to `fhirServer` (a `next` link elsewhere is
 * refused), never stored or logged; https only (http only when the operator allows it for development); no
 * redirects (they could carry the token away); addresses checked by the guarded agent; every read aborted by the
 * call's deadline; the body read as a stream and cut at a byte cap; a cap on reads in flight across all calls.
 * @module
 */

import { type Agent, fetch } from 'undici';
import type { FhirFetchResult, OpenFhir } from '../../cds-hooks/index.js';
import { tooDeep } from '../json-depth.js';
import { Limiter } from './limiter.js';

/** Limits of the FHIR client. */
export interface FhirClientOptions {
  /** The agent that checks addresses (`guardedAgent`). */
  readonly dispatcher: Agent;
  /** Largest response body read, in bytes (default 8 MiB). */
  readonly maxBytes?: number | undefined;
  /** Reads in flight at once across all calls (default 16); more wait for a slot, under their call's deadline. */
  readonly maxInFlight?: number | undefined;
  /** Allow `http:` FHIR servers (development only). */
  readonly allowHttp?: boolean | undefined;
}

/** Default byte cap of one FHIR response. */
export const DEFAULT_FHIR_MAX_BYTES = 8 * 1024 * 1024;

type Body = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false };

/** Reads at most `maxBytes` bytes of the body; more cancels the stream (nothing past the cap is read). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Body> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function parse(bytes: Uint8Array): FhirFetchResult {
  const text = new TextDecoder().decode(bytes);
  if (tooDeep(text) !== undefined) {
    return { ok: false, reason: 'response nests too deep' };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'response is not JSON' };
  }
}

/** A short reason for the log (never the URL or the token). */
function networkReason(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) {
    return 'deadline';
  }
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? `network error ${code}` : 'network error';
}

async function read(
  url: URL,
  accessToken: string,
  signal: AbortSignal,
  options: FhirClientOptions,
): Promise<FhirFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_FHIR_MAX_BYTES;
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/fhir+json' },
    redirect: 'error',
    signal,
    dispatcher: options.dispatcher,
  });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, status: res.status, reason: `HTTP ${res.status}` };
  }
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (res.body === null || declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: res.body === null ? 'no body' : 'response too large' };
  }
  const body = await readCapped(res.body as ReadableStream<Uint8Array>, maxBytes);
  return body.ok ? parse(body.bytes) : { ok: false, reason: 'response too large' };
}

/**
 * The FHIR client factory the server gives to CDS Hooks (through `fhirAccess`, which decides which servers a
 * client may name).
 * @example
 *   const open = createFhirClient({ dispatcher: guardedAgent([]) });
 *   await open('https://ehr.example.org/fhir', token, AbortSignal.timeout(3000))?.('Patient/123');
 */
export function createFhirClient(options: FhirClientOptions): OpenFhir {
  const limiter = new Limiter(options.maxInFlight ?? 16);
  return (fhirServer, accessToken, signal) => {
    const base = fhirServer.endsWith('/') ? fhirServer : `${fhirServer}/`;
    const scheme = URL.canParse(base) ? new URL(base).protocol : '';
    if (scheme !== 'https:' && !(scheme === 'http:' && options.allowHttp === true)) {
      return undefined;
    }
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
      const release = await limiter.acquire(signal);
      if (release === undefined) {
        return { ok: false, reason: 'deadline' };
      }
      try {
        return await read(url, accessToken, signal, options);
      } catch (error) {
        return { ok: false, reason: networkReason(error, signal) };
      } finally {
        release();
      }
    };
  };
}
