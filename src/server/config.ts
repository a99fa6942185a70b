/**
 * `frontline serve` settings from flags and environment variables (flags win): port (`--port`, `PORT`, 3000),
 * store file (`--db`, `FRONTLINE_DB`, `./frontline.db`), interface (`--host`, 127.0.0.1), public base URL
 * (`--public-url`, `FRONTLINE_PUBLIC_URL`), trusted issuers (`--trusted-issuers`, `FRONTLINE_TRUSTED_ISSUERS`),
 * CORS origins for CDS Hooks (`--cors-origins`, `FRONTLINE_CORS_ORIGINS`, comma-separated, `*` for any),
 * `FRONTLINE_FHIR_FETCH=off` to never read a client's FHIR server (it is read only with JWT on, and only the servers
 * each issuer lists), the deadline of one call's FHIR reads (`--fhir-deadline-ms`, `FRONTLINE_FHIR_DEADLINE_MS`,
 * 3000), `--insecure` to listen on a non-loopback address without JWT checking, and audit retention in days
 * (`--audit-retention-days`, `FRONTLINE_AUDIT_RETENTION_DAYS`, 365). `--db` may be a `postgres://` URL (the PostgreSQL
 * store, for several instances). The SMART App Launch and framing settings are read by `launch-config.ts`.
 * @module
 */
import { DEFAULT_CORS_ORIGINS } from './app.js';
import { type LaunchFlags, resolveLaunchConfig, type SmartLaunchSettings } from './launch-config.js';

/** The `frontline serve` flags as commander gives them. */
export interface ServeFlags extends LaunchFlags {
  readonly port?: string | undefined;
  readonly db?: string | undefined;
  readonly host?: string | undefined;
  readonly publicUrl?: string | undefined;
  readonly trustedIssuers?: string | undefined;
  readonly corsOrigins?: string | undefined;
  readonly webDir?: string | undefined;
  readonly auditRetentionDays?: string | undefined;
  readonly fhirDeadlineMs?: string | undefined;
  readonly insecure?: boolean | undefined;
}

/** The resolved settings. */
export interface ServeConfig {
  readonly port: number;
  readonly host: string;
  readonly db: string;
  readonly publicUrl?: string | undefined;
  readonly trustedIssuers?: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly fhirFetch: boolean;
  /** One deadline over all the FHIR reads of one CDS call. */
  readonly fhirDeadlineMs: number;
  /** Listen on a non-loopback address without JWT checking (a loud banner says so). */
  readonly insecure: boolean;
  readonly webDir?: string | undefined;
  /** Audit rows older than this are deleted by the store. */
  readonly auditRetentionDays: number;
  /** SMART App Launch (EHR launch of the web app); absent = off, and cards carry no `smart` link. */
  readonly smart?: SmartLaunchSettings | undefined;
  /** EHR origins allowed to frame the app; empty = none (`frame-ancestors 'none'`). */
  readonly frameAncestors: readonly string[];
}

/** The settings, or every problem with them. */
export type ConfigResult =
  | { readonly ok: true; readonly config: ServeConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function parsePort(raw: string, errors: string[]): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65_535) {
    errors.push(`--port/PORT must be a whole number from 0 to 65535, not "${raw}"`);
    return 0;
  }
  return n;
}

function parseUrl(raw: string | undefined, errors: string[]): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new Error('scheme');
    }
    if (u.search !== '' || u.hash !== '') {
      throw new Error('query');
    }
    return raw.endsWith('/') ? raw.slice(0, -1) : raw;
  } catch {
    errors.push(
      `--public-url must be an absolute http(s) URL without query, e.g. https://cds.example.org, not "${raw}"`,
    );
    return undefined;
  }
}

function parseRetention(raw: string, errors: string[]): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 36_500) {
    errors.push(
      `--audit-retention-days/FRONTLINE_AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500, not "${raw}"`,
    );
  }
  return n;
}

function parseDeadline(raw: string, errors: string[]): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 100 || n > 30_000) {
    errors.push(
      `--fhir-deadline-ms/FRONTLINE_FHIR_DEADLINE_MS must be a whole number from 100 to 30000, not "${raw}"`,
    );
  }
  return n;
}

/**
 * Resolves the settings.
 * @param flags - command-line flags
 * @param env - environment variables (`process.env`)
 */
export function resolveServeConfig(
  flags: ServeFlags,
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult {
  const errors: string[] = [];
  const port = parsePort(nonEmpty(flags.port) ?? nonEmpty(env.PORT) ?? '3000', errors);
  const publicUrl = parseUrl(nonEmpty(flags.publicUrl) ?? nonEmpty(env.FRONTLINE_PUBLIC_URL), errors);
  const origins = nonEmpty(flags.corsOrigins) ?? nonEmpty(env.FRONTLINE_CORS_ORIGINS);
  const corsOrigins =
    origins === undefined
      ? DEFAULT_CORS_ORIGINS
      : origins
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== '');
  const auditRetentionDays = parseRetention(
    nonEmpty(flags.auditRetentionDays) ?? nonEmpty(env.FRONTLINE_AUDIT_RETENTION_DAYS) ?? '365',
    errors,
  );
  const fetchSetting = nonEmpty(env.FRONTLINE_FHIR_FETCH)?.toLowerCase();
  if (fetchSetting !== undefined && fetchSetting !== 'on' && fetchSetting !== 'off') {
    errors.push(`FRONTLINE_FHIR_FETCH must be "on" or "off", not "${fetchSetting}"`);
  }
  const fhirDeadlineMs = parseDeadline(
    nonEmpty(flags.fhirDeadlineMs) ?? nonEmpty(env.FRONTLINE_FHIR_DEADLINE_MS) ?? '3000',
    errors,
  );
  const launch = resolveLaunchConfig(flags, env, errors);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    config: {
      port,
      host: nonEmpty(flags.host) ?? '127.0.0.1',
      db: nonEmpty(flags.db) ?? nonEmpty(env.FRONTLINE_DB) ?? './frontline.db',
      publicUrl,
      trustedIssuers: nonEmpty(flags.trustedIssuers) ?? nonEmpty(env.FRONTLINE_TRUSTED_ISSUERS),
      corsOrigins,
      fhirFetch: fetchSetting !== 'off',
      fhirDeadlineMs,
      insecure: flags.insecure === true,
      webDir: nonEmpty(flags.webDir),
      auditRetentionDays,
      smart: launch.smart,
      frameAncestors: launch.frameAncestors,
    },
  };
}
