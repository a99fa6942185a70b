/**
 * FHIR `date` / `dateTime` / `instant` strings read by pure arithmetic on the string: no `Date`, no clock, no
 * time zone of the machine, so results are the same under every `TZ` (STYLE.md P8).
 * @module
 */

/** A FHIR date or dateTime, to the precision it was written. */
export interface FhirDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  /** Milliseconds into the day (local time as written), when a time was given. */
  readonly timeMs?: number;
  /** The offset as written, in minutes east of UTC (`Z` = 0), when a time was given. */
  readonly offsetMinutes?: number;
}

// FHIR R4 dateTime (https://hl7.org/fhir/R4/datatypes.html#dateTime), leniently: seconds and offset optional.
const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeap(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseOffset(tz: string | undefined): number | undefined {
  if (tz === undefined) {
    return undefined;
  }
  if (tz === 'Z') {
    return 0;
  }
  const sign = tz.startsWith('-') ? -1 : 1;
  const hours = Number(tz.slice(1, 3));
  const minutes = Number(tz.slice(4, 6));
  return hours > 14 || minutes > 59 ? Number.NaN : sign * (hours * 60 + minutes);
}

function parseTime(
  h: string,
  mi: string,
  s: string | undefined,
  frac: string | undefined,
): number | undefined {
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 60) {
    return undefined;
  }
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** Parses a FHIR date/dateTime/instant; `undefined` when it is not one (or names an impossible day). */
export function parseFhirDate(text: string): FhirDate | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const out: { year: number; month?: number; day?: number; timeMs?: number; offsetMinutes?: number } = {
    year,
  };
  if (mo !== undefined) {
    out.month = Number(mo);
    if (out.month < 1 || out.month > 12) {
      return undefined;
    }
  }
  if (d !== undefined && out.month !== undefined) {
    out.day = Number(d);
    if (out.day < 1 || out.day > daysInMonth(year, out.month)) {
      return undefined;
    }
  }
  if (h !== undefined && mi !== undefined) {
    const time = parseTime(h, mi, s, frac);
    const offset = parseOffset(tz);
    if (time === undefined || Number.isNaN(offset)) {
      return undefined;
    }
    out.timeMs = time;
    if (offset !== undefined) {
      out.offsetMinutes = offset;
    }
  }
  return out;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * A number that orders dates in time: milliseconds since 1970-01-01T00:00Z of the earliest moment the value can
 * mean (a date without time counts from its midnight UTC; a missing month or day from the first).
 */
export function sortKey(d: FhirDate): number {
  const days = daysFromCivil(d.year, d.month ?? 1, d.day ?? 1);
  return days * 86_400_000 + (d.timeMs ?? 0) - (d.offsetMinutes ?? 0) * 60_000;
}
