import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeep } from './json-depth.js';

const nestsDeeperThan = (text: string, max?: number): boolean => tooDeep(text, max) !== undefined;

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

  it('names the top-level member the nesting is under', () => {
    expect(tooDeep('{"a":1,"b":"x","context":{"c":[[[[1]]]]}}', 3)).toEqual({ member: 'context' });
    expect(tooDeep('{"a":"[[[[","b":[[[[1]]]]}', 3)).toEqual({ member: 'b' });
    expect(tooDeep('[[[[[1]]]]]', 3)).toEqual({ member: '' });
    expect(tooDeep('{"":[[[[1]]]]}', 3)).toEqual({ member: '""' });
  });
});
