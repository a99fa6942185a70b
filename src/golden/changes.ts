/**
 * How one patient's decision changed, in words: "gained option X (recommended)", "lost warning Y". Each change
 * also names what it is about (`subject`: a rule id, a warning code, a field) so reports can group patients by it.
 * @module
 */
import type { DecisionSnapshot } from './snapshot.js';

export type ChangeKind =
  | 'option-gained'
  | 'option-lost'
  | 'option-strength'
  | 'pending-gained'
  | 'pending-lost'
  | 'option-warning-gained'
  | 'option-warning-lost'
  | 'warning-gained'
  | 'warning-lost'
  | 'missing-gained'
  | 'missing-lost'
  | 'outside-evidence-added'
  | 'outside-evidence-removed'
  | 'extrapolation-added'
  | 'extrapolation-removed';

export interface Change {
  readonly kind: ChangeKind;
  /** What the change is about: a rule id (options, their warnings and extrapolations), a warning code, a field. */
  readonly subject: string;
  /** The change without its subject, for grouping: "gained (recommended)", "warning W gained". */
  readonly what: string;
  /** The whole change in words. */
  readonly text: string;
}

function strengths(list: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of list) {
    const at = entry.lastIndexOf(':');
    out.set(entry.slice(0, at), entry.slice(at + 1));
  }
  return out;
}

function added<T>(before: readonly T[], after: readonly T[]): T[] {
  return after.filter((x) => !before.includes(x));
}

function quoteOf(text: string): string {
  return `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”`;
}

function optionChanges(a: DecisionSnapshot, b: DecisionSnapshot): Change[] {
  const out: Change[] = [];
  const before = strengths(a.options);
  const after = strengths(b.options);
  for (const [id, s] of after) {
    const was = before.get(id);
    if (was === undefined) {
      out.push({
        kind: 'option-gained',
        subject: id,
        what: `gained (${s})`,
        text: `gained option ${id} (${s})`,
      });
    } else if (was !== s) {
      const what = `strength ${was} → ${s}`;
      out.push({
        kind: 'option-strength',
        subject: id,
        what,
        text: `option ${id} changed strength: ${was} → ${s}`,
      });
    }
  }
  for (const [id, s] of before) {
    if (!after.has(id)) {
      out.push({ kind: 'option-lost', subject: id, what: `lost (${s})`, text: `lost option ${id} (${s})` });
    }
  }
  const pa = strengths(a.pending);
  const pb = strengths(b.pending);
  for (const [id, s] of pb) {
    if (!pa.has(id)) {
      out.push({
        kind: 'pending-gained',
        subject: id,
        what: `now pending (${s})`,
        text: `now pending ${id} (${s})`,
      });
    }
  }
  for (const [id, s] of pa) {
    if (!pb.has(id)) {
      const what = `no longer pending (${s})`;
      out.push({ kind: 'pending-lost', subject: id, what, text: `no longer pending ${id} (${s})` });
    }
  }
  return out;
}

function perOption(
  a: Readonly<Record<string, readonly string[]>>,
  b: Readonly<Record<string, readonly string[]>>,
  make: (id: string, item: string, gained: boolean) => Change,
): Change[] {
  const out: Change[] = [];
  const ids = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  for (const id of ids) {
    const before = a[id] ?? [];
    const after = b[id] ?? [];
    out.push(...added(before, after).map((x) => make(id, x, true)));
    out.push(...added(after, before).map((x) => make(id, x, false)));
  }
  return out;
}

function warningText(code: string): string {
  return code.endsWith('?') ? `${code.slice(0, -1)} (may apply)` : code;
}

/** The changes from decision `a` (before) to decision `b` (after) of the same patient, in a fixed order. */
export function changesBetween(a: DecisionSnapshot, b: DecisionSnapshot): Change[] {
  const out = optionChanges(a, b);
  out.push(
    ...perOption(a.optionWarnings, b.optionWarnings, (id, code, gained) => {
      const w = warningText(code);
      const verb = gained ? 'gained' : 'lost';
      return {
        kind: gained ? 'option-warning-gained' : 'option-warning-lost',
        subject: id,
        what: `warning ${w} ${verb}`,
        text: `${verb} warning ${w} on ${id}`,
      };
    }),
  );
  for (const code of added(a.warnings, b.warnings)) {
    out.push({ kind: 'warning-gained', subject: code, what: 'gained', text: `gained warning ${code}` });
  }
  for (const code of added(b.warnings, a.warnings)) {
    out.push({ kind: 'warning-lost', subject: code, what: 'lost', text: `lost warning ${code}` });
  }
  for (const f of added(a.missing, b.missing)) {
    out.push({ kind: 'missing-gained', subject: f, what: 'now missing', text: `now missing ${f}` });
  }
  for (const f of added(b.missing, a.missing)) {
    out.push({ kind: 'missing-lost', subject: f, what: 'no longer missing', text: `no longer missing ${f}` });
  }
  const oa = a.outsideEvidence ?? [];
  const ob = b.outsideEvidence ?? [];
  for (const t of added(oa, ob)) {
    const q = quoteOf(t);
    out.push({
      kind: 'outside-evidence-added',
      subject: 'outside evidence',
      what: `added ${q}`,
      text: `outside evidence added: ${q}`,
    });
  }
  for (const t of added(ob, oa)) {
    const q = quoteOf(t);
    out.push({
      kind: 'outside-evidence-removed',
      subject: 'outside evidence',
      what: `removed ${q}`,
      text: `outside evidence removed: ${q}`,
    });
  }
  out.push(
    ...perOption(a.extrapolation ?? {}, b.extrapolation ?? {}, (id, t, gained) => {
      const q = quoteOf(t);
      const verb = gained ? 'added' : 'removed';
      return {
        kind: gained ? 'extrapolation-added' : 'extrapolation-removed',
        subject: id,
        what: `extrapolation ${verb} ${q}`,
        text: `extrapolation ${verb} on ${id}: ${q}`,
      };
    }),
  );
  return out;
}
