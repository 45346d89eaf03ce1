import type { TradeLogDto } from '@marketswarm/shared/dto';
import { microsToNumber } from '../database/money.js';
import type { TradeLog } from './trade-logs.repository.js';

/** A trade log as JSON: the starting capital as a decimal number in the log's currency. */
export function tradeLogJson(log: TradeLog): TradeLogDto {
  return {
    id: log.id,
    name: log.name,
    currency: log.currency,
    startingCapital: microsToNumber(log.startingCapitalMicros),
    isDefault: log.isDefault,
    archivedAt: log.archivedAt,
    createdAt: log.createdAt,
    updatedAt: log.updatedAt,
  };
}
