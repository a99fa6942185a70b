/**
 * Reading prefetch as CDS Hooks 2.0.1, §"Prefetch Template" defines it: a key that is absent was not (or could not
 * be) satisfied; a key that is `null` means the client has no data; a value may be or contain an OperationOutcome;
 * search results are searchset Bundles, possibly paginated.
 * @module
 */

/** What one prefetch key holds. */
export type PrefetchSlot =
  | { readonly state: 'absent' }
  | { readonly state: 'none' }
  | { readonly state: 'failed'; readonly reason: string }
  | {
      readonly state: 'data';
      readonly resources: readonly Record<string, unknown>[];
      readonly next?: string;
    };

const USER_TOKENS: Readonly<Record<string, string>> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function resolveToken(token: string, context: Readonly<Record<string, unknown>>): string | undefined {
  if (token.startsWith('context.')) {
    const v = context[token.slice('context.'.length)];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }
  const type = USER_TOKENS[token];
  const user = context.userId;
  if (type === undefined || typeof user !== 'string' || !user.startsWith(`${type}/`)) {
    return undefined;
  }
  return user.slice(type.length + 1);
}

/**
 * Fills a prefetch template's tokens (`{{context.patientId}}`, `{{userPractitionerId}}`, …) from the context;
 * only top-level primitive context members are tokens (2.0.1). Values are URL-encoded.
 * @returns the relative FHIR query, or `undefined` when a token cannot be resolved
 */
export function resolveTemplate(
  template: string,
  context: Readonly<Record<string, unknown>>,
): string | undefined {
  let unresolved = false;
  const out = template.replace(/\{\{\s*([A-Za-z.]+)\s*\}\}/g, (_, token: string) => {
    const v = resolveToken(token, context);
    if (v === undefined) {
      unresolved = true;
      return '';
    }
    return encodeURIComponent(v);
  });
  return unresolved ? undefined : out;
}

function outcomeError(r: Record<string, unknown>): string | undefined {
  const issues = Array.isArray(r.issue) ? r.issue : [];
  const bad = issues.find((i) => isRecord(i) && (i.severity === 'error' || i.severity === 'fatal'));
  if (bad === undefined) {
    return undefined;
  }
  return isRecord(bad) && typeof bad.code === 'string' ? `OperationOutcome: ${bad.code}` : 'OperationOutcome';
}

function nextLink(bundle: Record<string, unknown>): string | undefined {
  const links = Array.isArray(bundle.link) ? bundle.link : [];
  const next = links.find((l) => isRecord(l) && l.relation === 'next');
  return isRecord(next) && typeof next.url === 'string' ? next.url : undefined;
}

/** The resources of a searchset Bundle (OperationOutcome entries dropped; an error among them fails the key). */
function fromBundle(bundle: Record<string, unknown>): PrefetchSlot {
  const resources: Record<string, unknown>[] = [];
  for (const entry of Array.isArray(bundle.entry) ? bundle.entry : []) {
    const r = isRecord(entry) ? entry.resource : undefined;
    if (!isRecord(r)) {
      continue;
    }
    if (r.resourceType === 'OperationOutcome') {
      const error = outcomeError(r);
      if (error !== undefined) {
        return { state: 'failed', reason: error };
      }
      continue;
    }
    resources.push(r);
  }
  const next = nextLink(bundle);
  return next === undefined ? { state: 'data', resources } : { state: 'data', resources, next };
}

/**
 * Classifies one prefetch value (or one fetched result: the same rules apply).
 * @param value - the member's value; `undefined` when the key is absent
 */
export function readSlot(value: unknown): PrefetchSlot {
  if (value === undefined) {
    return { state: 'absent' };
  }
  if (value === null) {
    return { state: 'none' };
  }
  if (!isRecord(value) || typeof value.resourceType !== 'string') {
    return { state: 'failed', reason: 'not a FHIR resource' };
  }
  if (value.resourceType === 'OperationOutcome') {
    return { state: 'failed', reason: outcomeError(value) ?? 'OperationOutcome' };
  }
  if (value.resourceType === 'Bundle') {
    return fromBundle(value);
  }
  return { state: 'data', resources: [value] };
}

/** The resources of every key, as one FHIR `collection` Bundle that the shared `recommend` use case reads. */
export function collectionBundle(slots: Iterable<PrefetchSlot>): Record<string, unknown> {
  const seen = new Set<string>();
  const entry: { resource: Record<string, unknown> }[] = [];
  for (const slot of slots) {
    if (slot.state !== 'data') {
      continue;
    }
    for (const r of slot.resources) {
      const key = typeof r.id === 'string' ? `${String(r.resourceType)}/${r.id}` : undefined;
      if (key !== undefined && seen.has(key)) {
        continue;
      }
      if (key !== undefined) {
        seen.add(key);
      }
      entry.push({ resource: r });
    }
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}
