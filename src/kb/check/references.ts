/**
 * Cross-reference checks: every id a fact points at exists, reference numbers are inside the source's list,
 * names are spelled as in the source, a trial's sponsor is named together with the trial in its quote, every NCT id
 * of the source has a trial record, and rule strengths rest on statements of the right kind (PRODUCT safety rule 2).
 * @module
 */
import type { Issue } from '../../issues/index.js';
import type { Origin } from '../load.js';
import type { Criterion, Kb, Rule, TrialSponsor } from '../schema/index.js';
import type { PreparedText } from './text.js';
import { normalizeText } from './text.js';

interface Ctx {
  readonly issues: Issue[];
  readonly origins: ReadonlyMap<string, Origin>;
}

function at(ctx: Ctx, key: string, path: string): { file: string; path: string } {
  const o = ctx.origins.get(key);
  const base = o === undefined || o.path === '' ? '' : `${o.path}.`;
  return { file: o?.file ?? key, path: `${base}${path}` };
}

function dangling(ctx: Ctx, key: string, path: string, message: string): void {
  ctx.issues.push({ code: 'kb.dangling-ref', severity: 'error', ...at(ctx, key, path), message });
}

function refsIn(node: unknown, path: string, out: { path: string; refs: number[] }[]): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      refsIn(v, `${path}${path === '' ? '' : '.'}${i}`, out);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const p = `${path}${path === '' ? '' : '.'}${k}`;
      if (k === 'refs' && Array.isArray(v)) {
        out.push({ path: p, refs: v.filter((r): r is number => typeof r === 'number') });
      } else {
        refsIn(v, p, out);
      }
    }
  }
}

function criterionValues(c: Criterion, out: string[]): void {
  if ('all' in c) {
    for (const x of c.all) {
      criterionValues(x, out);
    }
  } else if ('any' in c) {
    for (const x of c.any) {
      criterionValues(x, out);
    }
  } else if ('not' in c) {
    criterionValues(c.not, out);
  } else if (c.fact === 'priorTherapy' && c.value !== undefined) {
    for (const v of Array.isArray(c.value) ? c.value : [c.value]) {
      out.push(String(v));
    }
  }
}

function checkRule(kb: Kb, rule: Rule, ctx: Ctx, ids: Ids): void {
  const key = `rules:${rule.id}`;
  rule.agents.forEach((a, i) => {
    if (!ids.agents.has(a)) {
      dangling(ctx, key, `agents.${i}`, `unknown agent "${a}"`);
    }
  });
  rule.trials.forEach((t, i) => {
    if (!ids.trials.has(t)) {
      dangling(ctx, key, `trials.${i}`, `unknown trial "${t}"`);
    }
  });
  rule.statements.forEach((s, i) => {
    if (!ids.statements.has(s)) {
      dangling(ctx, key, `statements.${i}`, `unknown statement "${s}"`);
    }
  });
  rule.evidence.forEach((e, i) => {
    if (e.study !== undefined && !ids.studies.has(e.study)) {
      dangling(ctx, key, `evidence.${i}.study`, `unknown study "${e.study}"`);
    }
    if (e.statement !== undefined && !ids.statements.has(e.statement)) {
      dangling(ctx, key, `evidence.${i}.statement`, `unknown statement "${e.statement}"`);
    }
  });
  const studyById = new Map(kb.studies.map((s) => [s.id, s]));
  rule.keyNumbers.forEach((k, i) => {
    const study = studyById.get(k.study);
    if (study === undefined) {
      dangling(ctx, key, `keyNumbers.${i}.study`, `unknown study "${k.study}"`);
      return;
    }
    k.outcomes.forEach((o, j) => {
      if (!study.outcomes.some((x) => x.id === o)) {
        dangling(ctx, key, `keyNumbers.${i}.outcomes.${j}`, `study "${k.study}" has no outcome "${o}"`);
      }
    });
  });
  rule.comparisons.forEach((c, i) => {
    const study = studyById.get(c.study);
    if (study === undefined) {
      dangling(ctx, key, `comparisons.${i}.study`, `unknown study "${c.study}"`);
      return;
    }
    if (study.design !== 'randomized') {
      ctx.issues.push({
        code: 'kb.schema',
        severity: 'error',
        ...at(ctx, key, `comparisons.${i}.study`),
        message: `derived differences are only shown for randomized studies; "${c.study}" is ${study.design}`,
      });
    }
    for (const side of ['experimental', 'control'] as const) {
      const outcome = study.outcomes.find((x) => x.id === c[side]);
      if (outcome === undefined) {
        dangling(ctx, key, `comparisons.${i}.${side}`, `study "${c.study}" has no outcome "${c[side]}"`);
      } else if (outcome.unit !== '%') {
        ctx.issues.push({
          code: 'kb.schema',
          severity: 'error',
          ...at(ctx, key, `comparisons.${i}.${side}`),
          message: `a derived difference needs a rate in %; outcome "${c[side]}" is in ${outcome.unit}`,
        });
      }
    }
  });
  const prior: string[] = [];
  criterionValues(rule.when, prior);
  for (const p of prior) {
    if (!ids.agents.has(p)) {
      dangling(ctx, key, 'when', `priorTherapy value "${p}" is not an agent id`);
    }
  }
  if (rule.strength === 'recommended') {
    const backed = rule.statements.some((s) => {
      const kind = ids.statementKinds.get(s);
      return kind === 'recommendation' || kind === 'endorsement';
    });
    if (!backed) {
      ctx.issues.push({
        code: 'kb.strength',
        severity: 'error',
        ...at(ctx, key, 'strength'),
        message:
          '"recommended" needs at least one statement of kind recommendation or endorsement (the authors\' own words)',
      });
    }
  }
}

