import { describe, expect, it } from 'vitest';
import { INDEX_OPTION_ROOTS, underlyingOf } from './index-option-roots.js';

describe(underlyingOf.name, () => {
  it('reads weekly roots and futures symbols as their underlying', () => {
    expect(['SPXW', 'spx', '/MES', 'NDXP'].map(underlyingOf)).toEqual(['SPX', 'SPX', 'MES', 'NDX']);
  });

  it('leaves a root that is its own underlying as it is', () => {
    expect(['SPY', 'XSP', 'AAPL'].map(underlyingOf)).toEqual(['SPY', 'XSP', 'AAPL']);
  });
});

describe('INDEX_OPTION_ROOTS', () => {
  it('maps every weekly and PM root to an index that is not itself a root', () => {
    for (const index of Object.values(INDEX_OPTION_ROOTS)) expect(INDEX_OPTION_ROOTS[index]).toBeUndefined();
  });
});
