import { journalPositionSchema, savedPositionSchema } from '@marketswarm/shared/dto';
import type { StreamHub } from '../stream/stream-hub';
import type { WhatIfStore } from './what-if-store';

/**
 * Feeds the book from the user's `positions` (open trades) and `risk-graph` (saved positions)
 * topics. The event contract checks only each item's id; each item is checked against the journal's
 * schema here and a malformed one is skipped (and logged), not the whole list.
 */
export function connectRiskBook(hub: StreamHub, book: WhatIfStore): () => void {
  const offs = [
    hub.on('positions', (e) => book.setOpen(parseEach(e.data.positions, (x) => journalPositionSchema.safeParse(x), 'positions'))),
    hub.on('risk-graph', (e) => book.setSaved(parseEach(e.data.positions, (x) => savedPositionSchema.safeParse(x), 'risk-graph'))),
  ];
  return () => offs.forEach((off) => off());
}

type Parsed<T> = { success: true; data: T } | { success: false; error: unknown };

export function parseEach<T>(items: readonly unknown[], parse: (item: unknown) => Parsed<T>, topic: string): T[] {
  const out: T[] = [];
  for (const item of items) {
    const r = parse(item);
    if (r.success) out.push(r.data);
    else console.warn(`skipped a malformed ${topic} position`, r.error);
  }
  return out;
}
