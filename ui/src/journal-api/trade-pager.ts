import type { TradeDto, TradePageDto } from '@marketswarm/shared/dto';

/**
 * Reading every trade of one or more logs through the keyset-paged `GET /api/logs/:id/trades`: each
 * step fetches the next page of every log that has one, in parallel, so the first step already shows
 * the newest page of each log and the rest arrive in the background.
 */

/** A log still to read, and where (`undefined`: its first page). */
export interface PendingLog {
  logId: string;
  cursor: string | undefined;
}

export interface PagerStep {
  trades: TradeDto[];
  /** The logs with pages left after this step; empty when everything is read. */
  next: PendingLog[];
}

export const firstStep = (logIds: readonly string[]): PendingLog[] => logIds.map((logId) => ({ logId, cursor: undefined }));

export async function readStep(
  pending: readonly PendingLog[],
  fetchPage: (logId: string, cursor: string | undefined) => Promise<TradePageDto>,
): Promise<PagerStep> {
  const pages = await Promise.all(pending.map(async ({ logId, cursor }) => ({ logId, page: await fetchPage(logId, cursor) })));
  return {
    trades: pages.flatMap(({ page }) => page.trades),
    next: pages.flatMap(({ logId, page }) => (page.nextCursor === null ? [] : [{ logId, cursor: page.nextCursor }])),
  };
}

/** The trades of every step read so far; a trade repeated across steps (it cannot be, with keyset pages, but a log read twice could) appears once. */
export function mergeSteps(steps: readonly PagerStep[]): TradeDto[] {
  const seen = new Set<string>();
  const trades: TradeDto[] = [];
  for (const step of steps) {
    for (const trade of step.trades) {
      if (seen.has(trade.id)) continue;
      seen.add(trade.id);
      trades.push(trade);
    }
  }
  return trades;
}
