/**
 * Links from a card back into the Frontline web app: the patient view for this profile (PRODUCT.md "Web app": the
 * profile's field names as query parameters, arrays comma-separated, `mrd` = the fraction) and study pages.
 * @module
 */
import { PROFILE_FIELDS, type Profile } from '../profile/values.js';

function queryValue(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value.map(String).join(',');
  }
  if (value !== null && typeof value === 'object' && 'value' in value) {
    return String(value.value); // mrd: the fraction only
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

/**
 * The profile as a query string, fields in contract order: `lineage=B&age=45&ph=negative&mrd=0.001`.
 * @param profile - a normalized profile
 */
export function profileQuery(profile: Profile): string {
  const params = new URLSearchParams();
  const record = profile as unknown as Readonly<Record<string, unknown>>;
  const order = ['lineage', ...PROFILE_FIELDS.filter((f) => f !== 'lineage')];
  for (const field of order) {
    const v = queryValue(record[field]);
    if (v !== undefined) {
      params.set(field, v);
    }
  }
  return params.toString().replaceAll('%2C', ',');
}

function trimBase(base: string): string {
  return base.endsWith('/') ? base.slice(0, -1) : base;
}

/** Absolute URL of the web app's patient view showing this profile's options. */
export function patientViewUrl(base: string, profile: Profile): string {
  return `${trimBase(base)}/patient?${profileQuery(profile)}`;
}

/** Absolute URL of a study page. */
export function studyUrl(base: string, studyId: string): string {
  return `${trimBase(base)}/evidence/studies/${encodeURIComponent(studyId)}`;
}

/** Absolute URL of the about page (sources, KB version, notice). */
export function aboutUrl(base: string): string {
  return `${trimBase(base)}/about`;
}

/** ClinicalTrials.gov record of an NCT id. */
export function trialUrl(nct: string): string {
  return `https://clinicaltrials.gov/study/${encodeURIComponent(nct)}`;
}
