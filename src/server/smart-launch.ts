/**
 * The SMART App Launch 2.x EHR launch of the web app, as the server publishes it: the paths the EHR registers (launch
 * URL and redirect URI, under the public URL), the scopes (read-only, the patient's Patient, Condition, Observation
 * and MedicationRequest: what the FHIR mapping reads), and the answer of `GET /api/smart-launch`.
 * @module
 */
import type { SmartLaunchSettings } from './launch-config.js';
import type { SmartLaunchResponse } from './schemas/smart-launch.js';

/** The launch URL's path (the EHR opens `<public URL>/launch?launch=…&iss=…`). */
export const LAUNCH_PATH = '/launch';

/** The redirect URI's path (the authorization server sends the code there). */
export const REDIRECT_PATH = '/launch/ready';

/** SMART 2.x scopes: the launch context, and read + search of the four resource types the mapping reads. */
export const SMART_SCOPE = [
  'launch',
  'patient/Patient.rs',
  'patient/Condition.rs',
  'patient/Observation.rs',
  'patient/MedicationRequest.rs',
].join(' ');

/** The answer of `GET /api/smart-launch`. */
export function smartLaunchBody(smart: SmartLaunchSettings | undefined): SmartLaunchResponse {
  if (smart === undefined) {
    return { enabled: false };
  }
  return {
    enabled: true,
    clientId: smart.clientId,
    scope: SMART_SCOPE,
    redirectPath: REDIRECT_PATH,
    issuers: [...smart.issuers],
  };
}
