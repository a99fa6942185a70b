/**
 * Trusting CDS Clients (CDS Hooks 2.0.1, §"Trusting CDS Clients", §"JWT Signing Algorithm"; check order from the
 * CDS Hooks best practices): a bearer JWT whose header has an allowed asymmetric `alg`, `kid` and `typ: JWT`; whose
 * `iss` is trusted; whose `aud` is exactly the URL invoked; that is not expired, not issued in the future nor too
 * long ago; whose `tenant` (if the issuer restricts it) is allowed; whose signature verifies against the issuer's own
 * keys (never a key URL taken from the token); and whose `jti` was never seen. Any failure is one answer: 401.
 * @module
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { TrustedIssuer, TrustedIssuers } from './trusted-issuers.js';

/** The outcome of a check. `reason` is for the server log only, never for the client. */
export type JwtCheck =
  | { readonly ok: true; readonly iss: string; readonly jti: string; readonly tenant?: string }
  | { readonly ok: false; readonly reason: string; readonly storeUnavailable?: true };

/**
 * Where seen `jti`s are recorded (the store, shared by every instance): resolves true once the id is durably
 * recorded, false when it is already held (a replay); rejects when it cannot be recorded.
 */
export type RememberJti = (iss: string, jti: string, expiresAt: number, now: number) => Promise<boolean>;

/** Verifies the `Authorization` header of a CDS Hooks call. */
export interface JwtVerifier {
  verify(authorization: string | undefined, audience: string, now?: Date): Promise<JwtCheck>;
  /** Fetches every remote JWK Set once, so the first call does not wait (errors are reported, not thrown). */
  warm(): Promise<readonly string[]>;
}

interface Resolved {
  readonly issuer: TrustedIssuer;
  readonly getKey: JWTVerifyGetKey;
  readonly warm?: () => Promise<void>;
}

function fail(reason: string): JwtCheck {
  return { ok: false, reason };
}

function resolveKeys(issuer: TrustedIssuer): Resolved {
  if ('url' in issuer.keys) {
    const remote = createRemoteJWKSet(new URL(issuer.keys.url));
    return { issuer, getKey: remote, warm: () => remote.reload() };
  }
  return { issuer, getKey: createLocalJWKSet(issuer.keys.jwks as Parameters<typeof createLocalJWKSet>[0]) };
}

function bearer(authorization: string | undefined): string | undefined {
  const m = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization?.trim() ?? '');
  return m?.[1];
}

function headerProblem(token: string, algorithms: readonly string[]): string | undefined {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return 'malformed header';
  }
  if (typeof header.alg !== 'string' || !algorithms.includes(header.alg)) {
    return `alg ${String(header.alg)} not allowed`;
  }
  if (header.typ !== 'JWT') {
    return 'typ is not JWT';
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    return 'no kid';
  }
  return undefined;
}

function audienceMatches(aud: JWTPayload['aud'], audience: string): boolean {
  return Array.isArray(aud) ? aud.includes(audience) : aud === audience;
}

/** Claim checks in the best-practice order, before any signature work (cheap rejections first). */
function claimProblem(
  claims: JWTPayload,
  resolved: Resolved | undefined,
  audience: string,
  config: TrustedIssuers,
  nowSec: number,
): string | undefined {
  const tolerance = config.clockToleranceSeconds;
  if (resolved === undefined) {
    return 'iss not trusted';
  }
  if (!audienceMatches(claims.aud, audience)) {
    return 'aud does not match';
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSec - tolerance) {
    return 'expired or no exp';
  }
  if (typeof claims.iat !== 'number' || claims.iat > nowSec + tolerance) {
    return 'iat missing or in the future';
  }
  if (nowSec - claims.iat > config.maxTokenAgeSeconds + tolerance) {
    return 'token too old';
  }
  const tenants = resolved.issuer.tenants;
  if (tenants !== undefined && (typeof claims.tenant !== 'string' || !tenants.includes(claims.tenant))) {
    return 'tenant not allowed';
  }
  if (typeof claims.jti !== 'string' || claims.jti === '') {
    return 'no jti';
  }
  return undefined;
}

