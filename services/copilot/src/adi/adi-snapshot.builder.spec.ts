import { describe, expect, it } from 'vitest';
import { adiInputs, ADI_NOW } from './adi.fixtures.js';
import { adiSectionOf, buildAdiSnapshot } from './adi-snapshot.builder.js';

describe(buildAdiSnapshot.name, () => {
  it('stamps the snapshot with its schema, symbol, DTE and clock', () => {
    expect(buildAdiSnapshot(adiInputs({ dte: 2 }))).toMatchObject({ schema: { id: 'marketswarm.adi', version: 1 }, symbol: 'SPX', dte: 2, generatedAt: ADI_NOW });
  });

  it('marks the user\'s book from the heatmap\'s single-option mids', () => {
    // The call vertical: 2 × (15.20 − 9.70) × 100 = $1,100 against $900 paid.
    expect(buildAdiSnapshot(adiInputs()).user.openPositions[0]).toMatchObject({ value: 1100, pnl: 200 });
  });

  it('cannot mark the book without a heatmap, and says so with nulls', () => {
    const market = { ...adiInputs().market, heatmap: null };
    const user = buildAdiSnapshot(adiInputs({ market })).user;
    expect(user.openPositions[0]).toMatchObject({ cost: 900, value: null, pnl: null });
    expect(user.openPnl).toBeNull();
  });

  it('carries MEL as given, or null when MEL is not available', () => {
    expect(buildAdiSnapshot(adiInputs()).mel?.globalIntegrity).toBe(75);
    expect(buildAdiSnapshot(adiInputs({ mel: null })).mel).toBeNull();
  });
});

describe(adiSectionOf.name, () => {
  it('keeps the header and the one section asked for', () => {
    const snapshot = buildAdiSnapshot(adiInputs());
    expect(adiSectionOf(snapshot, 'gamma')).toEqual({ schema: snapshot.schema, symbol: 'SPX', dte: 0, generatedAt: ADI_NOW, gamma: snapshot.gamma });
  });

  it('keeps a null MEL section as null, not missing', () => {
    expect(adiSectionOf(buildAdiSnapshot(adiInputs({ mel: null })), 'mel')).toHaveProperty('mel', null);
  });
});
