import { describe, expect, it } from 'vitest';
import type { InternalAlertDto, InternalPromptAlertDto } from '@marketswarm/shared/dto';
import { AlertBook, mayFire } from './alert-book.js';
import { CrossingIndex, type CrossingEntry } from './index/crossing-index.js';

/** The real index, counting what a reload does to it. */
class CountingIndex extends CrossingIndex {
  writes = 0;
  override upsert(entry: CrossingEntry): void {
    this.writes++;
    super.upsert(entry);
  }
  override remove(id: string): void {
    this.writes++;
    super.remove(id);
  }
}

const price = (id: string, userId: string, level: number, behaviour: 'once' | 'repeat' | 'remove-on-hit' = 'once', extra: Partial<InternalAlertDto> = {}): InternalAlertDto =>
  ({ id, userId, label: null, behaviour, cooldownSec: behaviour === 'repeat' ? 60 : null, enabled: true, createdAt: 1, updatedAt: 1, lastFiredAt: null, hitCount: 0, kind: 'price', symbol: 'SPX', level, direction: 'cross', source: 'manual', sourceRef: null, ...extra }) as InternalAlertDto;

describe(AlertBook.name, () => {
  it('leaves the index alone when a full reload brings the same alerts, and updates only the one that changed', () => {
    const index = new CountingIndex();
    const book = new AlertBook(index);
    const list = () => [price('a', 'u1', 5010), price('b', 'u2', 5005), price('c', 'u1', 5030)];
    book.replaceAll(list(), []);
    index.writes = 0;
    expect(book.replaceAll(list(), [])).toEqual([]);
    expect(index.writes).toBe(0);
    const edited = list().map((a) => (a.id === 'b' ? price('b', 'u2', 5025, 'once', { updatedAt: 2 }) : a));
    expect(book.replaceAll(edited.filter((a) => a.id !== 'c'), [])).toEqual(['c']);
    expect(book.crossed('SPX', 5000, 5040, 1).map((a) => a.id)).toEqual(['a', 'b']);
  });

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

  it('puts a once alert back when its batch fails before the hit is settled, so the batch read again fires it', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('once', 'u1', 5010), price('gone', 'u1', 5012, 'remove-on-hit')], []);
    for (const alert of book.crossed('SPX', 5000, 5020, 1_000)) book.afterHit(alert.id, 1_000);
    expect(book.crossed('SPX', 5000, 5020, 1_000)).toEqual([]);
    book.rollback();
    expect(book.crossed('SPX', 5000, 5020, 1_000).map((a) => a.id)).toEqual(['once', 'gone']);
  });

  it('gives a repeating alert back the last hit it had when its batch fails', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('rep', 'u1', 5010, 'repeat', { lastFiredAt: 500 })], []);
    book.afterHit('rep', 100_000);
    book.rollback();
    expect(book.get('rep')?.lastFiredAt).toBe(500);
    expect(book.crossed('SPX', 5000, 5020, 100_000).map((a) => a.id)).toEqual(['rep']);
  });

  it('keeps a settled batch\'s hits: a later failure rolls back only its own', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('a', 'u1', 5010), price('b', 'u2', 5030)], []);
    book.afterHit('a', 1_000);
    book.settle();
    book.afterHit('b', 2_000);
    book.rollback();
    expect(book.crossed('SPX', 5000, 5040, 3_000).map((a) => a.id)).toEqual(['b']);
  });

  it('rolls back a prompt alert\'s stage, and an accomplished one comes back to evaluation', () => {
    const book = new AlertBook(new CrossingIndex());
    const prompt = { id: 'p', userId: 'u1', enabled: true, stage: 'watching', rule: { conditions: [{ symbol: 'SPX' }] } } as unknown as InternalPromptAlertDto;
    book.replaceAll([], [prompt]);
    book.afterStage('p', 'warning');
    book.afterStage('p', 'accomplished');
    expect(book.prompt('p')).toBeUndefined();
    book.rollback();
    expect(book.prompt('p')?.stage).toBe('watching');
    expect([...book.promptAlerts('SPX')].map((p) => p.id)).toEqual(['p']);
  });

  it('does not undo over a user\'s reload: the journal\'s copy already holds or refused the hit', () => {
    const book = new AlertBook(new CrossingIndex());
    book.replaceAll([price('a', 'u1', 5010)], []);
    book.afterHit('a', 1_000);
    book.replaceUser('u1', [price('a', 'u1', 5010, 'once', { enabled: false })], []);
    book.rollback();
    expect(book.get('a')).toBeUndefined();
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
