/**
 * Which FHIR server a CDS client may have Frontline read: only with JWT checking on (the caller is a trusted issuer),
 * and only a server that issuer's entry lists in `fhirServers`. Anything else opens nothing, so the token in
 * `fhirAuthorization` goes nowhere but an allow-listed server.
 * @module
 */
import type { OpenFhir } from '../../cds-hooks/index.js';

/** For a verified `iss` (or none: JWT off), the FHIR opener this call may use. */
export type FhirAccess = (iss: string | undefined) => OpenFhir | undefined;

/** A FHIR base URL compared without a trailing slash, scheme and host lower-cased (as `URL` does). */
export function normalizeFhirServer(url: string): string | undefined {
  if (!URL.canParse(url)) {
    return undefined;
  }
  const u = new URL(url);
  if (u.search !== '' || u.hash !== '' || u.username !== '' || u.password !== '') {
    return undefined;
  }
  return u.href.endsWith('/') ? u.href.slice(0, -1) : u.href;
}

/**
 * Builds the access rule.
 * @param servers - each trusted `iss` with the FHIR base URLs it may name
 * @param open - the (guarded) client
 */
export function fhirAccess(servers: ReadonlyMap<string, readonly string[]>, open: OpenFhir): FhirAccess {
  const allowed = new Map(
    [...servers].map(([iss, list]) => [iss, new Set(list.map((s) => normalizeFhirServer(s) ?? ''))]),
  );
  return (iss) => {
    if (iss === undefined) {
      return undefined;
    }
    const mine = allowed.get(iss) ?? new Set<string>();
    return (fhirServer, token, signal) => {
      const normal = normalizeFhirServer(fhirServer);
      return normal !== undefined && mine.has(normal) ? open(normal, token, signal) : undefined;
    };
  };
}
