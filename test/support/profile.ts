// A test's patient: a profile input parsed as the API parses it, or the test stops naming every refused field.
import { type Profile, parseProfile } from '../../src/profile/index.js';

/** Parses `input`; throws (naming `what` and every refused field) when the profile parser refuses it. */
export function profileOf(input: Readonly<Record<string, unknown>>, what = 'the test profile'): Profile {
  const parsed = parseProfile(input);
  if (!parsed.ok) {
    throw new Error(`${what}: ${JSON.stringify(parsed.errors)}`);
  }
  return parsed.profile;
}
