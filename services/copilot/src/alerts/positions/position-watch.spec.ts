import { describe, expect, it } from 'vitest';
import type { InternalPromptAlertDto } from '@marketswarm/shared/dto';
import { makeTile, type HeatmapPayload, type HeatmapTile } from '@marketswarm/shared/models';
import { openCallVertical, savedPutButterfly } from '../../book/user-book.fixtures.js';
import type { UserBook } from '../../book/user-book.reader.js';
import { AlertBook } from '../alert-book.js';
import { emptyChanges } from '../engine-state.store.js';
import { CrossingIndex } from '../index/crossing-index.js';
import type { MarkMarket } from './position-marks.js';
import { greeksAlert, pnlAlert, spreadDebitAlert } from './position-alert.fixtures.js';
import { PositionWatch } from './position-watch.js';

// The fixtures' options expire 2026-12-07, 16:00 New York (21:00 UTC).
const EXPIRY = Date.UTC(2026, 11, 7, 21);

const single = (right: 'call' | 'put', strike: number, mid: number): HeatmapTile => {
  const tile = makeTile(right === 'call' ? 'single-call' : 'single-put', 0, 0, strike, mid, EXPIRY);
  if (!tile) throw new Error('no tile');
  return tile;
};
const payload = (version: number, kind: 'snapshot' | 'diff', tiles: HeatmapTile[]): HeatmapPayload => ({ symbol: 'SPX', version, kind, tiles: Object.fromEntries(tiles.map((t) => [t.key, t])), removed: [] });
const pnlPrompt: InternalPromptAlertDto = {
  id: 'p-pnl',
  userId: 'u1',
  text: 'if my position P&L reaches 500',
  rule: { conditions: [{ symbol: null, metric: 'pnl', comparator: 'reaches', target: { kind: 'number', value: 500 }, warnWithinPercent: 10 }] },
  stage: 'watching',
  stageChangedAt: null,
  enabled: true,
  createdAt: 1,
  updatedAt: 1,
};

/** A watch over u1's book (the fixtures' open 6000/6010 call vertical ×2 and saved 5970/5980/5990 put fly ×3). */
function setup(book: UserBook = { openTrades: [openCallVertical()], savedPositions: [savedPutButterfly()] }) {
  const alerts = new AlertBook(new CrossingIndex());
  const watch = new PositionWatch(alerts, { read: (user) => Promise.resolve(user === 'u1' ? book : { openTrades: [], savedPositions: [] }) });
  const market = (now: number): MarkMarket => ({ mids: (s) => watch.heatmap.mids(s), iv: (s, ref) => watch.heatmap.iv(s, ref), spot: () => undefined, now });
  return { alerts, watch, market };
}

