/**
 * The HTTP agent of FHIR reads, refusing addresses twice: when the host name is resolved (every address it resolves
 * to must be allowed, so a name with one public and one private record is refused) and again once the socket is
 * connected (its remote address, which also covers IP literals, which are never resolved). See `address.ts` for
 * what is allowed.
 * @module
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, buildConnector } from 'undici';
import { type AddressAllowList, addressAllowed } from './address.js';

/** The error a refused address fails with (its code is for the log only). */
export class AddressRefusedError extends Error {
  readonly code = 'FRONTLINE_ADDRESS_REFUSED';
  constructor() {
    super('the FHIR server address is not allowed');
    this.name = 'AddressRefusedError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup` that refuses names resolving to an address that is not allowed. */
export function guardedLookup(allow: AddressAllowList) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, []);
        return;
      }
      const first = addresses[0];
      if (first === undefined || addresses.some((a) => !addressAllowed(a.address, allow))) {
        callback(new AddressRefusedError(), []);
        return;
      }
      if (options.all === true) {
        callback(null, addresses);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}

/**
 * An undici Agent for FHIR reads: guarded lookup and connect-time address check, a connect timeout, and a cap on
 * connections per origin.
 * @param allow - ranges allowed although not public unicast
 */
export function guardedAgent(allow: AddressAllowList, connectTimeoutMs = 3000): Agent {
  const connect = buildConnector({ lookup: guardedLookup(allow), timeout: connectTimeoutMs });
  const checked: buildConnector.connector = (options, callback) => {
    connect(options, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      if (!addressAllowed(socket.remoteAddress ?? '', allow)) {
        socket.destroy();
        callback(new AddressRefusedError(), null);
        return;
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect: checked, connections: 8 });
}
