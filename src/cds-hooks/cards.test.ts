// Decision → cards: structure, limits, citations, links and the spec's invariants on every card we produce.
import { describe, expect, it } from 'vitest';
import { violations } from '../../test/support/invariants.js';
import { installedCompiledKb, testKb } from '../../test/support/kb.js';
import { profileOf } from '../../test/support/profile.js';
import { evaluate } from '../engine/index.js';
import { CdsResponse, codePoints } from './card.js';
import { decisionCards, MAX_OPTION_CARDS, sourceName } from './cards.js';
import { DETAIL_MAX } from './detail-cap.js';
import { OVERRIDE_SYSTEM } from './override-reasons.js';
import { hasLatex } from './plain.js';

const ckb = testKb();
let n = 0;
const ctx = { baseUrl: 'https://frontline.example.org/', newId: () => `card-${++n}`, patientId: 'p-1' };

/**
 * The decision and its cards, made inside each test (never at import): mutation testing then knows which test runs
 * which line of the card builder.
 */
function rendering() {
  const decision = evaluate(
    profileOf({ lineage: 'B', age: 45, cnsDisease: true, cd20Percent: 30, mrd: { value: 0.001 } }),
    ckb,
  );
  const rendered = decisionCards(decision, ckb.kb, ctx);
  return { decision, rendered, cards: rendered.map((r) => r.card), summary: rendered[0]?.card };
}

/** The body of a detail: what comes before the footer. */
function bodyOf(detail: string | undefined): string {
  return (detail ?? '').split('\n---\n')[0] ?? '';
}

