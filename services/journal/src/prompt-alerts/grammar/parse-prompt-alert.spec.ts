import { describe, expect, it } from 'vitest';
import type { PromptAlertCondition } from '@marketswarm/shared/dto';
import { parsePromptAlert } from './parse-prompt-alert.js';
import { tokenize } from './tokenize.js';

const price = (symbol: PromptAlertCondition['symbol'], comparator: PromptAlertCondition['comparator'], target: number | PromptAlertCondition['target']): PromptAlertCondition => ({
  symbol,
  metric: 'price',
  comparator,
  target: typeof target === 'number' ? { kind: 'number', value: target } : target,
  warnWithinPercent: 0.25,
});
const close = (symbol: PromptAlertCondition['symbol'], comparator: PromptAlertCondition['comparator'], target: number | PromptAlertCondition['target']): PromptAlertCondition => ({ ...price(symbol, comparator, target), metric: 'close' });
const pnl = (comparator: PromptAlertCondition['comparator'], value: number): PromptAlertCondition => ({ symbol: null, metric: 'pnl', comparator, target: { kind: 'number', value }, warnWithinPercent: 10 });
const level = (name: 'call-wall' | 'put-wall' | 'zero-gamma' | 'max-pain') => ({ kind: 'level' as const, level: name });

describe(parsePromptAlert.name, () => {
  const ok: [string, PromptAlertCondition[]][] = [
    ['alert me if SPX closes above the call wall with VIX under 15', [close('SPX', 'above', level('call-wall')), price('VIX', 'below', 15)]],
    ['SPX crosses 5000', [price('SPX', 'crosses', 5000)]],
    ['notify me when NDX drops below 17,800', [price('NDX', 'below', 17_800)]],
    ['if my position P&L reaches 500', [pnl('reaches', 500)]],
    ['when SPY trades above the zero gamma', [price('SPY', 'above', level('zero-gamma'))]],
    ['spx crosses above 5,012.50.', [price('SPX', 'above', 5012.5)]],
    ['let me know as soon as QQQ hits the put wall', [price('QQQ', 'reaches', level('put-wall'))]],
    ['RUT is at max pain', [price('RUT', 'reaches', level('max-pain'))]],
    ['when SPX rallies through the gamma flip and VIX is below 14', [price('SPX', 'above', level('zero-gamma')), price('VIX', 'below', 14)]],
    ['tell me once SPY settles below 480, and my P&L drops below -$250', [close('SPY', 'below', 480), pnl('below', -250)]],
    ['whenever my trades pnl exceeds 1,000 & NDX over the zero gamma level', [pnl('above', 1000), price('NDX', 'above', level('zero-gamma'))]],
    ['SPX breaks 4950 while VIX climbs over 20!', [price('SPX', 'crosses', 4950), price('VIX', 'above', 20)]],
  ];

  it.each(ok)('reads "%s"', (text, conditions) => {
    expect(parsePromptAlert(text)).toEqual({ ok: true, rule: { conditions } });
  });

  const notOk: [string, number, string][] = [
    ['alert me when frobnicate crosses 5000', 14, 'could not understand "frobnicate" at 14: expected a symbol (SPX, NDX, SPY, QQQ, RUT, VIX) or "my P&L"'],
    ['AAPL crosses 200', 0, 'could not understand "AAPL" at 0: expected a symbol (SPX, NDX, SPY, QQQ, RUT, VIX) or "my P&L"'],
    ['SPX frobnicates 5000', 4, 'could not understand "frobnicates" at 4: expected how the price moves ("crosses", "closes above", "trades below", "drops below", "reaches", "above", "under")'],
    ['SPX closes 5000', 11, 'could not understand "5000" at 11: expected "above" or "below"'],
    ['SPX crosses the moon', 16, 'could not understand "moon" at 16: expected a price (such as 5000) or a level (call wall, put wall, zero gamma, max pain)'],
    ['SPX crosses the call', 20, 'the sentence ended at 20: expected "wall"'],
    ['SPX crosses 5000 or VIX under 15', 17, 'could not understand "or" at 17: expected "and", "with" or the end of the sentence'],
    ['if my P&L reaches the call wall', 18, 'could not understand "the" at 18: expected an amount (such as 500)'],
    ['if my portfolio reaches 500', 6, 'could not understand "portfolio" at 6: expected "P&L"'],
    ['SPX drops above 5000', 10, 'could not understand "above" at 10: expected "below", "under" or "to"'],
    ['SPX trades 5000', 11, 'could not understand "5000" at 11: expected "above", "below" or "at"'],
    ['SPX crosses -5', 12, 'could not understand "-5" at 12: expected a price (such as 5000) or a level (call wall, put wall, zero gamma, max pain)'],
    ['alert SPX crosses 5000', 6, 'could not understand "SPX" at 6: expected "me"'],
    ['SPX crosses 5000 #now', 17, 'could not understand "#now" at 17: expected "and", "with" or the end of the sentence'],
    ['when SPX', 8, 'the sentence ended at 8: expected how the price moves ("crosses", "closes above", "trades below", "drops below", "reaches", "above", "under")'],
    ['SPX crosses 5000 and', 20, 'the sentence ended at 20: expected a symbol (SPX, NDX, SPY, QQQ, RUT, VIX) or "my P&L"'],
  ];

  it.each(notOk)('refuses "%s" at %i naming what was expected', (text, at, message) => {
    expect(parsePromptAlert(text)).toEqual({ ok: false, at, message });
  });

  it('reads the same sentence to the same rule every time', () => {
    const text = 'alert me if SPX closes above the call wall with VIX under 15';
    expect(parsePromptAlert(text)).toEqual(parsePromptAlert(text));
  });
});

describe(tokenize.name, () => {
  it('reads thousands separators, decimals, signs and dollars as one number', () => {
    expect(tokenize('17,800 5012.5 -$250 $1,000').map((t) => (t.kind === 'number' ? t.value : t.text))).toEqual([17_800, 5012.5, -250, 1000]);
  });

  it('keeps a comma between a number and a word as a mark, and P&L as one word', () => {
    expect(tokenize('480, and my P&L').map((t) => t.kind)).toEqual(['number', 'mark', 'word', 'word', 'word']);
  });

  it('gives every token the character where it starts', () => {
    expect(tokenize('SPX  crosses 5000').map((t) => t.start)).toEqual([0, 5, 13]);
  });
});
