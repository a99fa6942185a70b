// The CLI's cheap path gives exactly the decision of the full use case, and declines whatever needs the full path
// (FHIR Bundles, profiles with a problem), so its errors are always worded by the schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyJson, validProfile } from '../../test/support/arbitraries.js';
import { installedCompiledKb } from '../../test/support/kb.js';
import { quickRecommend } from './quick.js';
import { recommend } from './recommend.js';

const ckb = installedCompiledKb();

describe('quickRecommend', () => {
  it('answers a valid profile with the same decision as recommend', () => {
    fc.assert(
      fc.property(validProfile, (p) => {
        const quick = quickRecommend(p, ckb);
        expect(quick).toBeDefined();
        expect(quick).toEqual(recommend(p, ckb));
      }),
      { numRuns: 300 },
    );
  });

  it('declines what is not a valid plain profile, which recommend then rejects or maps', () => {
    fc.assert(
      fc.property(anyJson, (input) => {
        const quick = quickRecommend(input, ckb);
        if (quick !== undefined) {
          expect(quick).toEqual(recommend(input, ckb));
        }
      }),
      { numRuns: 1000 },
    );
    expect(quickRecommend({ resourceType: 'Bundle', type: 'collection', entry: [] }, ckb)).toBeUndefined();
    expect(quickRecommend({ lineage: 'B', age: 130 }, ckb)).toBeUndefined();
    expect(recommend({ lineage: 'B', age: 130 }, ckb)).toMatchObject({
      ok: false,
      errors: [{ path: 'age' }],
    });
  });
});
