/**
 * Logging: one JSON line per event on stderr. Request lines hold method, route pattern, status and latency; never
 * a body, a query string, a token or anything from the patient record.
 * @module
 */

/** A value in a log line: scalars only, so no object (a body, a resource) can be logged by accident. */
export type LogValue = string | number | boolean | undefined;
/** One log event. */
export type LogLine = Readonly<Record<string, LogValue>>;

/** Where log lines go (injected: tests capture them). */
export type Logger = (line: LogLine) => void;

/** Writes each line as JSON to stderr. */
export const stderrLogger: Logger = (line) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
};

/** Discards everything. */
export const silentLogger: Logger = () => {};
