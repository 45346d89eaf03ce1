import { describe, expect, it } from 'vitest';
import { PriorCloses } from './prior-closes.js';

describe(PriorCloses.name, () => {
  it('knows no prior close while only one session has been seen', () => {
    const closes = new PriorCloses();
    expect(closes.observe('SPX', 5000, '2026-03-02')).toBeUndefined();
    expect(closes.observe('SPX', 5010, '2026-03-02')).toBeUndefined();
    expect(closes.lastPrice('SPX')).toBe(5010);
  });

  it("takes the last price of a session as the next session's prior close", () => {
    const closes = new PriorCloses();
    closes.observe('SPX', 5000, '2026-03-02');
    closes.observe('SPX', 5012.5, '2026-03-02');
    expect(closes.observe('SPX', 5020, '2026-03-03')).toBe(5012.5);
    expect(closes.observe('SPX', 4990, '2026-03-03')).toBe(5012.5);
    expect(closes.observe('SPX', 4980, '2026-03-04')).toBe(4990);
  });

  it('keeps each symbol apart', () => {
    const closes = new PriorCloses();
    closes.observe('SPX', 5000, '2026-03-02');
    closes.observe('NDX', 17_500, '2026-03-02');
    closes.observe('SPX', 5001, '2026-03-03');
    expect(closes.prevClose('SPX')).toBe(5000);
    expect(closes.prevClose('NDX')).toBeUndefined();
  });

  it('ignores a late price of an older session', () => {
    const closes = new PriorCloses();
    closes.observe('SPX', 5000, '2026-03-02');
    closes.observe('SPX', 5010, '2026-03-03');
    expect(closes.observe('SPX', 1, '2026-03-02')).toBe(5000);
    expect(closes.lastPrice('SPX')).toBe(5010);
  });

  it('keeps the prior close a restored tick of the same session was published with', () => {
    const closes = new PriorCloses();
    closes.restore('SPX', { price: 5005, session: '2026-03-03', prevClose: 4999 });
    expect(closes.observe('SPX', 5006, '2026-03-03')).toBe(4999);
  });

  it('rolls a restored tick of an earlier session over into the prior close on the next session', () => {
    const closes = new PriorCloses();
    closes.restore('SPX', { price: 5005, session: '2026-03-02', prevClose: 4999 });
    expect(closes.observe('SPX', 5006, '2026-03-03')).toBe(5005);
  });

  it('lets the spot snapshot fill in a prior close the trimmed candles no longer show', () => {
    const closes = new PriorCloses();
    closes.observe('SPX', 5001, '2026-03-03'); // only today's candles are left in the stream
    closes.restore('SPX', { price: 5003, session: '2026-03-03', prevClose: 4990 });
    expect(closes.prevClose('SPX')).toBe(4990);
    expect(closes.lastPrice('SPX')).toBe(5003);
  });

  it("recalls an earlier session's close from history behind today's prices as the missing prior close", () => {
    const closes = new PriorCloses();
    closes.observe('SPX', 5003, '2026-03-03');
    closes.recall('SPX', 4980, '2026-03-02');
    closes.recall('SPX', 4985, '2026-03-02');
    closes.recall('SPX', 4999, '2026-03-03'); // earlier today than the known price
    expect(closes.prevClose('SPX')).toBe(4985);
    expect(closes.lastPrice('SPX')).toBe(5003);
    expect(closes.observe('SPX', 5004, '2026-03-03')).toBe(4985);
  });

  it('never lets recalled history replace a prior close known from the stream or the snapshot', () => {
    const closes = new PriorCloses();
    closes.restore('SPX', { price: 5003, session: '2026-03-03', prevClose: 4990 });
    closes.recall('SPX', 4985, '2026-03-02');
    expect(closes.prevClose('SPX')).toBe(4990);
  });

  it('takes recalled history of a session after the known one as new prices', () => {
    const closes = new PriorCloses();
    closes.recall('SPX', 4985, '2026-03-02');
    closes.recall('SPX', 5001, '2026-03-03');
    expect([closes.prevClose('SPX'), closes.lastPrice('SPX')]).toEqual([4985, 5001]);
  });
});
