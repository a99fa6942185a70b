/**
 * Starting and stopping the server process: open the store, load trusted issuers, listen, and on shutdown stop
 * accepting, let in-flight requests finish, commit and close the store.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { CompiledKb } from '../engine/index.js';
import { PROJECT_ROOT } from '../kb/index.js';
import { createApp } from './app.js';
import { createJwtVerifier, type JwtVerifier } from './auth/jwt.js';
import { loadTrustedIssuers } from './auth/trusted-issuers.js';
import type { ServeConfig } from './config.js';
import type { ServerRecommend } from './context.js';
import { createFhirClient } from './fhir-client.js';
import type { Logger } from './log.js';
import { openAnyStore } from './store/open.js';
import type { Store } from './store/store.js';

/** A listening server and how to stop it. */
export interface RunningServer {
  /** The URL the server listens on. */
  readonly url: string;
  readonly port: number;
  readonly jwt: boolean;
  readonly store: Store;
  /** Stops accepting, waits for in-flight requests (at most `graceMs`), closes the store. */
  close(graceMs?: number): Promise<void>;
}

/** What the server process needs from the CLI. */
export interface StartDeps {
  readonly kb: CompiledKb;
  readonly recommend: ServerRecommend;
  readonly log: Logger;
  /** Start-up messages for the operator (URL, KB version, warnings). */
  readonly say: (line: string) => void;
  readonly warn: (line: string) => void;
}

function verifierFor(config: ServeConfig, store: Store): JwtVerifier | undefined {
  if (config.trustedIssuers === undefined) {
    return undefined;
  }
  const trust = loadTrustedIssuers(config.trustedIssuers);
  return createJwtVerifier(trust, (iss, jti, exp, now) => store.rememberJti(iss, jti, exp, now));
}

/**
 * Starts Frontline's one server.
 * @throws on a configuration that cannot work (bad trusted-issuers file, JWT without public URL, port in use)
 */
export async function startServer(config: ServeConfig, deps: StartDeps): Promise<RunningServer> {
  const store = await openAnyStore(config.db, { retentionDays: config.auditRetentionDays });
  let jwt: JwtVerifier | undefined;
  try {
    jwt = verifierFor(config, store);
    if (jwt !== undefined) {
      for (const problem of await jwt.warm()) {
        deps.warn(`frontline: warning: could not fetch a JWK Set yet (${problem}); calls will retry`);
      }
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = createApp({
    kb: deps.kb,
    recommend: deps.recommend,
    store,
    publicUrl: config.publicUrl,
    jwt,
    corsOrigins: config.corsOrigins,
    webDir: config.webDir ?? join(PROJECT_ROOT, 'web', 'dist'),
    log: deps.log,
    openFhir: config.fhirFetch ? createFhirClient() : undefined,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', (error) => {
      store.close().then(
        () => reject(error),
        () => reject(error),
      );
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  deps.say(
    `Frontline listening on ${url}${config.publicUrl === undefined ? '' : ` (public URL ${config.publicUrl})`}`,
  );
  deps.say(
    `knowledge base ${deps.kb.kb.version} · store ${store.kind} ${store.location} · CDS Hooks discovery ${config.publicUrl ?? url}/cds-services`,
  );
  if (jwt === undefined) {
    deps.warn(
      'frontline: WARNING: JWT checking is OFF: any client can call the CDS Hooks service. For an EHR, give --trusted-issuers FILE and --public-url URL.',
    );
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    jwt: jwt !== undefined,
    store,
    close(graceMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) {
            server.closeAllConnections();
          }
        }, graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          store.close().then(resolve, resolve);
        });
        if ('closeIdleConnections' in server) {
          server.closeIdleConnections();
        }
      });
      return closing;
    },
  };
}
