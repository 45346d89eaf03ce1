import { describe, expect, it } from 'vitest';
import { CrossingIndex } from './crossing-index.js';
import { createCrossingLookup, crossingLookupKindOf } from './crossing-lookup-kind.js';
import { LinearCrossingScan } from './linear-crossing-scan.js';

describe(crossingLookupKindOf.name, () => {
  it('defaults to the sorted index when the variable is unset or empty', () => {
    expect(crossingLookupKindOf(undefined)).toBe('sorted');
    expect(crossingLookupKindOf('')).toBe('sorted');
  });

  it('names the variable and the allowed values when the value is unknown', () => {
    expect(() => crossingLookupKindOf('btree')).toThrow('MS_COPILOT_ALERT_INDEX must be one of sorted, linear, got "btree"');
  });

  it('builds the structure the kind names', () => {
    expect(createCrossingLookup('sorted')).toBeInstanceOf(CrossingIndex);
    expect(createCrossingLookup(crossingLookupKindOf('linear'))).toBeInstanceOf(LinearCrossingScan);
  });
});
