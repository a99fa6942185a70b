/**
 * What can go wrong in a SMART EHR launch, named for the clinician and for the person who configures the EHR: each
 * failure is a value with a title (what went wrong) and the detail (why, and what to do). Never a stack trace.
 * @module
 */

/** One failure of the launch, at the step it happened. */
export interface LaunchProblem {
  readonly step:
    | 'config'
    | 'launch-params'
    | 'discovery'
    | 'authorization'
    | 'token'
    | 'fhir-read'
    | 'mapping';
  readonly title: string;
  readonly detail: string;
}

/** The settings the launch page reads from `GET /api/smart-launch` (only the enabled case matters here). */
export interface LaunchSettings {
  readonly clientId: string;
  readonly scope: string;
  readonly redirectPath: string;
  readonly issuers: readonly string[];
}

/** The launch parameters, once checked. */
export interface LaunchParams {
  readonly iss: string;
  readonly launch: string;
}

function withoutSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/**
 * Checks the EHR launch URL's parameters: `launch` and `iss` present, and `iss` one of the FHIR servers this Frontline
 * accepts (an app that follows any `iss` would send the clinician, and the launch, to any server).
 * @param query - the launch URL's query
 * @param settings - the server's SMART settings
 */
export function checkLaunchParams(
  query: URLSearchParams,
  settings: LaunchSettings,
): { ok: true; params: LaunchParams } | { ok: false; problem: LaunchProblem } {
  const iss = query.get('iss')?.trim() ?? '';
  const launch = query.get('launch')?.trim() ?? '';
  const absent = [
    iss === '' ? '"iss" (the FHIR server)' : '',
    launch === '' ? '"launch" (the launch context)' : '',
  ]
    .filter((s) => s !== '')
    .join(' and ');
  if (absent !== '') {
    return {
      ok: false,
      problem: {
        step: 'launch-params',
        title: `The launch is missing ${absent}`,
        detail:
          'Frontline must be opened from the EHR (SMART EHR launch), which adds "launch" and "iss" to this address. Open it again from the patient’s chart or from a Frontline card.',
      },
    };
  }
  if (!settings.issuers.some((i) => withoutSlash(i) === withoutSlash(iss))) {
    return {
      ok: false,
      problem: {
        step: 'launch-params',
        title: 'The launch names a FHIR server this Frontline does not accept',
        detail: `iss = ${iss}. Accepted: ${settings.issuers.join(', ')}. The administrator adds a server with frontline serve --smart-issuers.`,
      },
    };
  }
  return { ok: true, params: { iss: withoutSlash(iss), launch } };
}

function textIn(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') {
    return undefined;
  }
  const b = body as { error?: unknown; error_description?: unknown; issue?: unknown };
  if (typeof b.error_description === 'string' || typeof b.error === 'string') {
    return [b.error, b.error_description].filter((t) => typeof t === 'string').join(': ');
  }
  if (Array.isArray(b.issue)) {
    const texts = b.issue.flatMap((i: { diagnostics?: unknown; details?: { text?: unknown } }) =>
      [i.diagnostics, i.details?.text].filter((t): t is string => typeof t === 'string'),
    );
    return texts.length > 0 ? texts.join('; ') : undefined;
  }
  return undefined;
}

/**
 * One line for a person: fhirclient's HTTP errors are `"<status> <text>\nURL: <url>\n\n<body>"`; this keeps the
 * status, the URL and what the body says (OAuth `error_description`, OperationOutcome text), not the raw body.
 */
export function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const [head = '', ...rest] = raw.split('\n');
  const urlLine = rest.find((l) => l.startsWith('URL: '));
  if (urlLine === undefined) {
    return raw;
  }
  const body = rest
    .filter((l) => l !== urlLine)
    .join('\n')
    .trim();
  let said: string | undefined;
  try {
    said = textIn(JSON.parse(body));
  } catch {
    // Not JSON: fhirclient's own "error: description" line, or a short plain-text body; never markup.
    said = body !== '' && body.length <= 300 && !body.includes('<') ? body.replace(/\s+/g, ' ') : undefined;
  }
  return `${head.trim()} (${urlLine.slice('URL: '.length).trim()})${said === undefined ? '' : `: ${said}`}`;
}

/**
 * fhirclient's `HttpError` reads the answer's body only when asked (`parse`): ask, so the message says what the
 * server said (OAuth `error_description`, OperationOutcome text).
 * @returns the same error
 */
export async function withBody(error: unknown): Promise<unknown> {
  const parse =
    error !== null && typeof error === 'object' ? (error as { parse?: unknown }).parse : undefined;
  if (typeof parse === 'function') {
    try {
      await (parse as () => Promise<unknown>).call(error);
    } catch {
      // The message without the body is still the status and the URL.
    }
  }
  return error;
}

/**
 * A failure of `authorize` (discovery of the server's SMART configuration, or a server that does not offer PKCE).
 * @param iss - the FHIR server
 * @param error - what fhirclient threw
 */
export function authorizeProblem(iss: string, error: unknown): LaunchProblem {
  const message = messageOf(error);
  if (/PKCE|S256/i.test(message)) {
    return {
      step: 'authorization',
      title: 'The EHR’s authorization server does not offer PKCE',
      detail: `${iss}/.well-known/smart-configuration does not list S256 in code_challenge_methods_supported; SMART App Launch 2 requires it, and Frontline does not launch without it.`,
    };
  }
  return {
    step: 'discovery',
    title: 'SMART discovery failed',
    detail: `Could not read the SMART configuration of ${iss} (${iss}/.well-known/smart-configuration, then its CapabilityStatement): ${message}`,
  };
}

/** Discovery that found no authorization endpoint: the server would be read without authorization, which Frontline refuses. */
export function noAuthorizationEndpoint(iss: string): LaunchProblem {
  return {
    step: 'discovery',
    title: 'SMART discovery found no authorization endpoint',
    detail: `${iss} names no authorization_endpoint in its SMART configuration; Frontline reads patient data only with an access token.`,
  };
}

/**
 * A failure of `ready` on the redirect page: the authorization server refused (an `error` in the redirect), the state
 * is gone (the page was opened directly), or the token request was refused.
 * @param error - what fhirclient threw
 */
export function readyProblem(error: unknown): LaunchProblem {
  const message = messageOf(error);
  if (/No state found|No 'state' parameter/i.test(message)) {
    return {
      step: 'authorization',
      title: 'This page was opened outside a launch',
      detail: 'There is no launch in progress in this browser tab. Open Frontline again from the EHR.',
    };
  }
  if (/^[a-z_]+(: |$)/.test(message) && !/^[A-Z]/.test(message)) {
    return {
      step: 'authorization',
      title: 'The EHR’s authorization server refused the launch',
      detail: message,
    };
  }
  return {
    step: 'token',
    title: 'The access token was refused',
    detail: `The authorization server did not give an access token for the code: ${message}`,
  };
}

/**
 * A failed FHIR read.
 * @param what - the resource type or search that failed
 * @param error - what fhirclient threw
 */
export function fhirReadProblem(what: string, error: unknown): LaunchProblem {
  return {
    step: 'fhir-read',
    title: `Reading ${what} from the EHR’s FHIR server failed`,
    detail: messageOf(error),
  };
}
