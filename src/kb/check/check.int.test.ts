// kb check against the real review: it passes on the installed knowledge base, and it fails - naming the file
// and the field - when a quote or a number is altered, a reference dangles or a required field is missing.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { hasErrors, type Issue } from '../../issues/index.js';
import { type KbFile, readInstalledKbFiles } from '../index.js';
import { checkKbFiles } from './index.js';

const files = readInstalledKbFiles();

/** The installed files with one file's YAML changed by `edit`. */
function mutate(
  match: (f: KbFile) => boolean,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
): { files: KbFile[]; file: KbFile } {
  const file = files.find(match);
  if (file === undefined) {
    throw new Error('no file matches');
  }
  const doc = parseDocument(file.text);
  edit(doc);
  const changed = { ...file, text: doc.toString() };
  return { files: files.map((f) => (f === file ? changed : f)), file };
}

const firstStudyWithOutcomes = (f: KbFile): boolean =>
  f.folder === 'studies' && /\noutcomes:\n\s+- /.test(f.text);

function errors(result: { issues: readonly Issue[] }): Issue[] {
  return result.issues.filter((i) => i.severity === 'error');
}

describe('kb check on the installed knowledge base', () => {
  it('passes against the real review, with every quote and number proven', () => {
    const result = checkKbFiles(files);
    expect(errors(result)).toEqual([]);
    expect(result.kb?.studies.length).toBeGreaterThan(0);
    expect(result.counts.quotes).toBeGreaterThan(0);
    expect(result.counts.numbers).toBeGreaterThan(0);
  });
});

describe('kb check finds what is wrong and says where', () => {
  it('fails when a quote is altered by one word', () => {
    const { files: changed, file } = mutate(firstStudyWithOutcomes, (doc) => {
      const quote = String(doc.getIn(['outcomes', 0, 'quote']));
      doc.setIn(['outcomes', 0, 'quote'], quote.replace(/\b(the|was|were|and|of|in)\b/, 'NOT'));
    });
    const found = errors(checkKbFiles(changed));
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'kb.quote-not-found', file: file.path, path: 'outcomes.0.quote' }),
    );
  });

  it('fails when a number is altered', () => {
    const { files: changed, file } = mutate(firstStudyWithOutcomes, (doc) => {
      const value = Number(doc.getIn(['outcomes', 0, 'value']));
      doc.setIn(['outcomes', 0, 'value'], value + 0.7);
    });
    const found = errors(checkKbFiles(changed));
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'kb.number-not-in-quote', file: file.path, path: 'outcomes.0.value' }),
    );
  });

  // A sponsor is only what the source says leads the trial: its name is in its quote, and that quote names the trial.
  it.each([
    [
      'a sponsor the quote does not name',
      {
        name: 'GIMEMA',
        refs: [],
        quote:
          'The ECOG-ACRIN Cancer Research Group is leading a US intergroup randomized phase 3 study (EA9181, NCT04530565)',
      },
      'sponsor.name',
      'sponsor "GIMEMA" is not named in the sponsor\'s quote: quote the clause that names it',
    ],
    [
      'a sponsor quoted from a sentence about another trial',
      {
        name: 'GIMEMA',
        refs: [79],
        quote: 'the ongoing GIMEMA LAL2820 trial (NCT04722848) is doing the same',
      },
      'sponsor.quote',
      "the sponsor's quote does not name this trial (NCT04530565 or EA9181): quote the clause that names the group and the trial together",
    ],
  ])('fails on %s', (_name, sponsor, path, message) => {
    const { files: changed, file } = mutate(
      (f) => f.path.endsWith('trials/NCT04530565.yaml'),
      (doc) => {
        doc.set('sponsor', sponsor);
      },
    );
    expect(errors(checkKbFiles(changed))).toEqual([
      expect.objectContaining({ code: 'kb.quote-not-found', file: file.path, path, message }),
    ]);
  });

  it('fails when a study points at an agent that does not exist', () => {
    const { files: changed, file } = mutate(
      (f) => f.folder === 'studies',
      (doc) => {
        doc.setIn(['agents', 0], 'no-such-agent');
      },
    );
    const found = errors(checkKbFiles(changed));
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'kb.dangling-ref',
        file: file.path,
        path: 'agents.0',
        message: expect.stringContaining('no-such-agent'),
      }),
    );
  });

  it('fails when a required field is missing, naming the field', () => {
    const { files: changed, file } = mutate(
      (f) => f.folder === 'studies',
      (doc) => {
        doc.delete('phase');
      },
    );
    const result = checkKbFiles(changed);
    expect(hasErrors(result.issues)).toBe(true);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'kb.schema', file: file.path, path: 'phase' }),
    );
  });

  it('reports every problem, not only the first', () => {
    const a = files.filter((f) => f.folder === 'studies').slice(0, 2);
    const broken = files.map((f) =>
      a.includes(f) ? { ...f, text: f.text.replace(/^phase:.*$/m, 'phase: 9') } : f,
    );
    const result = checkKbFiles(broken);
    const paths = result.issues.filter((i) => i.path === 'phase').map((i) => i.file);
    expect(new Set(paths).size).toBe(a.length);
  });

  it("fails when a reference number is outside the review's list", () => {
    const { files: changed, file } = mutate(
      (f) => f.folder === 'studies',
      (doc) => {
        doc.setIn(['refs', 0], 105);
      },
    );
    expect(errors(checkKbFiles(changed))).toContainEqual(
      expect.objectContaining({ code: 'kb.ref-range', file: file.path, path: 'refs.0' }),
    );
  });

  it('fails when our own words in a rule carry a number no quote states', () => {
    const { files: changed, file } = mutate(
      (f) => f.folder === 'rules' && /\nrules:\n/.test(f.text),
      (doc) => {
        doc.setIn(['rules', 0, 'rationale'], 'Improves 5-year OS by 83.7 percentage points.');
      },
    );
    const found = errors(checkKbFiles(changed));
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'kb.number-not-in-quote',
        file: file.path,
        path: 'rules.0.rationale',
        message: expect.stringContaining('83.7'),
      }),
    );
  });

  it('fails when the source text is not the review', () => {
    const result = checkKbFiles(files, { sourcePath: 'package.json' });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'kb.source-hash', severity: 'warning' }),
    );
    expect(errors(result).some((i) => i.code === 'kb.quote-not-found')).toBe(true);
  });
});

