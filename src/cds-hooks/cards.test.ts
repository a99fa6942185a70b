// Decision → cards: structure, limits, citations, links and the spec's invariants on every card we produce.
import { describe, expect, it } from 'vitest';
import { violations } from '../../test/support/invariants.js';
import { testKb } from '../../test/support/kb.js';
import { evaluate } from '../engine/index.js';
import { type Profile, parseProfile } from '../profile/index.js';
import { CdsResponse, codePoints } from './card.js';
import { decisionCards, sourceName } from './cards.js';
import { OVERRIDE_SYSTEM } from './override-reasons.js';

const ckb = testKb();
let n = 0;
const ctx = { baseUrl: 'https://frontline.example.org/', newId: () => `card-${++n}` };

function profile(input: Record<string, unknown>): Profile {
  const parsed = parseProfile(input);
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.errors));
  }
  return parsed.profile;
}

const decision = evaluate(
  profile({ lineage: 'B', age: 45, cnsDisease: true, cd20Percent: 30, mrd: { value: 0.001 } }),
  ckb,
);
const rendered = decisionCards(decision, ckb.kb, ctx);
const cards = rendered.map((r) => r.card);

describe('decisionCards', () => {
  it('renders one card per applicable option, in the decision order, then alerts, then missing data', () => {
    const optionCards = rendered.filter((r) => r.kind === 'option').map((r) => r.subject);
    expect(optionCards).toEqual(decision.options.map((o) => o.id));
    expect(optionCards).toEqual(expect.arrayContaining(['test.fixture-supported', 'test.fixture-caution']));
    expect(rendered.filter((r) => r.kind === 'alert').map((r) => r.subject)).toContain(
      'alert:test.fixture-alert',
    );
    expect(rendered.at(-1)?.kind).toBe('data');
  });

  it('produces a valid CDS Hooks 2.0.1 response that passes every logical-model invariant', () => {
    const response = { cards };
    const parsed = CdsResponse.safeParse(response);
    expect(parsed.success).toBe(true);
    expect(violations(response, 'response')).toEqual([]);
  });

  it('keeps every summary under 140 characters and gives every card a unique uuid', () => {
    for (const c of cards) {
      expect(codePoints(c.summary)).toBeLessThan(140);
      expect(c.summary.length).toBeLessThan(140);
    }
    const ids = cards.map((c) => c.uuid);
    expect(new Set(ids).size).toBe(cards.length);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
  });

  it('maps strengths to indicators: supported → info, caution → warning, never critical in patient-view', () => {
    const byId = new Map(rendered.map((r) => [r.subject, r.card]));
    expect(byId.get('test.fixture-supported')?.indicator).toBe('info');
    expect(byId.get('test.fixture-caution')?.indicator).toBe('warning');
    expect(byId.get('alert:test.fixture-alert')?.indicator).toBe('warning');
    expect(cards.some((c) => c.indicator === 'critical')).toBe(false);
  });

  it('cites the review and its reference numbers in source.label', () => {
    const option = decision.options.find((o) => o.id === 'test.fixture-supported');
    const card = rendered.find((r) => r.subject === 'test.fixture-supported')?.card;
    expect(sourceName(ckb.kb)).toMatch(/review$/);
    expect(card?.source.label).toContain(sourceName(ckb.kb));
    for (const ref of option?.evidence.flatMap((e) => e.refs) ?? []) {
      expect(card?.source.label).toMatch(new RegExp(`\\b${ref}\\b`));
    }
    expect(card?.source.url).toBe('https://frontline.example.org/about');
  });

  it('puts key numbers, the verbatim evidence, the trace, the KB version and the notice in the detail', () => {
    const option = decision.options.find((o) => o.id === 'test.fixture-supported');
    const detail = rendered.find((r) => r.subject === 'test.fixture-supported')?.card.detail ?? '';
    expect(option?.keyNumbers.length).toBeGreaterThan(0);
    for (const k of option?.keyNumbers ?? []) {
      // Markdown escapes markup characters only; the words and numbers are unchanged.
      expect(detail.replaceAll('\\', '')).toContain(k.text);
    }
    expect(detail).toContain('**Evidence (verbatim)**');
    expect(detail.replaceAll('\\', '')).toContain(option?.evidence[0]?.quote.replace(/\s*\n\s*/g, ' '));
    expect(detail).toMatch(/- ✓ age < 55 — seen: 45 \(review: "<55"\)/);
    expect(detail).toContain(decision.kbVersion);
    expect(detail).toContain('not a substitute for clinical judgment');
  });

  it('links to the web app patient view (profile as query, mrd as the fraction) and to study pages, all absolute', () => {
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

  it('offers override reasons with a display, from the HL7 non-adherence reason code system', () => {
    for (const c of cards) {
      expect(c.overrideReasons?.length).toBeGreaterThan(0);
      for (const r of c.overrideReasons ?? []) {
        expect(r.system).toBe(OVERRIDE_SYSTEM);
        expect(r.display.length).toBeGreaterThan(0);
      }
    }
  });

  it('says what is missing and which option waits on it, never treating unknown Ph as negative', () => {
    const data = rendered.find((r) => r.kind === 'data')?.card;
    expect(decision.pending.map((o) => o.id)).toContain('test.fixture-pending');
    expect(data?.summary).toMatch(/Unknown facts would change the options: .*ph/);
    expect(data?.detail).toContain('TEST FIXTURE option that needs Ph status');
    const warning = decision.options.find((o) => o.id === 'test.fixture-supported')?.warnings[0];
    expect(warning?.applies).toBe('unknown');
    expect(rendered.find((r) => r.subject === 'test.fixture-supported')?.card.detail).toContain('may apply');
  });

  it('answers no cards for a profile no option, alert or missing fact concerns', () => {
    const t = evaluate(profile({ lineage: 'T', age: 60 }), ckb);
    const out = decisionCards(t, ckb.kb, ctx).filter(
      (r) => r.subject.startsWith('test.') || r.subject.startsWith('alert:test.'),
    );
    expect(out).toEqual([]);
  });
});
