/**
 * The trusted-issuers file: which CDS Clients may call, and where their public keys are. JWT checking is on exactly
 * when such a file is given (`--trusted-issuers FILE` or `FRONTLINE_TRUSTED_ISSUERS=FILE`).
 *
 * ```json
 * {
 *   "issuers": [
 *     { "iss": "https://sandbox.cds-hooks.org", "jwksUrl": "https://sandbox.cds-hooks.org/.well-known/jwks.json" },
 *     { "iss": "https://ehr.example.org", "jwksFile": "keys/ehr-jwks.json", "tenants": ["2ddd6c3a-8e9a-44c6-a305-52111ad302a2"],
 *       "fhirServers": ["https://fhir.ehr.example.org/r4"] },
 *     { "iss": "https://test-ehr.example.org", "jwks": { "keys": [ ... ] } }
 *   ],
 *   "algorithms": ["ES384", "RS384"],
 *   "maxTokenAgeSeconds": 300,
 *   "clockToleranceSeconds": 5,
 *   "fhirNetworks": ["10.20.0.0/16"],
 *   "allowHttpFhirServers": false
 * }
 * ```
 *
 * `fhirServers` (optional, none by default): the FHIR base URLs this issuer may name as `fhirServer`; Frontline reads
 * only those, https only. `fhirNetworks` (optional): address ranges a FHIR server may resolve to although they are
 * loopback, private or link-local (refused otherwise). `allowHttpFhirServers`: development only, plain http allowed.
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { formatPath } from '../../issues/index.js';
import { normalizeFhirServer } from '../fhir/access.js';
import { parseAllowList } from '../fhir/address.js';

/** Asymmetric JWS algorithms only: CDS Hooks 2.0.1 forbids `none` and symmetric (HMAC) algorithms. */
export const ASYMMETRIC_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
] as const;

const Jwks = z.looseObject({ keys: z.array(z.looseObject({ kty: z.string().min(1) })).min(1) });
/** A JSON Web Key Set (RFC 7517). */
export type Jwks = z.infer<typeof Jwks>;

const HttpsOrLoopback = z
  .url({ protocol: /^https?$/ })
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(u), {
    message: 'a JWKS URL must be https (http only on loopback, for testing)',
  });

/** One trusted CDS client: its `iss` and where its public keys are. */
export const IssuerConfig = z
  .object({
    iss: z.string().min(1).describe('the `iss` claim, compared exactly'),
    jwksUrl: HttpsOrLoopback.optional().describe('the JWK Set URL; a token `jku` must equal it when present'),
    jwksFile: z.string().min(1).optional().describe('a JWK Set file, relative to this file'),
    jwks: Jwks.optional().describe('the JWK Set inline'),
    tenants: z.array(z.string().min(1)).min(1).optional().describe('allowed `tenant` claims; absent = any'),
    fhirServers: z
      .array(z.url({ protocol: /^https?$/ }))
      .optional()
      .describe('FHIR base URLs this issuer may name as fhirServer; absent = none is read'),
  })
  .strict()
  .refine((i) => [i.jwksUrl, i.jwksFile, i.jwks].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of jwksUrl, jwksFile or jwks',
  });
export type IssuerConfig = z.infer<typeof IssuerConfig>;

/** The trusted-issuers file (see the module comment for an example). */
export const TrustedIssuersFile = z
  .object({
    issuers: z.array(IssuerConfig).min(1),
    algorithms: z
      .array(z.enum(ASYMMETRIC_ALGORITHMS))
      .min(1)
      .default(['ES384', 'RS384'])
      .describe('accepted JWS algorithms (CDS Hooks 2.0.1 recommends ES384 and RS384)'),
    maxTokenAgeSeconds: z.number().int().positive().max(86_400).default(300),
    clockToleranceSeconds: z.number().int().nonnegative().max(300).default(5),
    fhirNetworks: z
      .array(z.string().min(1))
      .default([])
      .describe('CIDR ranges a FHIR server may resolve to although loopback, private or link-local'),
    allowHttpFhirServers: z
      .boolean()
      .default(false)
      .describe('development only: plain http FHIR servers allowed'),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [i, issuer] of file.issuers.entries()) {
      for (const [j, url] of (issuer.fhirServers ?? []).entries()) {
        if (url.startsWith('http:') && !file.allowHttpFhirServers) {
          ctx.addIssue({
            code: 'custom',
            path: ['issuers', i, 'fhirServers', j],
            message:
              'a FHIR server must be https (plain http only with "allowHttpFhirServers": true, for development)',
          });
        }
        if (normalizeFhirServer(url) === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['issuers', i, 'fhirServers', j],
            message: 'a FHIR base URL has no query, fragment or user info',
          });
        }
      }
    }
    for (const [i, range] of file.fhirNetworks.entries()) {
      try {
        parseAllowList([range]);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['fhirNetworks', i], message: (error as Error).message });
      }
    }
  });
export type TrustedIssuersFile = z.infer<typeof TrustedIssuersFile>;

/** A trusted issuer, keys resolved: a remote URL or a key set in hand. */
export interface TrustedIssuer {
  readonly iss: string;
  readonly keys: { readonly url: string } | { readonly jwks: Jwks };
  readonly tenants?: readonly string[] | undefined;
  /** FHIR base URLs this issuer may name (none: nothing is read for it). */
  readonly fhirServers: readonly string[];
}

/** The configuration the JWT verifier uses. */
export interface TrustedIssuers {
  readonly issuers: readonly TrustedIssuer[];
  readonly algorithms: readonly string[];
  readonly maxTokenAgeSeconds: number;
  readonly clockToleranceSeconds: number;
  /** CIDR ranges allowed for FHIR reads although not public. */
  readonly fhirNetworks: readonly string[];
  readonly allowHttpFhirServers: boolean;
}

/** A configuration problem, reported at start-up with the file and the member. */
export class TrustConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustConfigError';
  }
}

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${formatPath(i.path) || '(file)'}: ${i.message}`).join('; ');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new TrustConfigError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Parses a trusted-issuers document; `jwksFile` paths are resolved against `baseDir`.
 * @throws TrustConfigError naming every bad member
 */
export function parseTrustedIssuers(
  json: unknown,
  baseDir: string,
  label = 'trusted issuers',
): TrustedIssuers {
  const parsed = TrustedIssuersFile.safeParse(json);
  if (!parsed.success) {
    throw new TrustConfigError(`${label}: ${problems(parsed.error)}`);
  }
  const issuers = parsed.data.issuers.map((i): TrustedIssuer => {
    let keys: TrustedIssuer['keys'];
    if (i.jwksUrl !== undefined) {
      keys = { url: i.jwksUrl };
    } else if (i.jwks !== undefined) {
      keys = { jwks: i.jwks };
    } else {
      const file = resolve(baseDir, i.jwksFile ?? '');
      const jwks = Jwks.safeParse(readJson(file));
      if (!jwks.success) {
        throw new TrustConfigError(`${file}: not a JWK Set (${problems(jwks.error)})`);
      }
      keys = { jwks: jwks.data };
    }
    return { iss: i.iss, keys, tenants: i.tenants, fhirServers: i.fhirServers ?? [] };
  });
  return { ...parsed.data, issuers };
}

/** Reads the trusted-issuers file. */
export function loadTrustedIssuers(file: string): TrustedIssuers {
  const path = resolve(file);
  return parseTrustedIssuers(readJson(path), dirname(path), path);
}
