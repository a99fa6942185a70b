/**
 * The SMART App Launch and framing settings of `frontline serve`, read from flags and environment variables (flags
 * win), every bad value named with the option and what is allowed:
 * - `--smart-client-id` (`FRONTLINE_SMART_CLIENT_ID`): the client id the EHR registered for the Frontline app; turns
 *   the EHR launch on (`<public URL>/launch`, redirect URI `<public URL>/launch/ready`), and cards then carry a
 *   `smart` link;
 * - `--smart-issuers` (`FRONTLINE_SMART_ISSUERS`): the FHIR base URLs (`iss`) the app accepts a launch from, needed
 *   with a client id (an app that follows any `iss` would send the clinician to any authorization server);
 * - `--smart-auth-origins` (`FRONTLINE_SMART_AUTH_ORIGINS`): origins of authorization servers whose token endpoint is
 *   not on an issuer's origin (the browser posts the code there);
 * - `--smart-scopes` (`FRONTLINE_SMART_SCOPES`): the scopes the app asks for, space-separated (default: SMART 2 read and
 *   search scopes; an EHR that grants only SMART 1 scopes takes `launch patient/Patient.read …`);
 * - `--frame-ancestors` (`FRONTLINE_FRAME_ANCESTORS`): the EHR origins allowed to frame the app (default none).
 * @module
 */

/** SMART App Launch (EHR launch) as configured. */
export interface SmartLaunchSettings {
  readonly clientId: string;
  /** The scopes the app asks for, space-separated. */
  readonly scope: string;
  /** FHIR base URLs accepted as `iss`, without a trailing slash. */
  readonly issuers: readonly string[];
  /** Origins the app's browser code calls: every issuer's, and the configured authorization servers'. */
  readonly connectOrigins: readonly string[];
}

/** The flags this module reads. */
export interface LaunchFlags {
  readonly smartClientId?: string | undefined;
  readonly smartIssuers?: string | undefined;
  readonly smartAuthOrigins?: string | undefined;
  readonly smartScopes?: string | undefined;
  readonly frameAncestors?: string | undefined;
}

