// `frontline ref` and `frontline --version`: a citation's number looked up in the review's reference list.
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/cli.js';

describe('frontline ref', () => {
  it('prints the entry behind a reference number, as the review gives it', async () => {
    const r = await cli('ref', '42');
    expect(r.code).toBe(0);
    expect(r.out).toContain('42. Litzow MR, Sun Z, Mattison RJ, et al. Blinatumomab for MRD-negative');
    expect(r.out).toContain('N Engl J Med. 2024;391(4):320-333.');
  });

  it('reads ranges and lists, and answers JSON', async () => {
    const r = await cli('ref', '40-42,104', '--json');
    const body = JSON.parse(r.out) as { references: { n: number; journal?: string }[] };
    expect(body.references.map((x) => x.n)).toEqual([40, 41, 42, 104]);
    expect(body.references[3]?.journal).toBe('Am J Hematol');
  });

  it('names a number outside the list in one line, with exit 2', async () => {
    const r = await cli('ref', '105');
    expect(r.code).toBe(2);
    expect(r.err).toBe("frontline: ref: the review's reference list runs from 1 to 104; no reference 105\n");
  });
});

describe('frontline --version', () => {
  it('prints the package version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^frontline \d+\.\d+\.\d+\n$/);
  });
});