describe('decisionCards (patient-view)', () => {
  it('renders one summary card, then one card per recommended or supported option, at most MAX_OPTION_CARDS', () => {
    const { decision, rendered } = rendering();
    expect(rendered[0]?.kind).toBe('summary');
    const optionCards = rendered.slice(1);
    expect(optionCards.every((r) => r.kind === 'option')).toBe(true);
    const supported = decision.options.filter(
      (o) => o.strength === 'recommended' || o.strength === 'supported',
    );
    expect(optionCards.map((r) => r.subject)).toEqual(supported.slice(0, MAX_OPTION_CARDS).map((o) => o.id));
    expect(optionCards.map((r) => r.subject)).toContain('test.fixture-supported');
  });

  it('shows caution and not-recommended options, and alerts, only inside the summary (never as their own card)', () => {
    const { decision, rendered, cards, summary } = rendering();
    expect(decision.options.map((o) => o.id)).toContain('test.fixture-caution');
    expect(rendered.map((r) => r.subject)).not.toContain('test.fixture-caution');
    expect(rendered.some((r) => r.kind === 'alert')).toBe(false);
    const alert = decision.warnings.find((w) => w.code === 'test.fixture-alert');
    expect(alert).toBeDefined();
    expect(summary?.detail?.replaceAll('\\', '')).toContain(alert?.text.slice(0, 40));
    expect(cards.every((c) => c.indicator === 'info')).toBe(true);
  });

  it('produces a valid CDS Hooks 2.0.1 response that passes every logical-model invariant', () => {
    const { cards } = rendering();
    const response = { cards };
    const parsed = CdsResponse.safeParse(response);
    expect(parsed.success).toBe(true);
    expect(violations(response, 'response')).toEqual([]);
  });

  it('keeps every summary under 140 characters and gives every card a unique uuid', () => {
    const { cards } = rendering();
    for (const c of cards) {
      expect(codePoints(c.summary)).toBeLessThan(140);
      expect(c.summary.length).toBeLessThan(140);
    }
    const ids = cards.map((c) => c.uuid);
    expect(new Set(ids).size).toBe(cards.length);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
  });

  it('cites the review and its reference numbers in source.label', () => {
    const { decision, rendered } = rendering();
    const option = decision.options.find((o) => o.id === 'test.fixture-supported');
    const card = rendered.find((r) => r.subject === 'test.fixture-supported')?.card;
    expect(sourceName(ckb.kb)).toMatch(/review$/);
    expect(card?.source.label).toContain(sourceName(ckb.kb));
    for (const ref of option?.evidence.flatMap((e) => e.refs) ?? []) {
      expect(card?.source.label).toMatch(new RegExp(`\\b${ref}\\b`));
    }
    expect(card?.source.url).toBe('https://frontline.example.org/about');
  });

  it('puts the strength, key numbers, the KB version and the notice in an option detail, capped', () => {
    const { decision, rendered, cards } = rendering();
    const option = decision.options.find((o) => o.id === 'test.fixture-supported');
    const detail = rendered.find((r) => r.subject === 'test.fixture-supported')?.card.detail ?? '';
    expect(detail).toContain('**Supported by evidence**');
    expect(option?.keyNumbers.length).toBeGreaterThan(0);
    expect(detail.replaceAll('\\', '')).toContain(option?.keyNumbers[0]?.text.slice(0, 30));
    expect(detail).toContain(decision.kbVersion);
    expect(detail).toContain('not a substitute for clinical judgment');
    for (const c of cards) {
      expect(bodyOf(c.detail).length).toBeLessThanOrEqual(DETAIL_MAX);
    }
  });

  it('speaks in clinician words: no LaTeX and no profile field ids in any card', () => {
    const { cards } = rendering();
    for (const c of cards) {
      // Link targets (the app's URL carries the profile's field names) are not words a clinician reads.
      const text = `${c.summary}\n${c.detail ?? ''}`.replace(/\]\([^)]*\)/g, ']');
      expect(hasLatex(text)).toBe(false);
      expect(text).not.toMatch(
        /\b(cd20Percent|highRiskGenetics|extramedullaryDisease|highDiseaseBurden|pdl1Positive|phLike)\b/,
      );
    }
  });

  it('links to the web app patient view (profile as query, mrd as the fraction) and to study pages, all absolute', () => {
    const { decision, rendered } = rendering();
    const card = rendered.find((r) => r.subject === 'test.fixture-supported')?.card;
    const urls = card?.links?.map((l) => l.url) ?? [];
    expect(urls[0]).toBe(
      'https://frontline.example.org/patient?lineage=B&age=45&phase=newly-diagnosed&cd20Percent=30&mrd=0.001&cnsDisease=true',
    );
    const study = decision.options.find((o) => o.id === 'test.fixture-supported')?.evidence[0]?.study ?? '';
    expect(urls).toContain(`https://frontline.example.org/evidence/studies/${study}`);
    for (const l of card?.links ?? []) {
      expect(l.type).toBe('absolute');
      expect(new URL(l.url).protocol).toMatch(/^https?:$/);
    }
  });

  it('adds a smart link with appContext (profile and option, no identifier) when a SMART launch URL is configured', () => {
    const { decision } = rendering();
    const smart = decisionCards(decision, ckb.kb, {
      ...ctx,
      smartLaunchUrl: 'https://frontline.example.org/launch',
    });
    for (const r of smart) {
      const link = r.card.links?.[0];
      expect(link?.type).toBe('smart');
      expect(link?.url).toBe('https://frontline.example.org/launch');
      const app = JSON.parse(link?.appContext ?? '{}') as { profile?: string; option?: string };
      expect(app.profile).toBe(
        'lineage=B&age=45&phase=newly-diagnosed&cd20Percent=30&mrd=0.001&cnsDisease=true',
      );
      expect(app.option).toBe(r.kind === 'option' ? r.subject : undefined);
      expect(link?.appContext).not.toContain('p-1');
    }
    expect(violations({ cards: smart.map((r) => r.card) }, 'response')).toEqual([]);
  });

  it('offers override reasons with a display, from the HL7 non-adherence reason code system', () => {
    const { cards } = rendering();
    for (const c of cards) {
      expect(c.overrideReasons?.length).toBeGreaterThan(0);
      for (const r of c.overrideReasons ?? []) {
        expect(r.system).toBe(OVERRIDE_SYSTEM);
        expect(r.display.length).toBeGreaterThan(0);
      }
    }
  });

  it('says in the summary what is missing by its label and test, never treating unknown Ph as negative', () => {
    const { decision, summary } = rendering();
    expect(decision.pending.map((o) => o.id)).toContain('test.fixture-pending');
    expect(decision.missing.map((m) => m.field)).toContain('ph');
    expect(summary?.summary).toMatch(/key unknown: /);
    expect(summary?.detail).toContain('**Philadelphia chromosome** —');
    expect(summary?.detail).toContain('Missing data is unknown, never assumed negative.');
  });

  it('suggests ordering the settling test for each missing fact that has a confirmed code (a draft ServiceRequest)', () => {
    const { summary } = rendering();
    const s = summary?.suggestions ?? [];
    expect(summary?.selectionBehavior).toBe('any');
    const ph = s.find((x) => x.label.includes('Philadelphia'));
    expect(ph?.uuid).toBeDefined();
    const resource = ph?.actions?.[0]?.resource as Record<string, unknown> | undefined;
    expect(ph?.actions?.[0]?.type).toBe('create');
    expect(resource?.resourceType).toBe('ServiceRequest');
    expect(resource?.subject).toEqual({ reference: 'Patient/p-1' });
    const coding = (resource?.code as { coding?: { system: string; code: string }[] } | undefined)
      ?.coding?.[0];
    const known = ckb.kb.terminology.some((t) => t.system === coding?.system && t.code === coding?.code);
    expect(known).toBe(true);
    expect(new Set(s.map((x) => x.uuid)).size).toBe(s.length);
  });

  it('is never silent: a profile no option concerns still gets the summary card', () => {
    const t = evaluate(profileOf({ lineage: 'T', age: 60 }), ckb);
    const out = decisionCards(t, ckb.kb, ctx);
    expect(out[0]?.kind).toBe('summary');
    expect(out.filter((r) => r.subject.startsWith('test.'))).toEqual([]);
  });
});

