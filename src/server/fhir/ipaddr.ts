/**
 * ipaddr.js, loaded with `require`: it is CommonJS with `export =`, and the project compiles without
 * `esModuleInterop`, so a default import does not type-check and a namespace import is empty at run time.
 * @module
 */
import { createRequire } from 'node:module';
import type * as IpAddr from 'ipaddr.js';

export const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof IpAddr;
export type { IPv4, IPv6 } from 'ipaddr.js';
