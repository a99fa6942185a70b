/**
 * Age at diagnosis in whole years, from `Patient.birthDate` to the date of the ALL Condition, by calendar
 * arithmetic on the date strings as written (never "today", never the machine's time zone).
 * @module
 */
import type { Located } from './bundle.js';
import type { AllCondition } from './condition.js';
import { type FhirDate, parseFhirDate } from './date.js';
import { str } from './json.js';
import type { Accumulator } from './result.js';

/** The result of an age computation: whole years, or why it could not be computed. */
export type AgeResult =
  | { readonly ok: true; readonly years: number }
  | { readonly ok: false; readonly reason: string };

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The earliest and the latest calendar day a (possibly partial) date can mean. */
function bounds(d: FhirDate): { readonly first: Day; readonly last: Day } {
  return {
    first: { year: d.year, month: d.month ?? 1, day: d.day ?? 1 },
    // Day 31 is only compared with other days, never used as a date, so it is safe for every month.
    last: { year: d.year, month: d.month ?? 12, day: d.day ?? 31 },
  };
}

/** Whole years from `birth` to `at`; a birthday not yet reached in the year of `at` does not count. */
function wholeYears(birth: Day, at: Day): number {
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * Whole years from a birth date to an event date (FHIR date or dateTime; only the calendar date as written is
 * used). Partial dates (`1986`, `1986-09`) give an age only when every day they can mean gives the same age.
 * A birthday on 29 February is reached on 1 March in years without one.
 *
 * @param birthDate - `Patient.birthDate`
 * @param at - the event date, e.g. `Condition.onsetDateTime`
 * @returns the age in whole years, or the reason it is unknown
 * @example
 * ageInYears('1986-09-02', '2025-02-03') // { ok: true, years: 38 }
 */
export function ageInYears(birthDate: string, at: string): AgeResult {
  const birth = parseFhirDate(birthDate);
  if (birth === undefined) {
    return { ok: false, reason: `birthDate "${birthDate}" is not a valid FHIR date` };
  }
  const event = parseFhirDate(at);
  if (event === undefined) {
    return { ok: false, reason: `the diagnosis date "${at}" is not a valid FHIR date` };
  }
  const b = bounds(birth);
  const e = bounds(event);
  const most = wholeYears(b.first, e.last);
  if (most < 0) {
    return { ok: false, reason: `the diagnosis date ${at} is before the birthDate ${birthDate}` };
  }
  // A diagnosis cannot precede birth: when the partial dates overlap, the least possible age is 0.
  const least = Math.max(wholeYears(b.last, e.first), 0);
  if (least !== most) {
    return {
      ok: false,
      reason: `birthDate ${birthDate} and diagnosis date ${at} are too imprecise: the age is between ${least} and ${most} years`,
    };
  }
  return { ok: true, years: least };
}

function ageFromOnsetAge(condition: AllCondition, acc: Accumulator): boolean {
  if (condition.onsetAgeYears === undefined || condition.onsetAgeYears > 120) {
    return false;
  }
  acc.set('age', condition.onsetAgeYears, [condition.at.ref]);
  return true;
}

/**
 * Maps `age`: whole years from `Patient.birthDate` to the diagnosis date of the primary (earliest) ALL Condition
 * (`onsetDateTime`, else `onsetPeriod.start`, else `recordedDate`); `onsetAge` in years when no birth date and
 * diagnosis date pair is usable.
 *
 * @param patient - the Patient, if any
 * @param primary - the primary ALL Condition, if any
 * @param acc - receives the age or a missing entry naming the resource
 */
export function mapAge(
  patient: Located | undefined,
  primary: AllCondition | undefined,
  acc: Accumulator,
): void {
  if (primary === undefined) {
    acc.miss('age', 'no ALL Condition, so no diagnosis date to compute the age at diagnosis from');
    return;
  }
  const birthDate = str(patient?.resource, 'birthDate');
  if (patient === undefined || birthDate === undefined || primary.date === undefined) {
    if (ageFromOnsetAge(primary, acc)) {
      return;
    }
    const why =
      patient === undefined
        ? ['no Patient resource, so no birthDate', undefined]
        : birthDate === undefined
          ? [`${patient.ref} has no birthDate`, patient.ref]
          : [`${primary.at.ref} has no onsetDateTime, onsetPeriod or recordedDate`, primary.at.ref];
    acc.miss('age', `${why[0]}; age at diagnosis is unknown`, why[1]);
    return;
  }
  const age = ageInYears(birthDate, primary.date);
  if (!age.ok || age.years > 120) {
    if (ageFromOnsetAge(primary, acc)) {
      return;
    }
    const reason = age.ok ? `the computed age ${age.years} is over 120 years` : age.reason;
    acc.miss(
      'age',
      `${reason} (${patient.ref}, ${primary.at.ref} ${primary.dateElement ?? 'date'})`,
      patient.ref,
    );
    return;
  }
  acc.set('age', age.years, [patient.ref, primary.at.ref]);
}
