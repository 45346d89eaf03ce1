import { CrossingIndex } from './crossing-index.js';
import type { CrossingLookup } from './crossing-entry.js';
import { LinearCrossingScan } from './linear-crossing-scan.js';

/** `sorted` is the production index; `linear` exists so the benchmark can run the peer through the real engine. */
export const CROSSING_LOOKUP_KINDS = ['sorted', 'linear'] as const;
export type CrossingLookupKind = (typeof CROSSING_LOOKUP_KINDS)[number];

/** The environment variable the copilot reads to pick the structure (unset: sorted). */
export const CROSSING_LOOKUP_ENV = 'MS_COPILOT_ALERT_INDEX';

export function crossingLookupKindOf(value: string | undefined): CrossingLookupKind {
  if (value === undefined || value === '') return 'sorted';
  const kind = CROSSING_LOOKUP_KINDS.find((known) => known === value);
  if (kind === undefined) {
    throw new Error(`${CROSSING_LOOKUP_ENV} must be one of ${CROSSING_LOOKUP_KINDS.join(', ')}, got "${value}"`);
  }
  return kind;
}

export function createCrossingLookup(kind: CrossingLookupKind): CrossingLookup {
  switch (kind) {
    case 'sorted':
      return new CrossingIndex();
    case 'linear':
      return new LinearCrossingScan();
  }
}
