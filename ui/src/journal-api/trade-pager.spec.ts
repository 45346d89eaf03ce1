import { describe, expect, it } from 'vitest';
import type { TradePageDto } from '@marketswarm/shared/dto';
import { trade } from './testing/journal-fixtures';
import { firstStep, mergeSteps, readStep } from './trade-pager';

describe('reading every page of several logs', () => {
  const pages: Record<string, TradePageDto> = {
    'A:first': { trades: [trade({ id: 'a1' }), trade({ id: 'a2' })], nextCursor: 'ca' },
    'A:ca': { trades: [trade({ id: 'a3' })], nextCursor: null },
    'B:first': { trades: [trade({ id: 'b1' })], nextCursor: null },
  };
  const fetchPage = (logId: string, cursor: string | undefined) => Promise.resolve(pages[`${logId}:${cursor ?? 'first'}`]!);

  it('fetches the first page of every log at once, then only the logs with pages left', async () => {
    const one = await readStep(firstStep(['A', 'B']), fetchPage);
    expect(one.trades.map((t) => t.id)).toEqual(['a1', 'a2', 'b1']);
    expect(one.next).toEqual([{ logId: 'A', cursor: 'ca' }]);
    const two = await readStep(one.next, fetchPage);
    expect(two.trades.map((t) => t.id)).toEqual(['a3']);
    expect(two.next).toEqual([]);
    expect(mergeSteps([one, two]).map((t) => t.id)).toEqual(['a1', 'a2', 'b1', 'a3']);
  });

  it('keeps a trade once when two steps both hold it', () => {
    const step = { trades: [trade({ id: 'x' })], next: [] };
    expect(mergeSteps([step, step]).map((t) => t.id)).toEqual(['x']);
  });
});
