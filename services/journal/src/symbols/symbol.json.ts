import type { SymbolDto } from '@marketswarm/shared/dto';
import { microsToNumber } from '../database/money.js';
import type { UserSymbol } from './symbols.repository.js';

export function symbolJson(symbol: UserSymbol): SymbolDto {
  return { symbol: symbol.symbol, assetClass: symbol.assetClass, multiplier: microsToNumber(symbol.multiplierMicros), tickSize: microsToNumber(symbol.tickSizeMicros), source: symbol.source };
}
