import { describe, expect, it } from 'vitest';
import type { MelState } from '@marketswarm/shared/dto';
import { coherenceOf } from './coherence.js';

const V: MelState = 'VALID';
const D: MelState = 'DEGRADED';
const R: MelState = 'REVOKED';

describe(coherenceOf.name, () => {
  it('is stable when the models agree and hold their states', () => {
    expect(coherenceOf([[V, V, V, D, V], [V, V, V, D, V]])).toBe('stable');
    expect(coherenceOf([])).toBe('stable');
  });

  it('is collapsing with three models revoked, or two fewer valid than the window\'s best', () => {
    expect(coherenceOf([[R, R, R, V, V]])).toBe('collapsing');
    expect(coherenceOf([[V, V, V, V, V], [V, V, V, D, D]])).toBe('collapsing');
  });

  it('is recovered when none is revoked and two more are valid than at the window\'s worst', () => {
    expect(coherenceOf([[V, D, D, D, V], [V, V, V, D, V]])).toBe('recovered');
  });

  it('is mixed with valid and revoked models side by side, or two models changing state', () => {
    expect(coherenceOf([[V, V, V, V, R]])).toBe('mixed');
    expect(coherenceOf([[V, D, V, D, V], [D, V, V, D, V]])).toBe('mixed');
  });

  it('forgets what left the five-snapshot window', () => {
    const old: MelState[][] = [[V, V, V, V, V]];
    const recent: MelState[][] = Array.from({ length: 5 }, () => [V, V, V, D, D]);
    expect(coherenceOf([...old, ...recent])).toBe('stable');
  });
});
