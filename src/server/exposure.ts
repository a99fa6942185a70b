/**
 * Whether the configured address may be listened on: a loopback address always; any other only with JWT checking
 * on (or the explicit `--insecure`), and only with a public URL (links are built from it and the Host header must
 * match it).
 * @module
 */

import type { ServeConfig } from './config.js';
import { ipaddr } from './fhir/ipaddr.js';

/** True for `localhost` and loopback addresses (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') {
    return true;
  }
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}

/** May the server listen as configured; `insecure` = exposed without JWT, the operator asked for it. */
export type Exposure =
  | { readonly ok: true; readonly insecure: boolean }
  | { readonly ok: false; readonly error: string };

/** Decides whether the configuration may listen. */
export function exposure(config: ServeConfig): Exposure {
  if (isLoopbackHost(config.host)) {
    return { ok: true, insecure: false };
  }
  const jwt = config.trustedIssuers !== undefined;
  if (!jwt && !config.insecure) {
    return {
      ok: false,
      error: `--host ${config.host} is not a loopback address and JWT checking is off: give --trusted-issuers FILE (and --public-url URL), or --insecure to expose an unauthenticated service anyway`,
    };
  }
  if (config.publicUrl === undefined) {
    return {
      ok: false,
      error: `--host ${config.host} is not a loopback address: give --public-url URL (the address clients use; links are built from it and other Host headers are refused)`,
    };
  }
  return { ok: true, insecure: !jwt };
}

/**
 * The Host values accepted: the public URL's, or (none configured, so listening on loopback) the loopback names
 * with the port listened on.
 */
export function publicHosts(publicUrl: string | undefined, port: number): readonly string[] {
  if (publicUrl !== undefined) {
    return [new URL(publicUrl).host];
  }
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}
