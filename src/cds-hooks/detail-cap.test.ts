// A card detail's cap: the body whole when it fits, else cut at a line past half the cap with a link to the rest; the
// footer is never cut.
import { describe, expect, it } from 'vitest';
import { capDetail, DETAIL_MAX } from './detail-cap.js';

const MORE = '\n\n… [more in Frontline](https://f.example/p)';

describe('capDetail', () => {
  it('keeps a body that fits, exactly at the cap too, then the footer', () => {
    expect(capDetail(['a', 'b'], ['', '---', 'foot'], 'https://f.example/p')).toBe('a\nb\n\n---\nfoot');
    const exact = 'x'.repeat(40);
    expect(capDetail([exact], ['f'], 'https://f.example/p', 40)).toBe(`${exact}\nf`);
  });

  it('cuts a longer body at its last line break past half the cap, and links to the rest', () => {
    const lines = ['1'.repeat(30), '2'.repeat(30), '3'.repeat(30), '4'.repeat(30)];
    const max = 120;
    const out = capDetail(lines, ['f'], 'https://f.example/p', max);
    // 120 − 44 characters of room: the text is cut to 76, then back to the line break at 61 (past 60).
    expect(out).toBe(`${lines[0]}\n${lines[1]}${MORE}\nf`);
    expect(out.split('\nf')[0]?.length).toBeLessThanOrEqual(max);
  });

  it('cuts mid-line when no line break falls past half the cap, trimming trailing space', () => {
    const out = capDetail(
      ['a'.repeat(10), `${'b'.repeat(70)}   ${'c'.repeat(70)}`],
      ['f'],
      'https://f.example/p',
      100,
    );
    // Room for 56 characters; the only line break (at 10) is not past 50, so the cut is at 56.
    expect(out).toBe(`${'a'.repeat(10)}\n${'b'.repeat(45)}${MORE}\nf`);
  });

  it('does not cut back to a line break at exactly half the cap', () => {
    const first = 'a'.repeat(50);
    const out = capDetail([first, 'b'.repeat(100)], ['f'], 'https://f.example/p', 100);
    expect(out).toBe(`${first}\n${'b'.repeat(5)}${MORE}\nf`);
  });

  it('defaults to DETAIL_MAX', () => {
    const body = ['y'.repeat(DETAIL_MAX)];
    expect(capDetail(body, [], 'u')).toBe(body[0]);
    expect(capDetail(['y'.repeat(DETAIL_MAX + 1)], [], 'u')).toContain('[more in Frontline](u)');
  });
});