interface Ids {
  readonly agents: ReadonlySet<string>;
  readonly studies: ReadonlySet<string>;
  readonly trials: ReadonlySet<string>;
  readonly statements: ReadonlySet<string>;
  readonly statementKinds: ReadonlyMap<string, string>;
  readonly sources: ReadonlySet<string>;
}

/** The shared state of one cross-reference pass. */
class Checker {
  readonly ctx: Ctx;
  readonly ids: Ids;
  private readonly primary: string;

  constructor(
    private readonly kb: Kb,
    origins: ReadonlyMap<string, Origin>,
    private readonly texts: ReadonlyMap<string, PreparedText>,
  ) {
    this.ctx = { issues: [], origins };
    this.ids = {
      agents: new Set(kb.agents.map((a) => a.id)),
      studies: new Set(kb.studies.map((s) => s.id)),
      trials: new Set(kb.trials.map((t) => t.nct)),
      statements: new Set(kb.statements.map((s) => s.id)),
      statementKinds: new Map(kb.statements.map((s) => [s.id, s.kind])),
      sources: new Set(kb.sources.map((s) => s.id)),
    };
    this.primary = (kb.sources.find((s) => s.primary === true) ?? kb.sources[0])?.id ?? '';
  }

  agents(key: string, path: string, agents: readonly string[]): void {
    agents.forEach((a, i) => {
      if (!this.ids.agents.has(a)) {
        dangling(this.ctx, key, `${path}.${i}`, `unknown agent "${a}"`);
      }
    });
  }

  studies(key: string, path: string, studies: readonly string[]): void {
    studies.forEach((s, i) => {
      if (!this.ids.studies.has(s)) {
        dangling(this.ctx, key, `${path}.${i}`, `unknown study "${s}"`);
      }
    });
  }

  source(key: string, source: string | undefined): void {
    if (source !== undefined && !this.ids.sources.has(source)) {
      dangling(this.ctx, key, 'source', `unknown source "${source}"`);
    }
  }

  /** The name must be spelled as in the source (reference list included). */
  spelled(key: string, path: string, name: string, source: string | undefined): void {
    const text = this.texts.get(source ?? this.primary);
    if (text !== undefined && !text.normalized.includes(normalizeText(name))) {
      this.ctx.issues.push({
        code: 'kb.quote-not-found',
        severity: 'error',
        ...at(this.ctx, key, path),
        message: `"${name}" is not spelled this way anywhere in the source`,
      });
    }
  }

  study(s: Kb['studies'][number]): void {
    const key = `studies:${s.id}`;
    this.source(key, s.source);
    this.agents(key, 'agents', s.agents);
    s.arms.forEach((arm, i) => {
      this.agents(key, `arms.${i}.agents`, arm.agents);
    });
    s.trials.forEach((t, i) => {
      if (!this.ids.trials.has(t)) {
        dangling(this.ctx, key, `trials.${i}`, `no trial record for "${t}"`);
      }
    });
    if (s.named) {
      this.spelled(key, 'name', s.name, s.source);
    }
    s.aliases.forEach((a, i) => {
      this.spelled(key, `aliases.${i}`, a, s.source);
    });
    this.outcomes(key, s);
  }

  private outcomes(key: string, s: Kb['studies'][number]): void {
    const armIds = new Set(s.arms.map((a) => a.id));
    const seen = new Set<string>();
    const studyRefs = new Set(s.refs);
    s.outcomes.forEach((o, i) => {
      if (seen.has(o.id)) {
        this.ctx.issues.push({
          code: 'kb.duplicate-id',
          severity: 'error',
          ...at(this.ctx, key, `outcomes.${i}.id`),
          message: `outcome id "${o.id}" is used twice in this study`,
        });
      }
      seen.add(o.id);
      for (const side of ['arm', 'versus'] as const) {
        const arm = o[side];
        if (arm !== undefined && !armIds.has(arm)) {
          dangling(this.ctx, key, `outcomes.${i}.${side}`, `study has no arm "${arm}"`);
        }
      }
      o.refs.forEach((r, j) => {
        if (!studyRefs.has(r)) {
          dangling(this.ctx, key, `outcomes.${i}.refs.${j}`, `reference ${r} is not among the study's refs`);
        }
      });
    });
  }

