// The EHR's authorization server for the SMART launch test: `oauth2-mock-server` (authorization code, PKCE checked
// by the library: the code_verifier must match the code_challenge), with the EHR's part added through its events:
// the launch context. Each launch id the test registers names a patient and an appContext, returned with the token
// as SMART App Launch 2 and CDS Hooks 2.0.1 say; a launch registered as `refuse` gets its token refused. What the app
// sent is kept for the test to check (PKCE method, launch, aud, code_verifier).
import type { IncomingMessage } from 'node:http';
import {
  type MutableRedirectUri,
  type MutableResponse,
  OAuth2Server,
  type TokenRequestIncomingMessage,
} from 'oauth2-mock-server';
import type { AuthEndpoints } from './fhir-server.js';

export interface LaunchContext {
  readonly patient: string;
  readonly appContext?: string;
  /** Refuse the token for this launch (invalid_grant), as an EHR does for an expired launch. */
  readonly refuse?: boolean;
}

export interface AuthorizeSeen {
  readonly launch: string | undefined;
  readonly aud: string | undefined;
  readonly clientId: string | undefined;
  readonly scope: string | undefined;
  readonly codeChallengeMethod: string | undefined;
  readonly redirectUri: string | undefined;
}

export interface AuthServer extends AuthEndpoints {
  readonly origin: string;
  /** Registers a launch id the EHR would put in the launch URL. */
  launch(id: string, context: LaunchContext): void;
  readonly authorizeRequests: AuthorizeSeen[];
  /** Whether each token request carried a code_verifier. */
  readonly tokenRequests: { readonly codeVerifier: boolean; readonly launch: string | undefined }[];
  stop(): Promise<void>;
}

function queryValue(req: IncomingMessage, name: string): string | undefined {
  const v = new URL(req.url ?? '/', 'http://x').searchParams.get(name);
  return v ?? undefined;
}

/** Starts the authorization server on a free loopback port, with an RS256 signing key. */
export async function startAuthServer(): Promise<AuthServer> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url ?? '';
  const launches = new Map<string, LaunchContext>();
  const launchOfCode = new Map<string, string>();
  const scopeOfCode = new Map<string, string>();
  const authorizeRequests: AuthorizeSeen[] = [];
  const tokenRequests: { codeVerifier: boolean; launch: string | undefined }[] = [];

  server.service.on('beforeAuthorizeRedirect', (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const launch = queryValue(req, 'launch');
    authorizeRequests.push({
      launch,
      aud: queryValue(req, 'aud'),
      clientId: queryValue(req, 'client_id'),
      scope: queryValue(req, 'scope'),
      codeChallengeMethod: queryValue(req, 'code_challenge_method'),
      redirectUri: queryValue(req, 'redirect_uri'),
    });
    const code = redirect.url.searchParams.get('code');
    if (code !== null && launch !== undefined) {
      launchOfCode.set(code, launch);
      scopeOfCode.set(code, queryValue(req, 'scope') ?? '');
    }
  });

  server.service.on('beforeResponse', (response: MutableResponse, req: TokenRequestIncomingMessage) => {
    const code = typeof req.body.code === 'string' ? req.body.code : undefined;
    const launch = code === undefined ? undefined : launchOfCode.get(code);
    tokenRequests.push({ codeVerifier: typeof req.body.code_verifier === 'string', launch });
    const context = launch === undefined ? undefined : launches.get(launch);
    if (context === undefined || context.refuse === true || typeof response.body !== 'object') {
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'the launch has expired' };
      return;
    }
    response.body.patient = context.patient;
    response.body.scope = (code === undefined ? undefined : scopeOfCode.get(code)) ?? '';
    if (context.appContext !== undefined) {
      response.body.appContext = context.appContext;
    }
  });

  const origin = new URL(issuer).origin;
  return {
    issuer,
    origin,
    authorize: `${issuer}/authorize`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks`,
    launch: (id, context) => launches.set(id, context),
    authorizeRequests,
    tokenRequests,
    stop: () => server.stop(),
  };
}
