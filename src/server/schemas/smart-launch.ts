/**
 * `GET /api/smart-launch`: what the web app's launch page needs to start a SMART App Launch 2.x EHR launch
 * (https://hl7.org/fhir/smart-app-launch/STU2.2/app-launch.html): whether it is configured, the registered client
 * id, the scopes asked for, the redirect path and the FHIR servers accepted as `iss`.
 * @module
 */
import { z } from 'zod';

export const SmartLaunchResponse = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false) }),
  z.object({
    enabled: z.literal(true),
    clientId: z.string().describe('the client id the EHR registered for Frontline'),
    scope: z.string().describe('the scopes the app asks for, space-separated'),
    redirectPath: z.string().describe('the redirect URI, relative to the public URL'),
    issuers: z.array(z.string()).describe('the FHIR base URLs a launch may name as iss'),
  }),
]);
export type SmartLaunchResponse = z.infer<typeof SmartLaunchResponse>;
