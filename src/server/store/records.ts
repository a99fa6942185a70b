/**
 * What the store keeps. Deliberately no patient identifier, name, birth date or free text: a CDS call is recorded
 * by service, hookInstance (a random UUID per hook firing), KB version, option ids and timing; feedback by card uuid,
 * outcome, reason code. A clinician's free-text `userComment` may name the patient, so only its presence is kept.
 * @module
 */

/** One row per CDS Service call. */
export interface CallAudit {
  /** ISO 8601 time the call arrived. */
  readonly at: string;
  readonly service: string;
  readonly hookInstance?: string | undefined;
  readonly kbVersion: string;
  readonly status: number;
  /** `cards`, `not-applicable`, `unreadable`, or the issue code of a refused call. */
  readonly outcome: string;
  readonly optionIds: readonly string[];
  readonly latencyMs: number;
  /** Whether data was fetched from the client's FHIR server. */
  readonly fetched: boolean;
  /** The verified caller: the JWT `iss`, when JWT checking is on. */
  readonly iss?: string | undefined;
  readonly cards: readonly CardAudit[];
}

/** A card shown in a call: what it was about, so feedback can be tied back to an option. */
export interface CardAudit {
  readonly uuid: string;
  readonly kind: string;
  /** Option id, `alert:<code>`, `order:<agent>` or `data`. */
  readonly subject: string;
  readonly indicator: string;
}

/** One feedback outcome, as stored. */
export interface FeedbackRecord {
  readonly service: string;
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  /** Normalized to UTC ISO 8601, so the same instant written two ways is one outcome. */
  readonly outcomeTimestamp: string;
  readonly acceptedSuggestions: readonly string[];
  readonly reason?: { readonly system: string; readonly code: string; readonly display?: string | undefined };
  readonly hasComment: boolean;
  readonly receivedAt: string;
}

/** The result of storing a feedback batch. */
export interface FeedbackWrite {
  readonly stored: number;
  readonly duplicates: number;
}

/** A feedback batch refused as a whole: these card uuids were never issued by this service (nothing was stored). */
export interface FeedbackRefused {
  readonly unknownCards: readonly string[];
}

/** What `recordFeedback` answers. */
export type FeedbackResult = FeedbackWrite | FeedbackRefused;

/** A JWT id to remember: issuer, jti, when it may be forgotten (seconds), the current time (seconds). */
export interface JtiClaim {
  readonly iss: string;
  readonly jti: string;
  readonly expiresAt: number;
  readonly now: number;
}

/** How the store is doing, for `/api/health`. */
export interface StoreHealth {
  /** `ok`; `degraded` while writes fail (the last error is given); `unavailable` when the store cannot be reached. */
  readonly state: 'ok' | 'degraded' | 'unavailable';
  /** The last write error (with the database's error code), while it is the latest outcome. */
  readonly error?: string;
  /** When that error happened (ISO 8601). */
  readonly since?: string;
}

/** Distinct card uuids of a feedback batch, in order. */
export function cardsOf(records: readonly FeedbackRecord[]): string[] {
  return [...new Set(records.map((r) => r.card))];
}

/** The error as a log line can hold it: the database's code (SQLITE_CORRUPT, 57P01, ECONNREFUSED) and message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== ''
    ? `${code}: ${error.message}`
    : `${error.name}: ${error.message}`;
}