describe('the summary line, on the installed knowledge base', () => {
  const summaryOf = (input: Readonly<Record<string, unknown>>): string => {
    const ikb = installedCompiledKb();
    const decision = evaluate(profileOf(input), ikb);
    return decisionCards(decision, ikb.kb, ctx)[0]?.card.summary ?? '';
  };

  it.each([
    {
      patient: 'an adult with newly diagnosed T-ALL and no risk group: the one trial option waits on it',
      input: { lineage: 'T', age: 30, phase: 'newly-diagnosed' },
      summary: 'Frontline: 1 option depends on unknown facts; key unknown: Risk group (treating protocol)',
    },
    {
      patient: 'an ALL whose lineage is unknown: every option waits, the lineage first',
      input: { age: 30, phase: 'newly-diagnosed' },
      summary: /^Frontline: \d+ options depend on unknown facts; key unknown: Lineage$/,
    },
  ])('$patient', ({ input, summary }) => {
    const line = summaryOf(input);
    if (typeof summary === 'string') {
      expect(line).toBe(summary);
    } else {
      expect(line).toMatch(summary);
    }
    expect(line).not.toMatch(/Pediatric|cannot state/);
  });

  it('says that no option applies, and names the key unknown fact when a warning or an alert still waits on one', () => {
    const ikb = installedCompiledKb();
    const decision = evaluate(profileOf({ lineage: 'T', age: 30, phase: 'newly-diagnosed' }), ikb);
    const none = { ...decision, options: [], pending: [] };
    expect(decisionCards(none, ikb.kb, ctx)[0]?.card.summary).toBe(
      'Frontline: no frontline immunotherapy option of the review applies on the facts given; key unknown: Risk group (treating protocol)',
    );
    expect(decisionCards({ ...none, missing: [] }, ikb.kb, ctx)[0]?.card.summary).toBe(
      'Frontline: no frontline immunotherapy option of the review applies on the facts given',
    );
  });
});
