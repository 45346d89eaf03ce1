import { describe, expect, it } from 'vitest';
import type { InternalAlertDto } from '@marketswarm/shared/dto';
import { AlertBook, mayFire } from './alert-book.js';
import { CrossingIndex } from './index/crossing-index.js';

const price = (id: string, userId: string, level: number, behaviour: 'once' | 'repeat' | 'remove-on-hit' = 'once', extra: Partial<InternalAlertDto> = {}): InternalAlertDto =>
  ({ id, userId, label: null, behaviour, cooldownSec: behaviour === 'repeat' ? 60 : null, enabled: true, createdAt: 1, updatedAt: 1, lastFiredAt: null, hitCount: 0, kind: 'price', symbol: 'SPX', level, direction: 'cross', source: 'manual', sourceRef: null, ...extra }) as InternalAlertDto;

describe(AlertBook.name, () => {
  it('answers the price alerts a gap passed through, in the order the price met them', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('a', 'u1', 5010), price('b', 'u2', 5005), price('c', 'u1', 5030)], []);
    expect(book.crossed('SPX', 5000, 5020, 1).map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('stops evaluating a once alert after its hit and holds a repeating one through its cooldown', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('once', 'u1', 5010), price('rep', 'u1', 5010, 'repeat')], []);
    book.afterHit('once', 1_000);
    book.afterHit('rep', 1_000);
    expect(book.crossed('SPX', 5000, 5020, 30_000).map((a) => a.id)).toEqual([]);
    expect(book.crossed('SPX', 5000, 5020, 61_000).map((a) => a.id)).toEqual(['rep']);
  });

  it('replaces one user\'s alerts without touching another\'s, answering the ids that are gone', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('a', 'u1', 5010), price('b', 'u2', 5010)], []);
    expect(book.replaceUser('u1', [price('a2', 'u1', 5010)], [])).toEqual(['a']);
    expect(book.crossed('SPX', 5000, 5020, 1).map((a) => a.id).sort()).toEqual(['a2', 'b']);
  });
});

describe(mayFire.name, () => {
  it('lets a repeating alert fire again once its cooldown has passed since the last hit', () => {
    const alert = price('r', 'u', 1, 'repeat', { lastFiredAt: 10_000 });
    expect(mayFire(alert, 69_999)).toBe(false);
    expect(mayFire(alert, 70_000)).toBe(true);
  });
});