/** The index of a rule in its file's `rules` list. */
function ruleIndex(doc: ReturnType<typeof parseDocument>, id: string): number {
  const rules = doc.toJS() as { rules?: { id: string }[] };
  return (rules.rules ?? []).findIndex((r) => r.id === id);
}

describe('kb check proves every rule inside its evidence', () => {
  it('proves every rule of the installed knowledge base, and counts the extrapolations it licenses', () => {
    const result = checkKbFiles(files);
    expect(result.proofs.length).toBe(result.kb?.recommendations.length);
    expect(result.proofs.filter((p) => !p.ok)).toEqual([]);
    expect(result.proofs.reduce((n, p) => n + p.extrapolations, 0)).toBeGreaterThan(0);
  });

  it('fails on a rule broadened past its studies, naming the rule and the uncovered ages', () => {
    // The under-55 recommendation without its lower age bound would reach children; its studies enrolled adults.
    const { files: changed, file } = mutate(
      (f) => f.path.endsWith('rules/blinatumomab.yaml'),
      (doc) => {
        const i = ruleIndex(doc, 'blinatumomab.frontline-under-55');
        const all = doc.getIn(['rules', i, 'when', 'all']) as {
          items: { toJSON(): { fact?: string; op?: string } }[];
        };
        const at = all.items.findIndex((c) => c.toJSON().fact === 'age' && c.toJSON().op === 'ge');
        doc.deleteIn(['rules', i, 'when', 'all', at]);
      },
    );
    const found = errors(checkKbFiles(changed)).filter((x) => x.code === 'kb.rule-scope');
    expect(found).toContainEqual(
      expect.objectContaining({
        file: file.path,
        message: expect.stringMatching(/rule "blinatumomab\.frontline-under-55" fires for age 0-17\b/),
      }),
    );
  });

  it('fails on a rule whose strength its statements do not hold for all it fires for', () => {
    // "trial" for the chemotherapy-free Ph-positive option: no trial listing or ongoing study covers it.
    const { files: changed } = mutate(
      (f) => f.path.endsWith('rules/ph-positive.yaml'),
      (doc) => {
        doc.setIn(['rules', ruleIndex(doc, 'tki-blinatumomab.chemotherapy-free'), 'strength'], 'recommended');
      },
    );
    expect(errors(checkKbFiles(changed))).toContainEqual(
      expect.objectContaining({
        code: 'kb.rule-strength',
        message: expect.stringContaining('"tki-blinatumomab.chemotherapy-free" is "recommended"'),
      }),
    );
  });

  it('fails when blinatumomab loses its CRS class risk: no option can show it without that warning', () => {
    const { files: changed, file } = mutate(
      (f) => f.path.endsWith('agents/blinatumomab.yaml'),
      (doc) => {
        const risks = doc.get('classRisks') as { items: { toJSON(): { kind: string } }[] };
        doc.deleteIn(['classRisks', risks.items.findIndex((r) => r.toJSON().kind === 'crs')]);
      },
    );
    expect(errors(checkKbFiles(changed))).toContainEqual(
      expect.objectContaining({
        code: 'kb.class-risk',
        file: file.path,
        message: expect.stringContaining('no class risk of kind "crs"'),
      }),
    );
  });

  it('fails when two different conditions of one rule share a label (the trace would show two identical lines)', () => {
    const { files: changed, file } = mutate(
      (f) => f.path.endsWith('rules/blinatumomab.yaml'),
      (doc) => {
        const i = ruleIndex(doc, 'blinatumomab.frontline-under-55');
        const all = doc.getIn(['rules', i, 'when', 'all']) as { items: { toJSON(): { fact?: string } }[] };
        const ages = all.items.flatMap((c, at) => (c.toJSON().fact === 'age' ? [at] : []));
        expect(ages.length).toBe(2);
        for (const at of ages) {
          doc.setIn(['rules', i, 'when', 'all', at, 'label'], 'an adult');
        }
      },
    );
    expect(errors(checkKbFiles(changed))).toContainEqual(
      expect.objectContaining({
        code: 'kb.label',
        file: file.path,
        message: 'two different conditions are both labelled "an adult": say what each one tests',
      }),
    );
    expect(errors(checkKbFiles(files)).filter((x) => x.code === 'kb.label')).toEqual([]);
  });

  it('fails on a rule that fires outside its question: a Ph-negative pediatric trial shown to a Ph-positive child', () => {
    const { files: changed, file } = mutate(
      (f) => f.path.endsWith('rules/inotuzumab.yaml'),
      (doc) => {
        const i = ruleIndex(doc, 'inotuzumab.all-together1');
        const all = doc.getIn(['rules', i, 'when', 'all']) as { items: { toJSON(): { fact?: string } }[] };
        doc.deleteIn(['rules', i, 'when', 'all', all.items.findIndex((c) => c.toJSON().fact === 'ph')]);
      },
    );
    expect(errors(checkKbFiles(changed))).toContainEqual(
      expect.objectContaining({
        code: 'kb.rule-scope',
        file: file.path,
        message: expect.stringMatching(
          /^rule "inotuzumab\.all-together1" fires outside its question "inotuzumab-ph-negative" .*ph positive/,
        ),
      }),
    );
  });

  it('fails when an age word is given a bound of its own', () => {
    const { files: changed } = mutate(
      (f) => f.folder === 'studies' && /words: adults/.test(f.text),
      (doc) => {
        const criteria = doc.getIn(['population', 'scope', 'criteria']) as {
          items: { toJSON(): { words?: string } }[];
        };
        const i = criteria.items.findIndex((c) => c.toJSON().words === 'adults');
        doc.setIn(['population', 'scope', 'criteria', i, 'value'], 16);
      },
    );
    expect(errors(checkKbFiles(changed))).toContainEqual(
      expect.objectContaining({
        code: 'kb.population',
        message: expect.stringContaining('age word "adults"'),
      }),
    );
  });
});
