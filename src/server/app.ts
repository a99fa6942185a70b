/**
 * The one server: REST API, CDS Hooks 2.0.1 service and the web app on one Hono app, built by a factory so tests
 * call `app.request()` without a socket.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { CompiledKb } from '../engine/index.js';
import type { JwtVerifier } from './auth/jwt.js';
import type { Env, ServerContext, ServerRecommend } from './context.js';
import type { FhirAccess } from './fhir/access.js';
import { hostGuard } from './host-guard.js';
import type { SmartLaunchSettings } from './launch-config.js';
import { type Logger, silentLogger } from './log.js';
import {
  CDS_PATH,
  cdsCors,
  jwtGuard,
  noStore,
  requestLog,
  responseHeaders,
  sizeLimit,
} from './middleware.js';
import { problem, send } from './reply.js';
import { registerApi } from './routes/api.js';
import { registerApiDocs } from './routes/api-docs.js';
import { registerCds } from './routes/cds.js';
import { registerWeb } from './routes/web.js';
import { securityHeaders } from './security-headers.js';
import type { Store } from './store/store.js';

/** Default CORS origin for CDS Hooks: the public CDS Hooks sandbox. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = ['https://sandbox.cds-hooks.org'];

/** Default request body limit: 4 MiB (a prefetch of a few hundred observations fits easily). */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

/** What `createApp` needs; everything with I/O is injected so tests can replace it. */
export interface AppOptions {
  readonly kb: CompiledKb;
  /** The shared use case (`src/api/recommend.ts`). */
  readonly recommend: ServerRecommend;
  readonly store: Store;
  /** Public base URL (scheme, host, port, optional path prefix) as clients reach this server. */
  readonly publicUrl?: string | undefined;
  /** JWT checking for CDS Hooks; absent = off. Requires `publicUrl`. */
  readonly jwt?: JwtVerifier | undefined;
  /** Origins allowed to call CDS Hooks from a browser; `*` for any. */
  readonly corsOrigins?: readonly string[] | undefined;
  /** The built web app (`web/dist`); served when it has an index.html. */
  readonly webDir?: string | undefined;
  readonly log?: Logger | undefined;
  readonly bodyLimitBytes?: number | undefined;
  /**
   * Which FHIR server a CDS client may have read when prefetch is missing, by its verified `iss`; absent = never
   * (412). Only used with `jwt`: without JWT checking no caller is known, so nothing is fetched.
   */
  readonly fhirAccess?: FhirAccess | undefined;
  /** The deadline over all of one CDS call's FHIR reads. */
  readonly fhirDeadlineMs?: number | undefined;
  /** `host[:port]` values accepted in the Host header (others: 421); absent = any (tests without a socket). */
  readonly allowedHosts?: readonly string[] | undefined;
  /** SMART App Launch of the web app; absent = off (cards carry no `smart` link). */
  readonly smart?: SmartLaunchSettings | undefined;
  /** EHR origins allowed to frame the app (`frame-ancestors`); absent or empty = none. */
  readonly frameAncestors?: readonly string[] | undefined;
  readonly newId?: (() => string) | undefined;
  readonly now?: (() => Date) | undefined;
}

/** Thrown for a configuration that cannot work (reported at start-up). */
export class AppConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppConfigError';
  }
}

function baseUrlOf(publicUrl: string | undefined): ServerContext['baseUrl'] {
  if (publicUrl !== undefined) {
    const fixed = publicUrl.endsWith('/') ? publicUrl.slice(0, -1) : publicUrl;
    return () => fixed;
  }
  return (c) => new URL(c.req.url).origin;
}

/**
 * Builds the app.
 * @example
 *   const app = createApp({ kb: compileKb(kb), recommend, store: openStore(':memory:') });
 *   const res = await app.request('/api/health');
 */
export function createApp(options: AppOptions): Hono<Env> {
  if (options.jwt !== undefined && options.publicUrl === undefined) {
    throw new AppConfigError(
      'JWT checking needs the public base URL (--public-url): `aud` is compared with it',
    );
  }
  const log = options.log ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const ctx: ServerContext = {
    kb: options.kb,
    recommend: options.recommend,
    store: options.store,
    log,
    baseUrl: baseUrlOf(options.publicUrl),
    newId: options.newId ?? randomUUID,
    now,
    fhirAccess: options.jwt === undefined ? undefined : options.fhirAccess,
    fhirDeadlineMs: options.fhirDeadlineMs,
    jwt: options.jwt,
    smart: options.smart,
  };
  const app = new Hono<Env>();
  app.use('*', requestLog(log));
  app.use(
    '*',
    responseHeaders(
      securityHeaders({
        frameAncestors: options.frameAncestors,
        connectOrigins: options.smart?.connectOrigins,
      }),
    ),
  );
  if (options.allowedHosts !== undefined) {
    app.use('*', hostGuard(options.allowedHosts));
  }
  app.use('*', sizeLimit(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT));
  app.use('/api/*', noStore());
  app.use('/cds-services/*', noStore());
  // '/cds-services/*' also matches '/cds-services' itself.
  app.use('/cds-services/*', cdsCors(options.corsOrigins ?? DEFAULT_CORS_ORIGINS));
  if (options.jwt !== undefined && options.publicUrl !== undefined) {
    app.use('/cds-services/*', jwtGuard(options.jwt, options.publicUrl, log, now));
  }
  registerApi(app, ctx);
  registerApiDocs(app);
  registerCds(app, ctx);
  registerWeb(app, options.webDir);
  app.notFound((c) =>
    send(
      c,
      problem('request.not-found', `no route ${c.req.method} ${c.req.path}`, CDS_PATH.test(c.req.path)),
    ),
  );
  app.onError((error, c) => {
    // Never a stack trace or an exception message to a client: the log gets the error's name only.
    log({ level: 'error', msg: 'unhandled error', route: c.get('route') ?? 'unmatched', error: error.name });
    return send(c, problem('internal', 'an internal error occurred', CDS_PATH.test(c.req.path)));
  });
  return app;
}