describe(PositionWatch.name, () => {
  it('re-marks only the position alerts whose options a diff changed', async () => {
    const { alerts, watch, market } = setup();
    alerts.replaceAll([spreadDebitAlert({ target: 0.5, direction: 'above' }), pnlAlert({ target: 100, direction: 'above', behaviour: 'repeat', cooldownSec: 60 })], []);
    await watch.reloadAll();
    watch.onHeatmap(payload(1, 'snapshot', [single('put', 5990, 4), single('put', 5980, 2.6), single('put', 5970, 1.3), single('call', 6000, 12.5), single('call', 6010, 8)]), market(1), 1, emptyChanges());
    // Only the 6000 call moves: the vertical is worth 16 − 8 = 8, (8 − 4.5) × 2 × 100 = 700; the fly is not re-marked.
    const changes = emptyChanges();
    const evaluation = watch.onHeatmap(payload(2, 'diff', [single('call', 6000, 16)]), market(2), 2, changes);
    expect(evaluation !== 'gap' && evaluation.hits.map((hit) => [hit.alert.id, hit.mark])).toEqual([['a-pnl', 700]]);
    expect([...changes.marks.keys()]).toEqual(['a-pnl']);
  });

  it('fires a cross target only when the mark moved through it since the committed previous mark', async () => {
    const { alerts, watch, market } = setup();
    alerts.replaceAll([spreadDebitAlert({ target: 0.5, direction: 'cross', behaviour: 'repeat', cooldownSec: 10 })], []);
    await watch.reloadAll();
    const first = emptyChanges();
    watch.onHeatmap(payload(1, 'snapshot', [single('put', 5990, 4), single('put', 5980, 2.6), single('put', 5970, 1.3)]), market(1), 1, first);
    expect(first.marks.get('a-debit')).toBe(0.1); // 4 − 5.2 + 1.3, no previous mark: no cross
    watch.committed(first.marks);
    const evaluation = watch.onHeatmap(payload(2, 'diff', [single('put', 5990, 4.5)]), market(2), 2, emptyChanges());
    expect(evaluation !== 'gap' && evaluation.hits.map((hit) => hit.mark)).toEqual([0.6]);
  });

  it('forgets the mark of a once alert that fired, in the same batch, so its state does not outlive it', async () => {
    const { alerts, watch, market } = setup();
    alerts.replaceAll([spreadDebitAlert({ target: 0.5, direction: 'above' })], []);
    await watch.reloadAll();
    const changes = emptyChanges();
    // The fly at 4.5 − 2 × 2.6 + 1.3 = 0.6: above 0.5.
    const evaluation = watch.onHeatmap(payload(1, 'snapshot', [single('put', 5990, 4.5), single('put', 5980, 2.6), single('put', 5970, 1.3)]), market(1), 1, changes);
    expect(evaluation !== 'gap' && evaluation.hits.map((hit) => hit.alert.id)).toEqual(['a-debit']);
    expect(changes.marks.has('a-debit')).toBe(false);
    expect([...changes.forget]).toEqual(['a-debit']);
  });

  it('stops watching a position that left the book when the book is read again', async () => {
    const book: UserBook = { openTrades: [openCallVertical()], savedPositions: [] };
    const { alerts, watch, market } = setup(book);
    alerts.replaceAll([pnlAlert({ target: 100, direction: 'above' })], []);
    await watch.reloadAll();
    book.openTrades = [];
    await watch.reload(['u1']);
    const evaluation = watch.onHeatmap(payload(1, 'snapshot', [single('call', 6000, 16), single('call', 6010, 8)]), market(1), 1, emptyChanges());
    expect(evaluation).toEqual({ hits: [], prompts: [] });
  });

  it('reads a P&L prompt alert\'s subject as the sum of the open positions, with the previous mark', async () => {
    const { alerts, watch, market } = setup();
    alerts.replaceAll([], [pnlPrompt]);
    await watch.reloadAll();
    const first = emptyChanges();
    watch.onHeatmap(payload(1, 'snapshot', [single('call', 6000, 12.5), single('call', 6010, 8)]), market(1), 1, first);
    watch.committed(first.marks);
    const evaluation = watch.onHeatmap(payload(2, 'diff', [single('call', 6000, 15)]), market(2), 2, emptyChanges());
    // (15 − 8 − 4.5) × 2 × 100 = 500, from (12.5 − 8 − 4.5) × 200 = 0.
    expect(evaluation !== 'gap' && evaluation.prompts.map(({ prompt, current, previous }) => [prompt.id, current, previous])).toEqual([['p-pnl', 500, 0]]);
  });

  it('marks a diff read again after a failed commit at the model, finding the same hit', async () => {
    const { alerts, watch, market } = setup();
    alerts.replaceAll([spreadDebitAlert({ target: 0.5, direction: 'cross' })], []);
    await watch.reloadAll();
    const first = emptyChanges();
    watch.onHeatmap(payload(1, 'snapshot', [single('put', 5990, 4), single('put', 5980, 2.6), single('put', 5970, 1.3)]), market(1), 1, first);
    watch.committed(first.marks);
    const diff = payload(2, 'diff', [single('put', 5990, 4.5)]);
    // The first reading's hit went nowhere (its commit failed): the alert is still in the book.
    alerts.replaceAll([spreadDebitAlert({ target: 0.5, direction: 'cross' })], []);
    watch.onHeatmap(diff, market(2), 2, emptyChanges());
    alerts.replaceAll([spreadDebitAlert({ target: 0.5, direction: 'cross' })], []);
    const again = watch.onHeatmap(diff, market(2), 2, emptyChanges());
    expect(again !== 'gap' && again.hits.map((hit) => hit.mark)).toEqual([0.6]);
  });

  it('marks greeks alerts again on a tick of their underlying, at the new spot and the tiles\' IVs', async () => {
    const longCall = savedPutButterfly({ id: 'long-call', name: 'Long call', legs: [{ expiry: '2026-12-07', strike: 6000, right: 'call', ratio: 1 }], quantity: 1, entryPrice: 12.5 });
    const { alerts, watch } = setup({ openTrades: [], savedPositions: [longCall] });
    alerts.replaceAll([greeksAlert({ positionId: 'long-call', tradeId: null, greek: 'delta', op: 'above', value: 0.9 })], []);
    await watch.reloadAll();
    let spot = 6000;
    const market = (now: number): MarkMarket => ({ mids: (s) => watch.heatmap.mids(s), iv: (s, ref) => watch.heatmap.iv(s, ref), spot: () => spot, now });
    const tile = makeTile('single-call', 0, 0, 6000, 12.5, EXPIRY, 0.2);
    if (!tile) throw new Error('no tile');
    const now = Date.UTC(2026, 11, 7, 15); // six hours before the close
    const first = watch.onHeatmap(payload(1, 'snapshot', [tile]), market(now), now, emptyChanges());
    expect(first !== 'gap' && first.hits).toEqual([]); // at the money: delta about 0.5
    spot = 6100;
    expect(watch.onSpot('NDX', market(now + 1), now + 1, emptyChanges()).hits).toEqual([]);
    const ticked = watch.onSpot('SPX', market(now + 2), now + 2, emptyChanges());
    expect(ticked.hits.map((hit) => hit.alert.id)).toEqual(['a-greek']);
    expect(ticked.hits[0]?.mark).toBeGreaterThan(0.99);
  });

  it('asks for the snapshot when a diff does not follow the model', () => {
    const { watch, market } = setup();
    expect(watch.onHeatmap(payload(3, 'diff', [single('call', 6000, 15)]), market(1), 1, emptyChanges())).toBe('gap');
  });
});
