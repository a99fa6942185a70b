/**
 * The SMART App Launch 2.x EHR launch (https://hl7.org/fhir/smart-app-launch/STU2.2/app-launch.html), with SMART's own
 * client library (`fhirclient`, loaded only on these two pages):
 * - `/launch?launch=…&iss=…` (the launch URL the EHR opens): the server's settings, the launch parameters checked
 *   (iss must be a configured FHIR server), discovery (`.well-known/smart-configuration`) and the authorization
 *   request with PKCE (S256 required);
 * - `/launch/ready` (the redirect URI): the code exchanged for a token, the patient's record read, mapped by the
 *   server's FHIR mapping, and shown in the patient view, opening the option the card's `appContext` names.
 * Every failure is shown by name, at its step; nothing is guessed.
 * @module
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { recommend } from '../api.js';
import type { SmartLaunchResponse } from '../contract.js';
import { handOver } from '../patient/handover.js';
import { queryOfProfile } from '../patient/url.js';
import { hrefOf, navigate } from '../router.js';
import { optionFromAppContext } from './app-context.js';
import {
  authorizeProblem,
  checkLaunchParams,
  type LaunchProblem,
  type LaunchSettings,
  noAuthorizationEndpoint,
  readyProblem,
  withBody,
} from './launch-problem.js';
import { readRecord } from './read-record.js';

type Step =
  | { readonly status: 'working'; readonly what: string }
  | { readonly status: 'failed'; readonly problem: LaunchProblem };

async function settings(): Promise<
  { ok: true; settings: LaunchSettings } | { ok: false; problem: LaunchProblem }
> {
  let body: SmartLaunchResponse;
  try {
    const res = await fetch('/api/smart-launch', { headers: { accept: 'application/json' } });
    if (!res.ok) {
      throw new Error(`GET /api/smart-launch answered ${res.status}`);
    }
    body = (await res.json()) as SmartLaunchResponse;
  } catch (error) {
    return {
      ok: false,
      problem: {
        step: 'config',
        title: 'The Frontline server cannot be reached',
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
  if (!body.enabled) {
    return {
      ok: false,
      problem: {
        step: 'config',
        title: 'SMART launch is not configured on this Frontline server',
        detail:
          'The administrator starts Frontline with --smart-client-id (the client id the EHR registered) and --smart-issuers (the EHR’s FHIR server).',
      },
    };
  }
  return { ok: true, settings: body };
}

const fhirclient = () => import('fhirclient').then((m) => m.default);

/** `/launch`: checks, discovery, and off to the authorization server. */
async function launch(query: URLSearchParams, report: (s: Step) => void): Promise<void> {
  report({ status: 'working', what: 'Reading the launch settings…' });
  const config = await settings();
  if (!config.ok) {
    report({ status: 'failed', problem: config.problem });
    return;
  }
  const checked = checkLaunchParams(query, config.settings);
  if (!checked.ok) {
    report({ status: 'failed', problem: checked.problem });
    return;
  }
  const { iss, launch: launchId } = checked.params;
  report({ status: 'working', what: `Asking ${iss} for its SMART configuration…` });
  const redirectUri = new URL(config.settings.redirectPath, window.location.origin).href;
  let url: string;
  try {
    const FHIR = await fhirclient();
    url = String(
      await FHIR.oauth2.authorize({
        clientId: config.settings.clientId,
        scope: config.settings.scope,
        iss,
        launch: launchId,
        redirectUri,
        pkceMode: 'required',
        completeInTarget: true,
        noRedirect: true,
      }),
    );
  } catch (error) {
    report({ status: 'failed', problem: authorizeProblem(iss, await withBody(error)) });
    return;
  }
  // fhirclient treats a server without an authorization endpoint as open and sends the app straight back: refused.
  if (url.startsWith(redirectUri)) {
    report({ status: 'failed', problem: noAuthorizationEndpoint(iss) });
    return;
  }
  report({ status: 'working', what: 'Going to the EHR’s authorization server…' });
  window.location.assign(url);
}

/** `/launch/ready`: token, record, mapping, patient view. */
async function ready(report: (s: Step) => void): Promise<void> {
  report({ status: 'working', what: 'Getting the access token…' });
  const FHIR = await fhirclient();
  let client: Awaited<ReturnType<typeof FHIR.oauth2.ready>>;
  try {
    client = await FHIR.oauth2.ready();
  } catch (error) {
    report({ status: 'failed', problem: readyProblem(await withBody(error)) });
    return;
  }
  const token = client.state.tokenResponse;
  if (token?.access_token === undefined || token.access_token === '') {
    report({
      status: 'failed',
      problem: readyProblem(new Error('the authorization server gave no access token')),
    });
    return;
  }
  const iss = client.state.serverUrl;
  report({ status: 'working', what: `Reading the patient’s record from ${iss}…` });
  const record = await readRecord({
    patientId: client.patient.id ?? undefined,
    read: (url, search) =>
      search ? client.request(url, { pageLimit: 10, flat: true }) : client.request(url),
  });
  if (!record.ok) {
    report({ status: 'failed', problem: record.problem });
    return;
  }
  report({ status: 'working', what: 'Mapping the record and evaluating the options…' });
  const result = await recommend(record.bundle, true);
  if (!result.ok) {
    report({
      status: 'failed',
      problem: {
        step: 'mapping',
        title: 'Frontline could not evaluate the record',
        detail: [result.message, ...result.problems.map((p) => `${p.path}: ${p.message}`)].join('; '),
      },
    });
    return;
  }
  const option = optionFromAppContext(token.appContext);
  handOver({
    decision: result.decision,
    source: `the EHR (${iss})`,
    option: option === 'unreadable' ? undefined : option,
    notices:
      option === 'unreadable'
        ? ['The card’s appContext could not be read, so no option is opened; all options are shown.']
        : [],
  });
  const q = queryOfProfile(result.decision.profile);
  navigate(hrefOf('/patient', q), true);
}

export function LaunchView(props: { readonly query: URLSearchParams; readonly ready: boolean }): JSX.Element {
  const [step, setStep] = useState<Step>({ status: 'working', what: 'Starting the launch…' });
  useEffect(() => {
    const run = props.ready ? ready(setStep) : launch(props.query, setStep);
    run.catch((error: unknown) =>
      setStep({
        status: 'failed',
        problem: {
          step: 'config',
          title: 'The launch stopped unexpectedly',
          detail: error instanceof Error ? error.message : String(error),
        },
      }),
    );
    // The launch runs once per page load: a second run would reuse the one-time code.
  }, []);
  return (
    <div class="launch-view">
      <h1 tabIndex={-1}>Opening Frontline from the EHR</h1>
      {step.status === 'working' ? (
        <p role="status" class="status">
          {step.what}
        </p>
      ) : (
        <div class="form-errors" role="alert" data-launch-step={step.problem.step}>
          <p>
            <strong>{step.problem.title}</strong>
          </p>
          <p>{step.problem.detail}</p>
          <p>
            Nothing about this patient was assumed. You can still enter what is known in the{' '}
            <a href="/patient">patient view</a>.
          </p>
        </div>
      )}
    </div>
  );
}
