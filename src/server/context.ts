/**
 * What every route needs: the compiled knowledge base, the shared use case, the store, the logger, the clock.
 * @module
 */
import type { Context, Handler } from 'hono';
import type { RecommendFn } from '../cds-hooks/index.js';
import type { CompiledKb } from '../engine/index.js';
import type { JwtVerifier } from './auth/jwt.js';
import type { FhirAccess } from './fhir/access.js';
import type { SmartLaunchSettings } from './launch-config.js';
import type { Logger } from './log.js';
import { type Reply, send } from './reply.js';
import type { Store } from './store/store.js';

/** The shared use case as the server calls it: the real one also reports what the FHIR mapping found. */
export type ServerRecommend = (
  ...args: Parameters<RecommendFn>
) => ReturnType<RecommendFn> & { readonly fhir?: unknown };

/** Shared by every route handler. */
export interface ServerContext {
  readonly kb: CompiledKb;
  readonly recommend: ServerRecommend;
  readonly store: Store;
  readonly log: Logger;
  /** The configured public base URL, or the request's own origin. */
  readonly baseUrl: (c: Context) => string;
  readonly newId: () => string;
  readonly now: () => Date;
  /** Which FHIR server a verified caller may have read; absent = never (missing prefetch → 412). */
  readonly fhirAccess?: FhirAccess | undefined;
  readonly fhirDeadlineMs?: number | undefined;
  readonly jwt?: JwtVerifier | undefined;
  /** SMART App Launch of the web app; absent = off. */
  readonly smart?: SmartLaunchSettings | undefined;
}

/** Hono context variables: the route pattern, for the request log; the verified JWT `iss` (JWT on only), for the audit and the FHIR server allow-list. */
export type Env = { Variables: { route: string; iss: string | undefined } };

/**
 * A route handler that returns a `Reply` (P5); the one writer sends it, and the route pattern is kept for the log.
 * @param pattern - the route as written (`/api/studies/:id`), logged instead of the path
 */
export function route(pattern: string, handle: (c: Context<Env>) => Reply | Promise<Reply>): Handler<Env> {
  return async (c) => {
    c.set('route', pattern);
    return send(c, await handle(c));
  };
}
