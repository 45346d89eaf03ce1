import { describe, expect, it } from 'vitest';
import { extractTickers } from './ticker-extractor.js';

const WATCHED = ['SPX', 'NDX', 'RUT', 'VIX', 'SPY', 'QQQ'];

describe(extractTickers.name, () => {
  const cases: Array<[string, string, string[]]> = [
    ['cashtags in any case, upper-cased', '$spx and $Tsla rip', ['SPX', 'TSLA']],
    ['watched symbols as whole upper-case words', 'SPX up, VIX down', ['SPX', 'VIX']],
    ['no match inside longer words', 'SPXW and QQQM and VIXY listed', []],
    ['no match on lower-case words', 'the spy who loved me', []],
    ['dollar amounts are not cashtags', 'paid $100 or $5.50', []],
    ['share classes', 'bought $BRK.B today', ['BRK.B']],
    ['deduplicated, in order of first mention', 'QQQ then $SPX then SPX then $qqq', ['QQQ', 'SPX']],
    ['punctuation around symbols', '(NDX), "RUT"; SPY.', ['NDX', 'RUT', 'SPY']],
    ['a cashtag glued to a word is not one', 'US$SPX', []],
  ];
  for (const [name, text, expected] of cases) {
    it(`finds ${name}`, () => expect(extractTickers(text, WATCHED)).toEqual(expected));
  }

  it('matches extra configured symbols and escapes them', () => {
    expect(extractTickers('ES=F and ^GSPC', ['ES', '^GSPC'])).toEqual(['ES', '^GSPC']);
  });
});
