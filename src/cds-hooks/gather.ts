/**
 * Getting the FHIR data a service needs: prefetch first; what is absent (or failed, or paginated) is fetched from
 * `fhirServer` with the `fhirAuthorization` token when the client gave both and the server may open it; a required
 * key that cannot be had is a 412 (CDS Hooks 2.0.1, §"Prefetch Template", §"HTTP Status Codes"). Keys are fetched
 * in parallel under one deadline for the whole call, pages included. The 412 names the missing keys and nothing
 * about the network (no status, no error code: that would make the service a port scanner).
 * @module
 */
import type { Issue } from '../issues/index.js';
import { type PrefetchSlot, readSlot, resolveTemplate } from './prefetch.js';
import type { FhirAuthorization } from './request.js';
import { type PrefetchKey, REQUIRED_PREFETCH, type ServiceDefinition } from './services.js';

/** The result of one FHIR read or search against the client's FHIR server. */
export type FhirFetchResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly status?: number; readonly reason: string };

/** A FHIR client bound to one server and token: a relative query, or an absolute `next` link on that server. */
export type FhirFetch = (query: string) => Promise<FhirFetchResult>;

/**
 * Opens a FHIR client on `fhirServer` with the bearer token, every request aborted by `signal` (the call's deadline);
 * `undefined` when this server may not be read for this client (not allow-listed). The server provides it; tests
 * fake it.
 */
export type OpenFhir = (
  fhirServer: string,
  accessToken: string,
  signal: AbortSignal,
) => FhirFetch | undefined;

/** Default deadline of one CDS call's FHIR reads, all keys and pages together. */
export const DEFAULT_FHIR_DEADLINE_MS = 3000;

/** How the FHIR reads of one call are bounded. */
export interface GatherOptions {
  /** One deadline over every key and page (default `DEFAULT_FHIR_DEADLINE_MS`). */
  readonly deadlineMs?: number | undefined;
}

/** Pages followed per search at most (a patient's lab history can be long; a CDS call must stay fast). */
export const MAX_PAGES = 5;

/** Every prefetch key classified (fetched where needed), or the 412 issues for the keys that could not be had. */
export type Gathered =
  | { readonly ok: true; readonly slots: ReadonlyMap<PrefetchKey, PrefetchSlot>; readonly fetched: boolean }
  | { readonly ok: false; readonly issues: readonly Issue[] };

interface Request {
  readonly context: Readonly<Record<string, unknown>>;
  readonly prefetch?: Readonly<Record<string, unknown>> | undefined;
  readonly fhirServer?: string | undefined;
  readonly fhirAuthorization?: FhirAuthorization | undefined;
}

function precondition(key: string, why: string): Issue {
  return {
    code: 'fhir.prefetch-missing',
    severity: 'error',
    path: `prefetch.${key}`,
    message: `the FHIR data "${key}" is needed: ${why}`,
  };
}

async function fetchSlot(fetch: FhirFetch, query: string): Promise<PrefetchSlot> {
  const result = await fetch(query);
  if (!result.ok) {
    // A read that finds nothing is "no data" (as a prefetch null), not a failure.
    return result.status === 404 ? { state: 'none' } : { state: 'failed', reason: result.reason };
  }
  return readSlot(result.body);
}

/** Follows `next` links of a searchset (only on the client's own server: the client enforces that). */
async function followPages(fetch: FhirFetch, slot: PrefetchSlot): Promise<PrefetchSlot> {
  let current = slot;
  const resources = current.state === 'data' ? [...current.resources] : [];
  for (let page = 1; page < MAX_PAGES && current.state === 'data' && current.next !== undefined; page++) {
    current = await fetchSlot(fetch, current.next);
    if (current.state === 'data') {
      resources.push(...current.resources);
    }
  }
  return current.state === 'failed' ? current : { state: 'data', resources };
}

async function completeSlot(
  key: PrefetchKey,
  slot: PrefetchSlot,
  service: ServiceDefinition,
  request: Request,
  fetch: FhirFetch | undefined,
): Promise<PrefetchSlot> {
  if (fetch === undefined) {
    return slot;
  }
  if (slot.state === 'data') {
    return slot.next === undefined ? slot : followPages(fetch, slot);
  }
  if (slot.state === 'none') {
    return slot;
  }
  const query = resolveTemplate(service.prefetch[key], request.context);
  if (query === undefined) {
    return slot;
  }
  const fetched = await fetchSlot(fetch, query);
  return fetched.state === 'data' && fetched.next !== undefined ? followPages(fetch, fetched) : fetched;
}

type Client =
  | { readonly state: 'none' }
  | { readonly state: 'off' }
  | { readonly state: 'refused' }
  | { readonly state: 'open'; readonly fetch: FhirFetch };

function openClient(request: Request, open: OpenFhir | undefined, signal: AbortSignal): Client {
  if (request.fhirServer === undefined || request.fhirAuthorization === undefined) {
    return { state: 'none' };
  }
  if (open === undefined) {
    return { state: 'off' };
  }
  const fetch = open(request.fhirServer, request.fhirAuthorization.access_token, signal);
  return fetch === undefined ? { state: 'refused' } : { state: 'open', fetch };
}

const WHY: Readonly<Record<Client['state'], string>> = {
  none: 'it is not in prefetch and no fhirServer with fhirAuthorization was given',
  off: 'it is not in prefetch, and this service reads no FHIR server for this client (JWT checking is off or fetching is turned off)',
  refused: 'it is not in prefetch and the fhirServer given is not one this client may name',
  open: 'it is not in prefetch and could not be read from fhirServer',
};

/**
 * Collects every prefetch key of the service.
 * @param service - the service called
 * @param request - the parsed request
 * @param open - how to reach the client's FHIR server (absent: never fetch)
 * @param options - the deadline over all the call's FHIR reads
 */
export async function gather(
  service: ServiceDefinition,
  request: Request,
  open?: OpenFhir,
  options: GatherOptions = {},
): Promise<Gathered> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.deadlineMs ?? DEFAULT_FHIR_DEADLINE_MS);
  try {
    const client = openClient(request, open, deadline.signal);
    const fetch = client.state === 'open' ? client.fetch : undefined;
    const keys = Object.keys(service.prefetch) as PrefetchKey[];
    const given = keys.map((key) => readSlot(request.prefetch?.[key]));
    const done = await Promise.all(
      keys.map((key, i) => completeSlot(key, given[i] ?? { state: 'absent' }, service, request, fetch)),
    );
    const slots = new Map<PrefetchKey, PrefetchSlot>();
    const issues: Issue[] = [];
    let fetched = false;
    keys.forEach((key, i) => {
      const slot = done[i] ?? { state: 'absent' };
      fetched ||= slot !== given[i];
      slots.set(key, slot);
      if (REQUIRED_PREFETCH.includes(key) && (slot.state === 'absent' || slot.state === 'failed')) {
        issues.push(precondition(key, WHY[client.state]));
      }
    });
    return issues.length > 0 ? { ok: false, issues } : { ok: true, slots, fetched };
  } finally {
    clearTimeout(timer);
  }
}
