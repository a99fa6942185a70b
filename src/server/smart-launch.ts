/**
 * The SMART App Launch 2.x EHR launch of the web app, as the server publishes it: the paths the EHR registers (launch
 * URL and redirect URI, under the public URL), the scopes (read-only, the patient's Patient, Condition, Observation
 * and MedicationRequest: what the FHIR mapping reads), and the answer of `GET /api/smart-launch`.
 * @module
 */
import { DEFAULT_SMART_SCOPE, type SmartLaunchSettings } from './launch-config.js';
import type { SmartLaunchResponse } from './schemas/smart-launch.js';

/** The launch URL's path (the EHR opens `<public URL>/launch?launch=…&iss=…`). */
export const LAUNCH_PATH = '/launch';

/** The redirect URI's path (the authorization server sends the code there). */
export const REDIRECT_PATH = '/launch/ready';

/** The scopes asked for unless `--smart-scopes` says otherwise (SMART 2 read and search of what the mapping reads). */
export const SMART_SCOPE = DEFAULT_SMART_SCOPE;

/** The answer of `GET /api/smart-launch`. */
export function smartLaunchBody(smart: SmartLaunchSettings | undefined): SmartLaunchResponse {
  if (smart === undefined) {
    return { enabled: false };
  }
  return {
    enabled: true,
    clientId: smart.clientId,
    scope: smart.scope,
    redirectPath: REDIRECT_PATH,
    issuers: [...smart.issuers],
  };
}
