// The README quotes real output: every knowledge-base version it shows must be the version the data gives now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../src/kb/index.js';

describe('README', () => {
  it('shows the current knowledge-base version wherever it shows one', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/\bkb-[0-9a-f]{12}\b/g)].map((m) => m[0]);
    expect(shown.length).toBeGreaterThan(0);
    const { kb } = loadKb();
    expect(kb).toBeDefined();
    expect(new Set(shown)).toEqual(new Set([kb?.version]));
  });
});
