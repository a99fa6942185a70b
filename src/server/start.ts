/**
 * Starting and stopping the server process: refuse an exposed address without JWT (unless `--insecure`), open the
 * store, load trusted issuers, listen, and on shutdown stop accepting, let in-flight requests finish, commit and
 * close the store. Links are built from the public URL (configured, or the loopback address listened on), and a
 * request whose Host is not that URL's gets 421.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { CompiledKb } from '../engine/index.js';
import { PROJECT_ROOT } from '../kb/index.js';
import { createApp } from './app.js';
import { createJwtVerifier, type JwtVerifier } from './auth/jwt.js';
import { loadTrustedIssuers, type TrustedIssuers } from './auth/trusted-issuers.js';
import type { ServeConfig } from './config.js';
import type { ServerRecommend } from './context.js';
import { exposure, publicHosts } from './exposure.js';
import type { FhirAccess } from './fhir/access.js';
import { fhirAccessFromTrust } from './fhir/from-trust.js';
import type { Logger } from './log.js';
import { LAUNCH_PATH, REDIRECT_PATH } from './smart-launch.js';
import { openAnyStore } from './store/open.js';
import type { Store } from './store/store.js';

const INSECURE_BANNER = [
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!! frontline: INSECURE: listening on a non-loopback address WITHOUT JWT checking (--insecure).   !!',
  '!! Anyone who can reach this port can call the CDS Hooks service and read the feedback API.     !!',
  '!! Never run this on a hospital network: give --trusted-issuers FILE and drop --insecure.       !!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
];

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

interface Trust {
  readonly jwt: JwtVerifier;
  readonly trust: TrustedIssuers;
}

function verifierFor(config: ServeConfig, store: Store): Trust | undefined {
  if (config.trustedIssuers === undefined) {
    return undefined;
  }
  const trust = loadTrustedIssuers(config.trustedIssuers);
  return {
    trust,
    jwt: createJwtVerifier(trust, (iss, jti, exp, now) => store.rememberJti(iss, jti, exp, now)),
  };
}

/** The FHIR reads a verified issuer may ask for: only with JWT on and fetching not turned off. */
function accessFor(config: ServeConfig, trusted: Trust | undefined): FhirAccess | undefined {
  if (trusted === undefined || !config.fhirFetch) {
    return undefined;
  }
  return fhirAccessFromTrust(trusted.trust);
}

/**
 * Starts Frontline's one server.
 * @throws on a configuration that cannot work (bad trusted-issuers file, JWT without public URL, port in use)
 */
export async function startServer(config: ServeConfig, deps: StartDeps): Promise<RunningServer> {
  const exposed = exposure(config);
  if (!exposed.ok) {
    throw new Error(exposed.error);
  }
  const store = await openAnyStore(config.db, { retentionDays: config.auditRetentionDays });
  let trusted: Trust | undefined;
  let jwt: JwtVerifier | undefined;
  try {
    trusted = verifierFor(config, store);
    jwt = trusted?.jwt;
    if (jwt !== undefined) {
      for (const problem of await jwt.warm()) {
        deps.warn(`frontline: warning: could not fetch a JWK Set yet (${problem}); calls will retry`);
      }
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  // The app is built once the port is known (port 0 = any): its links and the Host it accepts depend on it.
  let app: ReturnType<typeof createApp> | undefined;
  const notYet = (): Response => new Response('starting', { status: 503 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: (req, env) => (app === undefined ? notYet() : app.fetch(req, env)),
        port: config.port,
        hostname: config.host,
      },
      () => resolve(s),
    );
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
  app = createApp({
    kb: deps.kb,
    recommend: deps.recommend,
    store,
    publicUrl: config.publicUrl ?? url,
    allowedHosts: publicHosts(config.publicUrl, port),
    jwt,
    corsOrigins: config.corsOrigins,
    webDir: config.webDir ?? join(PROJECT_ROOT, 'web', 'dist'),
    log: deps.log,
    fhirAccess: accessFor(config, trusted),
    fhirDeadlineMs: config.fhirDeadlineMs,
    smart: config.smart,
    frameAncestors: config.frameAncestors,
  });
  deps.say(
    `Frontline listening on ${url}${config.publicUrl === undefined ? '' : ` (public URL ${config.publicUrl})`}`,
  );
  deps.say(
    `knowledge base ${deps.kb.kb.version} · store ${store.kind} ${store.location} · CDS Hooks discovery ${config.publicUrl ?? url}/cds-services`,
  );
  if (config.smart !== undefined) {
    const base = config.publicUrl ?? url;
    deps.say(
      `SMART App Launch: launch URL ${base}${LAUNCH_PATH} · redirect URI ${base}${REDIRECT_PATH} · client id ${config.smart.clientId} · scope "${config.smart.scope}" · iss ${config.smart.issuers.join(', ')}`,
    );
  }
  if (config.frameAncestors.length > 0) {
    deps.say(`framing allowed for ${config.frameAncestors.join(', ')}`);
  }
  if (jwt === undefined) {
    deps.warn(
      'frontline: WARNING: JWT checking is OFF: any client can call the CDS Hooks service, and no FHIR server is ever read (missing prefetch is a 412). For an EHR, give --trusted-issuers FILE and --public-url URL.',
    );
  }
  if (exposed.insecure) {
    for (const line of INSECURE_BANNER) {
      deps.warn(line);
    }
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
