import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { parseMicros } from '../database/money.js';
import { describeOnBothDialects } from '../database/testing/describe-on-both-dialects.js';
import { SymbolsRepository } from './symbols.repository.js';

describeOnBothDialects(SymbolsRepository.name, (fixture) => {
  let symbols: SymbolsRepository;
  let alice: string;
  let bob: string;

  beforeEach(() => {
    symbols = new SymbolsRepository(fixture.db(), () => Date.UTC(2026, 11, 1));
    alice = randomUUID();
    bob = randomUUID();
  });

  it('gives a new user the default contract specs', async () => {
    const bySymbol = new Map((await symbols.list(alice)).map((s) => [s.symbol, s]));
    // multiplier in micros: 100 → 100,000,000; ES 50 → 50,000,000; MYM 0.5 → 500,000
    expect(bySymbol.get('SPXW')).toEqual({ symbol: 'SPXW', assetClass: 'index_option', multiplierMicros: 100_000_000, tickSizeMicros: 50_000, source: 'default' });
    expect(['SPX', 'XSP', 'NDX', 'ES', 'MES', 'NQ', 'MNQ', 'CL', 'MYM'].map((s) => bySymbol.get(s)?.multiplierMicros)).toEqual([
      100_000_000, 100_000_000, 100_000_000, 50_000_000, 5_000_000, 20_000_000, 2_000_000, 1_000_000_000, 500_000,
    ]);
    expect(await symbols.get(alice, '/es')).toMatchObject({ symbol: 'ES', multiplierMicros: 50_000_000, tickSizeMicros: 250_000 });
  });

  it("lets a user override a default and add their own symbol, for them alone", async () => {
    await symbols.put(alice, { symbol: 'es', assetClass: 'future', multiplierMicros: parseMicros('50'), tickSizeMicros: parseMicros('0.5') });
    await symbols.put(alice, { symbol: '/ZB', assetClass: 'future', multiplierMicros: parseMicros('1000'), tickSizeMicros: parseMicros('0.03125') });
    expect(await symbols.get(alice, 'ES')).toMatchObject({ tickSizeMicros: 500_000, source: 'user' });
    expect(await symbols.get(alice, 'ZB')).toEqual({ symbol: 'ZB', assetClass: 'future', multiplierMicros: 1_000_000_000, tickSizeMicros: 31_250, source: 'user' });
    expect(await symbols.get(bob, 'ES')).toMatchObject({ tickSizeMicros: 250_000, source: 'default' });
    expect(await symbols.get(bob, 'ZB')).toBeUndefined();
    expect((await symbols.list(bob)).some((s) => s.symbol === 'ZB')).toBe(false);
  });

  it('replaces the user row on a second put instead of adding one', async () => {
    await symbols.put(alice, { symbol: 'ZB', assetClass: 'future', multiplierMicros: parseMicros('1000'), tickSizeMicros: parseMicros('0.03125') });
    await symbols.put(alice, { symbol: 'ZB', assetClass: 'future', multiplierMicros: parseMicros('1000'), tickSizeMicros: parseMicros('0.015625') });
    expect((await symbols.list(alice)).filter((s) => s.symbol === 'ZB')).toEqual([{ symbol: 'ZB', assetClass: 'future', multiplierMicros: 1_000_000_000, tickSizeMicros: 15_625, source: 'user' }]);
  });

  it('falls back to the default when the user removes their override', async () => {
    await symbols.put(alice, { symbol: 'MES', assetClass: 'future', multiplierMicros: parseMicros('5'), tickSizeMicros: parseMicros('1') });
    expect(await symbols.remove(bob, 'MES')).toBe(false);
    expect(await symbols.get(alice, 'MES')).toMatchObject({ tickSizeMicros: 1_000_000, source: 'user' });
    expect(await symbols.remove(alice, 'MES')).toBe(true);
    expect(await symbols.get(alice, 'MES')).toMatchObject({ tickSizeMicros: 250_000, source: 'default' });
  });
});
