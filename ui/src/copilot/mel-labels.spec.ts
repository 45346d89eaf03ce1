import { describe, expect, it } from 'vitest';
import { componentLabel } from './mel-labels';

describe(componentLabel.name, () => {
  it('turns camelCase and snake_case component keys into words', () => {
    expect(componentLabel('levelRespect')).toBe('Level respect');
    expect(componentLabel('iv_vs_realised')).toBe('Iv vs realised');
    expect(componentLabel('pin')).toBe('Pin');
  });
});
