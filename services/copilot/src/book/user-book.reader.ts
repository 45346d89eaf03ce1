import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JournalPosition, SavedPositionDto } from '@marketswarm/shared/dto';
import { snapshotField } from '@marketswarm/shared/events';
import { decodeBookEntry } from './book-entry.decoder.js';

/** What a user holds and considers: the journal's open trades and saved what-if positions. */
export interface UserBook {
  openTrades: JournalPosition[];
  savedPositions: SavedPositionDto[];
}

/** The journal's per-user snapshot hashes in system Redis (truth routes `positions` and `risk-graph` to these). */
export interface UserBookKeys {
  positions: string;
  riskGraph: string;
}

export const DEFAULT_USER_BOOK_KEYS: UserBookKeys = {
  positions: '{system}:snapshot:positions',
  riskGraph: '{system}:snapshot:risk-graph',
};

/**
 * Reads a user's book from the snapshots the journal keeps after every change, not from the
 * journal's API: the copilot needs it on every tick of commentary and alerts, and the snapshot is
 * the same list the user's tabs show. A malformed snapshot reads as empty (or without its bad
 * entries) and is logged; only a Redis failure throws.
 */
export class UserBookReader {
  constructor(
    private readonly system: Pick<Redis, 'hget'>,
    private readonly logger?: Logger,
    private readonly keys: UserBookKeys = DEFAULT_USER_BOOK_KEYS,
  ) {}

  async read(userId: string): Promise<UserBook> {
    const [positionsText, riskGraphText] = await Promise.all([
      this.system.hget(this.keys.positions, snapshotField('positions', {}, userId)),
      this.system.hget(this.keys.riskGraph, snapshotField('risk-graph', {}, userId)),
    ]);
    const open = decodeBookEntry('positions', userId, positionsText);
    const saved = decodeBookEntry('risk-graph', userId, riskGraphText);
    if (open.problems.length > 0) this.logger?.warn({ userId, key: this.keys.positions, problems: open.problems }, 'skipped malformed open positions in the snapshot');
    if (saved.problems.length > 0) this.logger?.warn({ userId, key: this.keys.riskGraph, problems: saved.problems }, 'skipped malformed saved positions in the snapshot');
    return { openTrades: open.items, savedPositions: saved.items };
  }
}
