/**
 * Which network addresses a FHIR read may connect to: public unicast only, unless the operator allow-lists a range
 * (a hospital's FHIR server is often on a private network). Loopback, private, link-local, multicast, unspecified,
 * carrier-grade NAT, reserved and the rest of ipaddr.js's special ranges are refused; IPv4-mapped IPv6 is judged as
 * the IPv4 address it carries.
 * @module
 */
import { type IPv4, type IPv6, ipaddr } from './ipaddr.js';

/** A parsed allow-list of CIDR ranges. */
export type AddressAllowList = readonly [IPv4 | IPv6, number][];

/**
 * Parses CIDR ranges (`10.20.0.0/16`, `127.0.0.1/32`, `fd00::/8`).
 * @throws Error naming the first bad range
 */
export function parseAllowList(ranges: readonly string[]): AddressAllowList {
  return ranges.map((range) => {
    try {
      return ipaddr.parseCIDR(range);
    } catch {
      throw new Error(`"${range}" is not a CIDR range such as 10.20.0.0/16 or fd00::/8`);
    }
  });
}

/** True when `ip` may be connected to: public unicast, or inside an allow-listed range. */
export function addressAllowed(ip: string, allow: AddressAllowList): boolean {
  if (!ipaddr.isValid(ip)) {
    return false;
  }
  const addr = ipaddr.process(ip);
  if (allow.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))) {
    return true;
  }
  return addr.range() === 'unicast';
}
