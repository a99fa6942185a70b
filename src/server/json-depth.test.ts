import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

describe('nestsDeeperThan', () => {
  it('measures arrays and objects, not brackets inside strings (escaped quotes included)', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":[]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":[[]]}]}', 4)).toBe(true);
    expect(nestsDeeperThan(`{"s":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`, 2)).toBe(false);
  });

  it('catches the 4 MB bracket bomb, balanced or not', () => {
    const n = 2 * 1024 * 1024;
    expect(nestsDeeperThan('['.repeat(2 * n))).toBe(true);
    expect(nestsDeeperThan('['.repeat(n) + ']'.repeat(n))).toBe(true);
    expect(nestsDeeperThan('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBe(false);
  });
});
