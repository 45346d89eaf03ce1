import { describe, expect, it } from 'vitest';
import { startSymbol } from './start-symbol';

describe('startSymbol', () => {
  it('opens on the symbol watched last', () => {
    expect(startSymbol({ symbol: 'QQQ', settings: { defaultSymbol: 'NDX' } })).toBe('QQQ');
  });

  it('opens on the trader’s default symbol when none was watched yet', () => {
    expect(startSymbol({ settings: { defaultSymbol: 'NDX' } })).toBe('NDX');
    expect(startSymbol({ symbol: '', settings: { defaultSymbol: 'RUT' } })).toBe('RUT');
  });

  it('opens on SPX for a new profile', () => {
    expect(startSymbol({})).toBe('SPX');
  });
});