function jkuProblem(token: string, issuer: TrustedIssuer): string | undefined {
  const { jku } = decodeProtectedHeader(token);
  if (jku !== undefined && 'url' in issuer.keys && jku !== issuer.keys.url) {
    return 'jku is not the configured JWK Set URL';
  }
  return undefined;
}

type Precheck =
  | { readonly ok: true; readonly token: string; readonly claims: JWTPayload; readonly resolved: Resolved }
  | { readonly ok: false; readonly reason: string };

/** Everything that can be checked without the key: header, claims in the best-practice order, jku. */
function precheck(
  authorization: string | undefined,
  audience: string,
  nowSec: number,
  config: TrustedIssuers,
  byIss: ReadonlyMap<string, Resolved>,
): Precheck {
  const token = bearer(authorization);
  if (token === undefined) {
    return { ok: false, reason: 'no bearer token' };
  }
  const header = headerProblem(token, config.algorithms);
  if (header !== undefined) {
    return { ok: false, reason: header };
  }
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return { ok: false, reason: 'malformed payload' };
  }
  const resolved = typeof claims.iss === 'string' ? byIss.get(claims.iss) : undefined;
  const problem =
    claimProblem(claims, resolved, audience, config, nowSec) ??
    (resolved === undefined ? 'iss not trusted' : jkuProblem(token, resolved.issuer));
  if (problem !== undefined || resolved === undefined) {
    return { ok: false, reason: problem ?? 'iss not trusted' };
  }
  return { ok: true, token, claims, resolved };
}

async function signatureProblem(
  pre: Extract<Precheck, { ok: true }>,
  audience: string,
  now: Date,
  config: TrustedIssuers,
): Promise<string | undefined> {
  try {
    await jwtVerify(pre.token, pre.resolved.getKey, {
      algorithms: [...config.algorithms],
      issuer: pre.resolved.issuer.iss,
      audience,
      typ: 'JWT',
      requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      currentDate: now,
      clockTolerance: config.clockToleranceSeconds,
      maxTokenAge: config.maxTokenAgeSeconds + config.clockToleranceSeconds,
    });
    return undefined;
  } catch (error) {
    const code = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'error';
    return `signature or claims: ${code}`;
  }
}

/**
 * Builds the verifier for a trusted-issuers configuration.
 * @param config - issuers, algorithms, token age and clock tolerance
 * @param remember - remembers a `jti`, false when already seen
 */
export function createJwtVerifier(config: TrustedIssuers, remember: RememberJti): JwtVerifier {
  const byIss = new Map(config.issuers.map((i) => [i.iss, resolveKeys(i)]));
  return {
    async verify(authorization, audience, now = new Date()) {
      const nowSec = Math.floor(now.getTime() / 1000);
      const pre = precheck(authorization, audience, nowSec, config, byIss);
      if (!pre.ok) {
        return pre;
      }
      const signature = await signatureProblem(pre, audience, now, config);
      if (signature !== undefined) {
        return fail(signature);
      }
      const iss = pre.resolved.issuer.iss;
      const jti = String(pre.claims.jti);
      const iat = Number(pre.claims.iat);
      const expiresAt =
        Math.min(Number(pre.claims.exp), iat + config.maxTokenAgeSeconds) + config.clockToleranceSeconds;
      // The id is recorded (durably, in the shared store) before the token is accepted: a replay to any instance,
      // before or after a crash, finds the row. If it cannot be recorded, the token is not accepted.
      let fresh: boolean;
      try {
        fresh = await remember(iss, jti, expiresAt, nowSec);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: `jti could not be recorded: ${why}`, storeUnavailable: true };
      }
      if (!fresh) {
        return fail('jti replayed');
      }
      const tenant = pre.claims.tenant;
      return typeof tenant === 'string' ? { ok: true, iss, jti, tenant } : { ok: true, iss, jti };
    },
    async warm() {
      const errors: string[] = [];
      for (const r of byIss.values()) {
        try {
          await r.warm?.();
        } catch (error) {
          errors.push(`${r.issuer.iss}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return errors;
    },
  };
}
