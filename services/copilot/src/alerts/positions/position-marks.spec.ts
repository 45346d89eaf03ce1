import { describe, expect, it } from 'vitest';
import { bsGreeks } from '@marketswarm/shared/pricing';
import { expiryCloseOf, type OptionMids } from '@marketswarm/shared/models';
import { openCallVertical, savedPutButterfly } from '../../book/user-book.fixtures.js';
import type { UserBook } from '../../book/user-book.reader.js';
import { optionKeyOf } from './heatmap-models.js';
import { greeksAlert, pnlAlert, spreadDebitAlert } from './position-alert.fixtures.js';
import { markOf, positionOptions, watchedPosition, type MarkMarket } from './position-marks.js';

const DATE = '2026-12-07';
const book: UserBook = { openTrades: [openCallVertical()], savedPositions: [savedPutButterfly()] };

/** A market of SPX mids (and IVs) by option: `call:6000` → 15. */
function market(mids: Record<string, number>, options: { ivs?: Record<string, number>; spot?: number; now?: number } = {}): MarkMarket {
  const keyed = (table: Record<string, number>) => new Map(Object.entries(table).map(([k, v]) => {
    const [right, strike] = k.split(':');
    return [optionKeyOf({ expiry: DATE, right: right as 'call' | 'put', strike: Number(strike) }), v];
  }));
  const midMap: OptionMids = keyed(mids);
  const ivMap = keyed(options.ivs ?? {});
  return {
    mids: (symbol) => (symbol === 'SPX' ? midMap : new Map()),
    iv: (symbol, ref) => (symbol === 'SPX' ? ivMap.get(optionKeyOf(ref)) : undefined),
    spot: (symbol) => (symbol === 'SPX' ? options.spot : undefined),
    now: options.now ?? Date.UTC(2026, 11, 7, 15),
  };
}

describe(watchedPosition.name, () => {
  it('finds a saved position by positionId and an open trade by tradeId, and nothing once it left the book', () => {
    expect(watchedPosition(spreadDebitAlert(), book)?.kind).toBe('saved');
    expect(watchedPosition(pnlAlert(), book)?.kind).toBe('open');
    expect(watchedPosition(pnlAlert({ tradeId: 'closed' }), book)).toBeUndefined();
  });
});

describe(positionOptions.name, () => {
  it('names the underlying\'s heatmap and every option leg of the position', () => {
    const watched = watchedPosition(pnlAlert(), book);
    expect(watched && positionOptions(watched)).toEqual({ symbol: 'SPX', options: [{ expiry: DATE, strike: 6000, right: 'call' }, { expiry: DATE, strike: 6010, right: 'call' }] });
  });
});

describe(markOf.name, () => {
  it('prices a saved 5970/5980/5990 put fly as 1 × 4.1 − 2 × 2.6 + 1 × 1.3 = 0.2 debit', () => {
    const watched = watchedPosition(spreadDebitAlert(), book);
    expect(watched && markOf(spreadDebitAlert(), watched, market({ 'put:5990': 4.1, 'put:5980': 2.6, 'put:5970': 1.3 }))).toBe(0.2);
  });

  it('has no mark while a leg has no mid', () => {
    const watched = watchedPosition(spreadDebitAlert(), book);
    expect(watched && markOf(spreadDebitAlert(), watched, market({ 'put:5990': 4.1, 'put:5980': 2.6 }))).toBeUndefined();
  });

  it('counts an open 6000/6010 call vertical ×2 bought at 12.5 − 8 = 4.5: at 16 − 9 = 7 it made (7 − 4.5) × 2 × 100 = 500 dollars', () => {
    const watched = watchedPosition(pnlAlert(), book);
    expect(watched && markOf(pnlAlert(), watched, market({ 'call:6000': 16, 'call:6010': 9 }))).toBe(500);
  });

  it('marks an open trade\'s legs from its underlying whatever the leg\'s own symbol (an OCC symbol from an order fill)', () => {
    const trade = openCallVertical();
    const occ = { ...trade, legs: trade.legs.map((leg) => ({ ...leg, symbol: `SPX   261207C0${leg.strike ?? 0}000` })) };
    const alert = pnlAlert();
    expect(markOf(alert, { kind: 'open', position: occ }, market({ 'call:6000': 16, 'call:6010': 9 }))).toBe(500);
  });

  it('counts a saved fly of 3 bought at 1.4, now 0.2: (0.2 − 1.4) × 3 × 100 = −360 dollars', () => {
    const alert = pnlAlert({ positionId: 'saved-1', tradeId: null });
    const watched = watchedPosition(alert, book);
    expect(watched && markOf(alert, watched, market({ 'put:5990': 4.1, 'put:5980': 2.6, 'put:5970': 1.3 }))).toBe(-360);
  });

  it('gives the open vertical\'s delta as 2 × (Δ6000 − Δ6010) at the tiles\' IVs and the last spot', () => {
    const now = Date.UTC(2026, 11, 7, 15);
    const watched = watchedPosition(greeksAlert(), book);
    const mark = watched && markOf(greeksAlert(), watched, market({}, { ivs: { 'call:6000': 0.2, 'call:6010': 0.19 }, spot: 6005, now }));
    const time = ((expiryCloseOf(DATE) ?? 0) - now) / (365 * 86_400_000);
    const d = (strike: number, vol: number) => bsGreeks({ type: 'call', spot: 6005, strike, time, rate: 0.045, vol }).delta;
    expect(mark).toBeCloseTo(2 * (d(6000, 0.2) - d(6010, 0.19)), 6);
  });

  it('has no greek without a spot or without a leg\'s IV', () => {
    const watched = watchedPosition(greeksAlert(), book);
    expect(watched && markOf(greeksAlert(), watched, market({}, { ivs: { 'call:6000': 0.2, 'call:6010': 0.19 } }))).toBeUndefined();
    expect(watched && markOf(greeksAlert(), watched, market({}, { ivs: { 'call:6000': 0.2 }, spot: 6005 }))).toBeUndefined();
  });
});