  agent(a: Kb['agents'][number]): void {
    const key = `agents:${a.id}`;
    this.source(key, a.source);
    this.spelled(key, 'name', a.name, a.source);
    if (a.brand !== undefined) {
      this.spelled(key, 'brand', a.brand, a.source);
    }
    if (a.maker !== undefined) {
      this.spelled(key, 'maker', a.maker, a.source);
    }
    a.aliases.forEach((x, i) => {
      this.spelled(key, `aliases.${i}`, x, a.source);
    });
    a.approvals.forEach((ap, i) => {
      this.studies(key, `approvals.${i}.basis`, ap.basis);
    });
  }

  trial(t: Kb['trials'][number]): void {
    const key = `trials:${t.nct}`;
    this.source(key, t.source);
    this.agents(key, 'agents', t.agents);
    this.spelled(key, 'nct', t.nct, t.source);
    if (t.study !== undefined && !this.ids.studies.has(t.study)) {
      dangling(this.ctx, key, 'study', `unknown study "${t.study}"`);
    }
    if (t.sponsor !== undefined) {
      this.sponsor(key, t, t.sponsor);
    }
  }

  /** A sponsor is named in its own quote, and that quote names this trial (its NCT id or name): no guessed sponsor. */
  private sponsor(key: string, t: Kb['trials'][number], sponsor: TrialSponsor): void {
    const quote = normalizeText(sponsor.quote);
    if (!quote.includes(normalizeText(sponsor.name))) {
      this.ctx.issues.push({
        code: 'kb.quote-not-found',
        severity: 'error',
        ...at(this.ctx, key, 'sponsor.name'),
        message: `sponsor "${sponsor.name}" is not named in the sponsor's quote: quote the clause that names it`,
      });
    }
    const trialNames = [t.nct, ...(t.name === undefined ? [] : [t.name])];
    if (!trialNames.some((n) => quote.includes(normalizeText(n)))) {
      this.ctx.issues.push({
        code: 'kb.quote-not-found',
        severity: 'error',
        ...at(this.ctx, key, 'sponsor.quote'),
        message: `the sponsor's quote does not name this trial (${trialNames.join(' or ')}): quote the clause that names the group and the trial together`,
      });
    }
  }

  /** Every NCT id the primary source names has a trial record. */
  nctCoverage(): void {
    const text = this.texts.get(this.primary);
    for (const nct of new Set(text?.normalized.match(/NCT\d{8}/g) ?? [])) {
      if (!this.ids.trials.has(nct)) {
        this.ctx.issues.push({
          code: 'kb.dangling-ref',
          severity: 'error',
          file: 'kb/trials',
          message: `the source names ${nct} but kb/trials has no record of it`,
        });
      }
    }
  }

  /** Reference numbers lie inside the source's reference list. */
  refRange(kind: string, id: string, item: object, source: string | undefined): void {
    const max =
      this.kb.sources.find((s) => s.id === (source ?? this.primary))?.referenceCount ??
      Number.POSITIVE_INFINITY;
    const found: { path: string; refs: number[] }[] = [];
    refsIn(item, '', found);
    for (const f of found) {
      f.refs.forEach((r, i) => {
        if (r > max) {
          this.ctx.issues.push({
            code: 'kb.ref-range',
            severity: 'error',
            ...at(this.ctx, `${kind}:${id}`, `${f.path}.${i}`),
            message: `reference ${r} is outside the source's reference list (1-${max})`,
          });
        }
      });
    }
  }
}

/** Runs every cross-reference check. `texts` are the prepared source texts, keyed by source id. */
export function checkReferences(
  kb: Kb,
  origins: ReadonlyMap<string, Origin>,
  texts: ReadonlyMap<string, PreparedText>,
): Issue[] {
  const c = new Checker(kb, origins, texts);
  for (const s of kb.studies) {
    c.study(s);
    c.refRange('studies', s.id, s, s.source);
  }
  for (const a of kb.agents) {
    c.agent(a);
    c.refRange('agents', a.id, a, a.source);
  }
  for (const t of kb.trials) {
    c.trial(t);
    c.refRange('trials', t.nct, t, t.source);
  }
  for (const s of kb.statements) {
    const key = `statements:${s.id}`;
    c.source(key, s.source);
    c.agents(key, 'agents', s.agents);
    c.studies(key, 'studies', s.studies);
    c.refRange('statements', s.id, s, s.source);
  }
  for (const f of kb.factors) {
    const key = `factors:${f.id}`;
    c.source(key, f.source);
    c.agents(key, 'agents', f.agents);
    c.studies(key, 'studies', f.studies);
    c.refRange('factors', f.id, f, f.source);
  }
  for (const r of kb.recommendations) {
    checkRule(kb, r, c.ctx, c.ids);
    c.refRange('rules', r.id, r, undefined);
  }
  for (const a of kb.alerts) {
    c.agents(`alerts:${a.code}`, 'agents', a.agents);
    c.refRange('alerts', a.code, a, undefined);
  }
  for (const b of kb.boundaries) {
    b.statements.forEach((s, i) => {
      if (!c.ids.statements.has(s)) {
        dangling(c.ctx, `boundaries:${b.id}`, `statements.${i}`, `unknown statement "${s}"`);
      }
    });
  }
  c.nctCoverage();
  return c.ctx.issues;
}
