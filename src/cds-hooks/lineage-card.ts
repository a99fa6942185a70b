/**
 * Never silent: a record whose ALL diagnosis names no lineage (ICD-10-CM C91.00 alone, SNOMED CT 91857003 alone, or
 * codes that disagree) still gets one info card in patient-view, saying what is missing, which test settles it (with a
 * suggestion ordering it) and linking to the app to complete the profile.
 * @module
 */
import type { Kb } from '../kb/index.js';
import type { CardContext, RenderedCard } from './cards.js';
import { sourceName } from './cards.js';
import { capDetail } from './detail-cap.js';
import { md } from './markdown.js';
import { OVERRIDE_REASONS } from './override-reasons.js';
import { aboutUrl } from './patient-link.js';
import { factInfo, factLabel } from './plain.js';
import { testSuggestions } from './suggestions.js';

const NOTICE = 'decision support, not a substitute for clinical judgment';

/**
 * @param inRecord - what the FHIR mapping found (e.g. "Condition/x is coded …C91.00, which names ALL but not its lineage")
 * @param kb - fact labels and the settling test's code
 * @param ctx - base URL, uuid source, patient id
 */
export function lineageUnknownCard(inRecord: string, kb: Kb, ctx: CardContext): RenderedCard {
  const info = factInfo(kb, 'lineage');
  const label = factLabel(kb, 'lineage');
  const base = ctx.baseUrl.endsWith('/') ? ctx.baseUrl.slice(0, -1) : ctx.baseUrl;
  const app = `${base}/patient`;
  const suggestions =
    ctx.patientId === undefined
      ? []
      : testSuggestions(
          [{ field: 'lineage', text: inRecord, test: info?.test ?? '', affects: [] }],
          kb,
          ctx.patientId,
          ctx.newId,
        );
  const body = [
    'Missing data is unknown, never assumed negative. Every immunotherapy option of the review depends on the lineage: the antibodies and CAR T-cell products it discusses for frontline use target B-cell antigens.',
    '',
    `**Missing: ${md(label)}** — ${md(info?.test ?? 'immunophenotyping by flow cytometry')}`,
    '',
    `In the record: ${md(inRecord)}.`,
    '',
    `Enter the lineage in Frontline to see the options: [open Frontline](${app}).`,
  ];
  return {
    kind: 'data',
    subject: 'data:lineage',
    card: {
      uuid: ctx.newId(),
      summary: "Frontline cannot state the review's options yet: ALL lineage (B or T) is not in the record",
      detail: capDetail(
        body,
        [
          '',
          '---',
          `Frontline · knowledge base ${md(kb.version)} · source: ${md(sourceName(kb))} · ${NOTICE}.`,
        ],
        app,
      ),
      indicator: 'info',
      source: { label: sourceName(kb), url: aboutUrl(ctx.baseUrl) },
      ...(suggestions.length === 0
        ? {}
        : { suggestions: suggestions.map((s) => s.suggestion), selectionBehavior: 'any' as const }),
      overrideReasons: [...OVERRIDE_REASONS],
      links: [{ label: 'Open in Frontline (complete the profile)', url: app, type: 'absolute' }],
    },
  };
}