export interface LaunchConfig {
  readonly smart?: SmartLaunchSettings | undefined;
  /** Origins allowed to frame the app; empty = none. */
  readonly frameAncestors: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** SMART 2.x scopes: the launch context, and read + search of the four resource types the FHIR mapping reads. */
export const DEFAULT_SMART_SCOPE = [
  'launch',
  'patient/Patient.rs',
  'patient/Condition.rs',
  'patient/Observation.rs',
  'patient/MedicationRequest.rs',
].join(' ');

/** The scopes asked for: printable tokens, `launch` among them (the EHR launch needs its context). */
function scopeOf(raw: string | undefined, errors: string[]): string {
  if (raw === undefined) {
    return DEFAULT_SMART_SCOPE;
  }
  const tokens = raw.split(/\s+/).filter((t) => t !== '');
  if (
    !tokens.every((t) => /^[\x21-\x7e]{1,200}$/.test(t) && !t.includes('"')) ||
    !tokens.includes('launch')
  ) {
    errors.push(
      `--smart-scopes/FRONTLINE_SMART_SCOPES: "${raw}" must be space-separated scopes including "launch", e.g. "${DEFAULT_SMART_SCOPE}" (SMART 2) or "launch patient/Patient.read patient/Condition.read patient/Observation.read patient/MedicationRequest.read" (SMART 1)`,
    );
    return DEFAULT_SMART_SCOPE;
  }
  return tokens.join(' ');
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A host name or IP literal: letters, digits, dots and hyphens (no wildcard), or a bracketed IPv6 address. */
const HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/** https anywhere; plain http only on a loopback host (development and tests); never a wildcard host. */
function secureEnough(u: URL): boolean {
  if (!HOST.test(u.hostname)) {
    return false;
  }
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
}

/** An origin exactly as a browser writes it (`https://ehr.example`, `https://ehr.example:8443`), else undefined. */
function origin(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    return secureEnough(u) && u.origin === raw ? raw : undefined;
  } catch {
    return undefined;
  }
}

function origins(raw: string | undefined, option: string, errors: string[]): string[] {
  const out: string[] = [];
  for (const item of list(raw)) {
    const o = origin(item.endsWith('/') ? item.slice(0, -1) : item);
    if (o === undefined) {
      errors.push(
        `${option}: "${item}" is not an origin; give scheme://host[:port] with https (http only for localhost/127.0.0.1/[::1]), no path, no wildcard, comma-separated, e.g. https://ehr.example.org`,
      );
    } else if (!out.includes(o)) {
      out.push(o);
    }
  }
  return out;
}

function issuers(raw: string | undefined, errors: string[]): string[] {
  const out: string[] = [];
  for (const item of list(raw)) {
    let u: URL | undefined;
    try {
      u = new URL(item);
    } catch {
      u = undefined;
    }
    if (u === undefined || !secureEnough(u) || u.search !== '' || u.hash !== '' || u.username !== '') {
      errors.push(
        `--smart-issuers/FRONTLINE_SMART_ISSUERS: "${item}" is not a FHIR base URL; give absolute https URLs (http only for localhost/127.0.0.1/[::1]) without query, comma-separated, e.g. https://fhir.hospital.example/r4`,
      );
      continue;
    }
    const base = item.endsWith('/') ? item.slice(0, -1) : item;
    if (!out.includes(base)) {
      out.push(base);
    }
  }
  return out;
}

function smartOf(flags: LaunchFlags, env: Env, errors: string[]): SmartLaunchSettings | undefined {
  const clientId = nonEmpty(flags.smartClientId) ?? nonEmpty(env.FRONTLINE_SMART_CLIENT_ID);
  const rawIssuers = nonEmpty(flags.smartIssuers) ?? nonEmpty(env.FRONTLINE_SMART_ISSUERS);
  const iss = issuers(rawIssuers, errors);
  const auth = origins(
    nonEmpty(flags.smartAuthOrigins) ?? nonEmpty(env.FRONTLINE_SMART_AUTH_ORIGINS),
    '--smart-auth-origins/FRONTLINE_SMART_AUTH_ORIGINS',
    errors,
  );
  const rawScopes = nonEmpty(flags.smartScopes) ?? nonEmpty(env.FRONTLINE_SMART_SCOPES);
  const scope = scopeOf(rawScopes, errors);
  if (clientId === undefined) {
    if (rawIssuers !== undefined || auth.length > 0 || rawScopes !== undefined) {
      errors.push(
        '--smart-issuers, --smart-auth-origins and --smart-scopes need --smart-client-id/FRONTLINE_SMART_CLIENT_ID (the client id the EHR registered for Frontline)',
      );
    }
    return undefined;
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(clientId)) {
    errors.push(
      `--smart-client-id/FRONTLINE_SMART_CLIENT_ID must be 1 to 200 printable characters without spaces, not "${clientId}"`,
    );
  }
  if (list(rawIssuers).length === 0) {
    errors.push(
      '--smart-client-id needs --smart-issuers/FRONTLINE_SMART_ISSUERS: the FHIR base URLs the app may be launched from',
    );
  }
  const connect = [...new Set([...iss.map((i) => new URL(i).origin), ...auth])];
  return { clientId, scope, issuers: iss, connectOrigins: connect };
}

/**
 * Reads the launch and framing settings; problems are appended to `errors`.
 * @param flags - command-line flags
 * @param env - environment variables
 * @param errors - where each problem is named
 */
export function resolveLaunchConfig(flags: LaunchFlags, env: Env, errors: string[]): LaunchConfig {
  const smart = smartOf(flags, env, errors);
  const frameAncestors = origins(
    nonEmpty(flags.frameAncestors) ?? nonEmpty(env.FRONTLINE_FRAME_ANCESTORS),
    '--frame-ancestors/FRONTLINE_FRAME_ANCESTORS',
    errors,
  );
  return { smart, frameAncestors };
}
