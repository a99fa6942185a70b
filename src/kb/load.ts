/**
 * Reads the `kb/` folder, validates every file against its schema and assembles the knowledge base. Reports all
 * problems (file + path), never only the first, and never throws for bad data.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { formatPath, type Issue } from '../issues/index.js';
import { contentHash } from './version.js';
import {
  Agent,
  type Boundary,
  type FactInfo,
  type Factor,
  FactorsFile,
  FactsFile,
  type Kb,
  type Rule,
  RulesFile,
  Source,
  type Statement,
  StatementsFile,
  Study,
  Trial,
} from './schema/index.js';

/** One data file: its path relative to the project root and its text. */
export interface KbFile {
  readonly path: string;
  readonly text: string;
  /** The `kb/` sub-folder the file is in (`studies`, `rules`, ...); `facts` for files at the top of `kb/`. */
  readonly folder: string;
}

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

const YAML_FILE = /\.ya?ml$/;

/** Lists the data files of a `kb/` folder (sorted, so the content hash is deterministic). */
export function readKbFiles(kbDir: string, projectRoot: string): KbFile[] {
  const files: KbFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'schema') {
          walk(full);
        }
      } else if (YAML_FILE.test(entry.name)) {
        const inside = relative(kbDir, full).split(/[\\/]/);
        const folder = inside.length > 1 ? (inside[0] ?? '') : 'facts';
        files.push({ path: relative(projectRoot, full), text: readFileSync(full, 'utf8'), folder });
      }
    }
  };
  walk(kbDir);
  return files;
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

/** Assembles and validates the knowledge base from its files. */
export function parseKb(files: readonly KbFile[]): LoadResult {
  const issues: Issue[] = [];
  const origins = new Map<string, Origin>();
  const parts = {
    sources: [] as Source[],
    studies: [] as Study[],
    agents: [] as Agent[],
    trials: [] as Trial[],
    statements: [] as Statement[],
    factors: [] as Factor[],
    recommendations: [] as Rule[],
    facts: [] as FactInfo[],
    boundaries: [] as Boundary[],
  };
  const remember = (kind: string, id: string, origin: Origin): void => {
    const key = `${kind}:${id}`;
    const earlier = origins.get(key);
    if (earlier !== undefined) {
      issues.push({
        code: 'kb.duplicate-id',
        severity: 'error',
        file: origin.file,
        path: origin.path === '' ? 'id' : `${origin.path}.id`,
        message: `${kind} id "${id}" is already defined in ${earlier.file}`,
      });
      return;
    }
    origins.set(key, origin);
  };

  for (const file of files) {
    let data: unknown;
    try {
      data = parseYaml(file.text, { prettyErrors: true });
    } catch (error) {
      const message = error instanceof YAMLParseError ? error.message : String(error);
      issues.push({ code: 'kb.yaml', severity: 'error', file: file.path, message });
      continue;
    }
    const folder = file.folder;
    const single = <T>(schema: z.ZodType<T>, kind: string, key: (v: T) => string, into: T[]): void => {
      const r = schema.safeParse(data);
      if (!r.success) {
        issues.push(...schemaIssues(file.path, r.error));
        return;
      }
      into.push(r.data);
      remember(kind, key(r.data), { file: file.path, path: '' });
    };
    switch (folder) {
      case 'sources':
        single(Source, 'sources', (s) => s.id, parts.sources);
        break;
      case 'studies':
        single(Study, 'studies', (s) => s.id, parts.studies);
        break;
      case 'agents':
        single(Agent, 'agents', (a) => a.id, parts.agents);
        break;
      case 'trials':
        single(Trial, 'trials', (t) => t.nct, parts.trials);
        break;
      case 'statements': {
        const r = StatementsFile.safeParse(data);
        if (!r.success) {
          issues.push(...schemaIssues(file.path, r.error));
          break;
        }
        r.data.statements.forEach((s, i) => {
          parts.statements.push(s);
          remember('statements', s.id, { file: file.path, path: `statements.${i}` });
        });
        break;
      }
      case 'factors': {
        const r = FactorsFile.safeParse(data);
        if (!r.success) {
          issues.push(...schemaIssues(file.path, r.error));
          break;
        }
        r.data.factors.forEach((f, i) => {
          parts.factors.push(f);
          remember('factors', f.id, { file: file.path, path: `factors.${i}` });
        });
        break;
      }
      case 'rules': {
        const r = RulesFile.safeParse(data);
        if (!r.success) {
          issues.push(...schemaIssues(file.path, r.error));
          break;
        }
        r.data.rules.forEach((rule, i) => {
          parts.recommendations.push(rule);
          remember('rules', rule.id, { file: file.path, path: `rules.${i}` });
        });
        break;
      }
      case 'facts': {
        const r = FactsFile.safeParse(data);
        if (!r.success) {
          issues.push(...schemaIssues(file.path, r.error));
          break;
        }
        r.data.facts.forEach((f, i) => {
          parts.facts.push(f);
          remember('facts', f.fact, { file: file.path, path: `facts.${i}` });
        });
        r.data.boundaries.forEach((b, i) => {
          parts.boundaries.push(b);
          remember('boundaries', b.id, { file: file.path, path: `boundaries.${i}` });
        });
        break;
      }
      default:
        issues.push({
          code: 'kb.read',
          severity: 'error',
          file: file.path,
          message: `unexpected file: data files belong in kb/{sources,studies,agents,trials,statements,factors,rules}/ or kb/facts.yaml`,
        });
    }
  }
  if (issues.some((i) => i.code === 'kb.yaml' || i.code === 'kb.schema')) {
    return { issues, origins };
  }
  const body = { ...parts };
  const kb: Kb = { version: `kb-${contentHash(body)}`, ...body };
  return { kb, issues, origins };
}
