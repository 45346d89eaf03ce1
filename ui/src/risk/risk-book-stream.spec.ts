import type { TopicName, TypedEvent } from '@marketswarm/shared/events';
import { describe, expect, it } from 'vitest';
import type { StreamHub } from '../stream/stream-hub';
import { connectRiskBook } from './risk-book-stream';
import { WhatIfStore } from './what-if-store';

/** Only what connectRiskBook uses of the hub: topic listeners, and a way to deliver an event to them. */
function topicHub() {
  const listeners = new Map<string, Set<(e: TypedEvent) => void>>();
  const hub = {
    on(topic: TopicName, fn: (e: TypedEvent) => void) {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set);
      set.add(fn);
      return () => set.delete(fn);
    },
  };
  const deliver = (topic: TopicName, data: unknown): void => listeners.get(topic)?.forEach((fn) => fn({ topic, type: 'snapshot', ts: 1, data } as TypedEvent));
  return { hub: hub as unknown as StreamHub, deliver, count: () => [...listeners.values()].reduce((a, s) => a + s.size, 0) };
}

const trade = { id: 't1', logId: 'l1', symbol: 'SPX', strategy: 'long call', side: 'long', quantity: 1, openedAt: 1, legs: [] };
const saved = { id: 's1', name: 'fly', symbol: 'SPX', legs: [{ expiry: '2026-01-02', strike: 5000, right: 'call', ratio: 1 }], quantity: 1, entryPrice: 2, createdAt: 1, updatedAt: 1 };

describe('connectRiskBook', () => {
  it('replaces the open trades and saved positions with each list the topics bring', () => {
    const { hub, deliver } = topicHub();
    const book = new WhatIfStore();
    connectRiskBook(hub, book);
    deliver('positions', { positions: [trade] });
    deliver('risk-graph', { positions: [saved] });
    expect(book.getOpen().map((p) => p.id)).toEqual(['t1']);
    expect(book.getSaved().map((p) => p.id)).toEqual(['s1']);
    deliver('risk-graph', { positions: [] });
    expect(book.getSaved()).toEqual([]);
  });

  it('stops listening when disconnected', () => {
    const { hub, count } = topicHub();
    const off = connectRiskBook(hub, new WhatIfStore());
    expect(count()).toBe(2);
    off();
    expect(count()).toBe(0);
  });
});

describe('WhatIfStore visibility', () => {
  it('hides and shows a position by its risk id, with a new set only on a change', () => {
    const book = new WhatIfStore();
    const before = book.getHidden();
    book.setVisible('saved:s1', true);
    expect(book.getHidden()).toBe(before);
    book.setVisible('saved:s1', false);
    expect([...book.getHidden()]).toEqual(['saved:s1']);
    book.setVisible('saved:s1', true);
    expect(book.getHidden().size).toBe(0);
  });
});
