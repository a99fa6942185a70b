/**
 * A card detail a busy clinician reads: at most `DETAIL_MAX` characters of body, cut at a line, then "more in
 * Frontline" and the footer (knowledge-base version and notice), which is never cut.
 * @module
 */

/** Characters of body a card detail shows before "more in Frontline". */
export const DETAIL_MAX = 1500;

/**
 * Joins body lines, cut to `max` characters at a line boundary when longer, then the footer.
 * @param body - the detail's lines, most important first
 * @param footer - lines always kept (the footer)
 * @param moreUrl - the app page with everything
 */
export function capDetail(
  body: readonly string[],
  footer: readonly string[],
  moreUrl: string,
  max: number = DETAIL_MAX,
): string {
  const text = body.join('\n');
  if (text.length <= max) {
    return [text, ...footer].join('\n');
  }
  const more = `\n\n… [more in Frontline](${moreUrl})`;
  let cut = text.slice(0, max - more.length);
  const line = cut.lastIndexOf('\n');
  if (line > max / 2) {
    cut = cut.slice(0, line);
  }
  return [`${cut.trimEnd()}${more}`, ...footer].join('\n');
}
