/**
 * The FHIR access rule from the trusted-issuers configuration: each issuer's `fhirServers`, read through the guarded
 * agent (`fhirNetworks` allow-listed) and the capped client.
 * @module
 */
import type { TrustedIssuers } from '../auth/trusted-issuers.js';
import { type FhirAccess, fhirAccess } from './access.js';
import { parseAllowList } from './address.js';
import { guardedAgent } from './agent.js';
import { createFhirClient, type FhirClientOptions } from './client.js';

/** Limits that tests (and future settings) may change; the rest comes from the trusted-issuers file. */
export type FhirLimits = Pick<FhirClientOptions, 'maxBytes' | 'maxInFlight'>;

/** Builds the FHIR access rule of a trusted-issuers configuration. */
export function fhirAccessFromTrust(trust: TrustedIssuers, limits: FhirLimits = {}): FhirAccess {
  const client = createFhirClient({
    ...limits,
    dispatcher: guardedAgent(parseAllowList(trust.fhirNetworks)),
    allowHttp: trust.allowHttpFhirServers,
  });
  return fhirAccess(new Map(trust.issuers.map((i) => [i.iss, i.fhirServers])), client);
}
