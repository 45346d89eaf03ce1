import { describe, expect, it } from 'vitest';
import { toMinor } from './money.js';
import { TRADE_STRATEGIES, classifyStructure, tradeStrategySchema, type StructureLeg } from './strategies.js';

/** `leg('buy', 1, 'C', '6000')`: an option leg of the 2026-12-18 expiry unless another is given. */
function leg(side: 'buy' | 'sell', contracts: number, right: 'C' | 'P', strike: string, expiry = '2026-12-18'): StructureLeg {
  return { instrumentKind: 'option', optionRight: right, strikeMicros: toMinor(strike), expiry, side, quantityMicros: contracts * 1_000_000 };
}

describe('classifyStructure', () => {
  it.each<[string, StructureLeg[], string]>([
    ['one call', [leg('buy', 3, 'C', '600')], 'single'],
    ['one short put', [leg('sell', 1, 'P', '5950')], 'single'],
    ['credit put vertical', [leg('sell', 2, 'P', '5950'), leg('buy', 2, 'P', '5940')], 'vertical'],
    ['debit call vertical', [leg('buy', 1, 'C', '6000'), leg('sell', 1, 'C', '6010')], 'vertical'],
    ['call ratio 1×2 is not a vertical', [leg('buy', 1, 'C', '6000'), leg('sell', 2, 'C', '6010')], 'custom'],
    ['long call fly 1-2-1', [leg('buy', 1, 'C', '6000'), leg('sell', 2, 'C', '6010'), leg('buy', 1, 'C', '6020')], 'butterfly'],
    ['two put flies 2-4-2', [leg('buy', 2, 'P', '5900'), leg('sell', 4, 'P', '5910'), leg('buy', 2, 'P', '5920')], 'butterfly'],
    ['broken-wing fly 6000/6010/6030', [leg('buy', 1, 'C', '6000'), leg('sell', 2, 'C', '6010'), leg('buy', 1, 'C', '6030')], 'butterfly'],
    ['1-3-2 ratio fly (body = sum of wings)', [leg('buy', 1, 'P', '5900'), leg('sell', 3, 'P', '5920'), leg('buy', 2, 'P', '5930')], 'butterfly'],
    ['short fly (wings sold)', [leg('sell', 1, 'C', '6000'), leg('buy', 2, 'C', '6010'), leg('sell', 1, 'C', '6020')], 'butterfly'],
    ['1-3-1 is not a fly', [leg('buy', 1, 'C', '6000'), leg('sell', 3, 'C', '6010'), leg('buy', 1, 'C', '6020')], 'custom'],
    ['fly legs of two rights', [leg('buy', 1, 'P', '6000'), leg('sell', 2, 'C', '6010'), leg('buy', 1, 'C', '6020')], 'custom'],
    ['fly with the body on the outside', [leg('sell', 2, 'C', '6000'), leg('buy', 1, 'C', '6010'), leg('buy', 1, 'C', '6020')], 'custom'],
    ['short iron condor', [leg('buy', 1, 'P', '5900'), leg('sell', 1, 'P', '5910'), leg('sell', 1, 'C', '6090'), leg('buy', 1, 'C', '6100')], 'iron condor'],
    ['reverse iron condor', [leg('sell', 1, 'P', '5900'), leg('buy', 1, 'P', '5910'), leg('buy', 1, 'C', '6090'), leg('sell', 1, 'C', '6100')], 'iron condor'],
    ['short iron fly', [leg('buy', 1, 'P', '5980'), leg('sell', 1, 'P', '6000'), leg('sell', 1, 'C', '6000'), leg('buy', 1, 'C', '6020')], 'iron fly'],
    ['iron condor with crossed spreads', [leg('buy', 1, 'P', '6090'), leg('sell', 1, 'P', '6100'), leg('sell', 1, 'C', '5900'), leg('buy', 1, 'C', '5910')], 'custom'],
    ['iron condor of unequal size', [leg('buy', 2, 'P', '5900'), leg('sell', 2, 'P', '5910'), leg('sell', 1, 'C', '6090'), leg('buy', 1, 'C', '6100')], 'custom'],
    ['call calendar', [leg('sell', 1, 'C', '6000', '2026-12-18'), leg('buy', 1, 'C', '6000', '2027-01-15')], 'calendar'],
    ['put diagonal', [leg('sell', 1, 'P', '5950', '2026-12-18'), leg('buy', 1, 'P', '5900', '2027-01-15')], 'diagonal'],
    ['long straddle', [leg('buy', 1, 'P', '6000'), leg('buy', 1, 'C', '6000')], 'straddle'],
    ['short strangle', [leg('sell', 1, 'P', '5900'), leg('sell', 1, 'C', '6100')], 'strangle'],
    ['risk reversal is custom', [leg('sell', 1, 'P', '5900'), leg('buy', 1, 'C', '6100')], 'custom'],
  ])('%s → %s', (_name, legs, strategy) => {
    expect(classifyStructure(legs)).toBe(strategy);
  });

  it('nets legs of one instrument before classifying (a fly bought in two lots is still a fly)', () => {
    const legs = [leg('buy', 1, 'C', '6000'), leg('sell', 2, 'C', '6010'), leg('buy', 1, 'C', '6020'), leg('buy', 1, 'C', '6000'), leg('sell', 2, 'C', '6010'), leg('buy', 1, 'C', '6020')];
    expect(classifyStructure(legs)).toBe('butterfly');
  });

  it('names stock, futures, mixed and empty structures', () => {
    const shares: StructureLeg = { instrumentKind: 'stock', optionRight: null, strikeMicros: null, expiry: null, side: 'buy', quantityMicros: 100_000_000 };
    const contract: StructureLeg = { instrumentKind: 'future', optionRight: null, strikeMicros: null, expiry: null, side: 'sell', quantityMicros: 1_000_000 };
    expect(classifyStructure([shares])).toBe('stock');
    expect(classifyStructure([contract])).toBe('future');
    // a covered call: shares plus a short call
    expect(classifyStructure([shares, leg('sell', 1, 'C', '200')])).toBe('custom');
    expect(classifyStructure([])).toBe('custom');
  });

  it('a futures option is classified like an index option', () => {
    expect(classifyStructure([{ ...leg('buy', 1, 'C', '6000'), instrumentKind: 'future_option' }, { ...leg('sell', 1, 'C', '6050'), instrumentKind: 'future_option' }])).toBe('vertical');
  });

  it('the schema accepts exactly the listed strategies', () => {
    for (const s of TRADE_STRATEGIES) expect(tradeStrategySchema.parse(s)).toBe(s);
    expect(tradeStrategySchema.safeParse('condor').success).toBe(false);
  });
});
