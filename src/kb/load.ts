/**
 * Reads the `kb/` folder, validates every file against its schema and assembles the knowledge base. Reports all
 * problems (file + path), never only the first, and never throws for bad data.
 * @module
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { formatPath, type Issue } from '../issues/index.js';
import type { KbFile } from './files.js';
import {
  Agent,
  type AgeWordDefinition,
  type Alert,
  type Boundary,
  type CodeMapping,
  type FactInfo,
  type Factor,
  FactorsFile,
  FactsFile,
  type Kb,
  type Question,
  ReferencesFile,
  type RequiredClassRisks,
  type Rule,
  RulesFile,
  Source,
  type SourceReference,
  type Statement,
  StatementsFile,
  Study,
  TerminologyFile,
  Trial,
} from './schema/index.js';
import { contentHash } from './version.js';

export { type KbFile, readKbFiles } from './files.js';

/** Where an entity was defined: the file and the path of the entity inside it. */
export interface Origin {
  readonly file: string;
  readonly path: string;
}

export interface LoadResult {
  /** The knowledge base; present when every file parsed (cross-checks may still report issues). */
  readonly kb?: Kb;
  readonly issues: readonly Issue[];
  /** Origin of every entity, keyed by `kind:id` (e.g. `studies:e1910`, `rules:blinatumomab.mrd-positive`). */
  readonly origins: ReadonlyMap<string, Origin>;
}

function schemaIssues(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): Issue[] {
  return error.issues.map((i) => ({
    code: 'kb.schema' as const,
    severity: 'error' as const,
    file,
    path: formatPath([...prefix, ...i.path]),
    message: i.message,
  }));
}

type Parts = {
  sources: Source[];
  studies: Study[];
  agents: Agent[];
  trials: Trial[];
  statements: Statement[];
  factors: Factor[];
  recommendations: Rule[];
  alerts: Alert[];
  questions: Question[];
  facts: FactInfo[];
  boundaries: Boundary[];
  ageWords: AgeWordDefinition[];
  requiredClassRisks: RequiredClassRisks[];
  terminology: CodeMapping[];
  references: SourceReference[];
};

/** Collects validated entities with their origins, reporting duplicate ids and schema problems. */
class Assembler {
  readonly issues: Issue[] = [];
  readonly origins = new Map<string, Origin>();
  readonly parts: Parts = {
    sources: [],
    studies: [],
    agents: [],
    trials: [],
    statements: [],
    factors: [],
    recommendations: [],
    alerts: [],
    questions: [],
    facts: [],
    boundaries: [],
    ageWords: [],
    requiredClassRisks: [],
    terminology: [],
    references: [],
  };

  private remember(kind: string, id: string, origin: Origin): void {
    const key = `${kind}:${id}`;
    const earlier = this.origins.get(key);
    if (earlier !== undefined) {
      this.issues.push({
        code: 'kb.duplicate-id',
        severity: 'error',
        file: origin.file,
        path: origin.path === '' ? 'id' : `${origin.path}.id`,
        message: `${kind} id "${id}" is already defined in ${earlier.file}`,
      });
      return;
    }
    this.origins.set(key, origin);
  }

  /** Validates `data` against `schema`; reports the problems and returns undefined when it does not match. */
  validate<T>(file: string, data: unknown, schema: z.ZodType<T>): T | undefined {
    const r = schema.safeParse(data);
    if (!r.success) {
      this.issues.push(...schemaIssues(file, r.error));
      return undefined;
    }
    return r.data;
  }

  /** Adds entities found at `listKey` of a file (or the file itself when `listKey` is empty). */
  add<T>(
    file: string,
    kind: string,
    listKey: string,
    items: readonly T[] | undefined,
    id: (v: T) => string,
    into: T[],
  ): void {
    (items ?? []).forEach((item, i) => {
      into.push(item);
      this.remember(kind, id(item), { file, path: listKey === '' ? '' : `${listKey}.${i}` });
    });
  }

  file(file: KbFile, data: unknown): void {
    const p = this.parts;
    const path = file.path;
    const one = <T>(schema: z.ZodType<T>): T[] | undefined => {
      const v = this.validate(path, data, schema);
      return v === undefined ? undefined : [v];
    };
    switch (file.folder) {
      case 'sources':
        this.add(path, 'sources', '', one(Source), (s) => s.id, p.sources);
        break;
      case 'studies':
        this.add(path, 'studies', '', one(Study), (s) => s.id, p.studies);
        break;
      case 'agents':
        this.add(path, 'agents', '', one(Agent), (a) => a.id, p.agents);
        break;
      case 'trials':
        this.add(path, 'trials', '', one(Trial), (t) => t.nct, p.trials);
        break;
      case 'statements':
        this.add(
          path,
          'statements',
          'statements',
          this.validate(path, data, StatementsFile)?.statements,
          (s) => s.id,
          p.statements,
        );
        break;
      case 'factors':
        this.add(
          path,
          'factors',
          'factors',
          this.validate(path, data, FactorsFile)?.factors,
          (f) => f.id,
          p.factors,
        );
        break;
      case 'rules': {
        const r = this.validate(path, data, RulesFile);
        this.add(path, 'rules', 'rules', r?.rules, (x) => x.id, p.recommendations);
        this.add(path, 'alerts', 'alerts', r?.alerts, (a) => a.code, p.alerts);
        this.add(path, 'questions', 'questions', r?.questions, (q) => q.id, p.questions);
        break;
      }
      case 'facts': {
        const r = this.validate(path, data, FactsFile);
        this.add(path, 'facts', 'facts', r?.facts, (f) => f.fact, p.facts);
        this.add(path, 'boundaries', 'boundaries', r?.boundaries, (b) => b.id, p.boundaries);
        this.add(path, 'ageWords', 'ageWords', r?.ageWords, (w) => w.word, p.ageWords);
        this.add(
          path,
          'requiredClassRisks',
          'requiredClassRisks',
          r?.requiredClassRisks,
          (c) => c.agentClass,
          p.requiredClassRisks,
        );
        break;
      }
      case 'terminology':
        this.add(
          path,
          'terminology',
          'mappings',
          this.validate(path, data, TerminologyFile)?.mappings,
          (m) => `${m.system}|${m.code}|${m.fact}`,
          p.terminology,
        );
        break;
      case 'references': {
        const r = this.validate(path, data, ReferencesFile);
        const list = r?.references.map((x) => ({ ...x, source: r.source }));
        this.add(path, 'references', 'references', list, (x) => `${x.source}:${x.n}`, p.references);
        break;
      }
      default:
        this.issues.push({
          code: 'kb.read',
          severity: 'error',
          file: path,
          message:
            'unexpected file: data files belong in kb/{sources,studies,agents,trials,statements,factors,rules,terminology,references}/ or kb/facts.yaml',
        });
    }
  }
}

/** Assembles and validates the knowledge base from its files. */
export function parseKb(files: readonly KbFile[]): LoadResult {
  const a = new Assembler();
  for (const file of files) {
    let data: unknown;
    try {
      data = parseYaml(file.text, { prettyErrors: true });
    } catch (error) {
      const message = error instanceof YAMLParseError ? error.message : String(error);
      a.issues.push({ code: 'kb.yaml', severity: 'error', file: file.path, message });
      continue;
    }
    a.file(file, data);
  }
  const { issues, origins, parts } = a;
  if (issues.some((i) => i.code === 'kb.yaml' || i.code === 'kb.schema')) {
    return { issues, origins };
  }
  const body = { ...parts };
  const kb: Kb = { version: `kb-${contentHash(body)}`, ...body };
  return { kb, issues, origins };
}
