import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';

/** Test data: an SPX call vertical as the journal publishes an open trade on `positions`. */
export function openCallVertical(overrides: Partial<JournalPosition> = {}): JournalPosition {
  return {
    id: 'trade-1',
    logId: 'log-1',
    symbol: 'SPX',
    strategy: 'vertical',
    side: 'long',
    quantity: 2,
    openedAt: Date.UTC(2026, 11, 7, 15, 0),
    legs: [
      { kind: 'option', symbol: 'SPX', expiry: '2026-12-07', strike: 6000, right: 'C', side: 'buy', quantity: 2, openPrice: 12.5, multiplier: 100 },
      { kind: 'option', symbol: 'SPX', expiry: '2026-12-07', strike: 6010, right: 'C', side: 'sell', quantity: 2, openPrice: 8, multiplier: 100 },
    ],
    ...overrides,
  };
}

/** Test data: an SPX put butterfly as the journal publishes a saved what-if on `risk-graph`. */
export function savedPutButterfly(overrides: Partial<SavedPositionDto> = {}): SavedPositionDto {
  return {
    id: 'saved-1',
    name: 'Pin fly',
    symbol: 'SPX',
    legs: [
      { expiry: '2026-12-07', strike: 5990, right: 'put', ratio: 1 },
      { expiry: '2026-12-07', strike: 5980, right: 'put', ratio: -2 },
      { expiry: '2026-12-07', strike: 5970, right: 'put', ratio: 1 },
    ],
    quantity: 3,
    entryPrice: 1.4,
    createdAt: Date.UTC(2026, 11, 7, 14, 0),
    updatedAt: Date.UTC(2026, 11, 7, 14, 0),
    ...overrides,
  };
}
