import { Inject, Injectable } from '@nestjs/common';
import type { CreateSymbolBody, PutSymbolBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { toMinor } from '@marketswarm/shared/journal';
import { SymbolsRepository, normalizeSymbol, type UserSymbol } from './symbols.repository.js';

/**
 * Contract specs: the built-in defaults with the user's own overrides over them. POST adds an
 * override that does not exist yet, PUT sets one whatever was there, DELETE drops the user's own
 * (a default symbol falls back to its default). Only the user's own rows are ever touched.
 */
@Injectable()
export class SymbolsService {
  constructor(@Inject(SymbolsRepository) private readonly symbols: SymbolsRepository) {}

  list(userId: string): Promise<UserSymbol[]> {
    return this.symbols.list(userId);
  }

  async create(userId: string, body: CreateSymbolBody): Promise<UserSymbol> {
    const symbol = normalizeSymbol(body.symbol);
    if ((await this.symbols.get(userId, symbol))?.source === 'user') {
      throw new DomainError('conflict', `you have your own ${symbol} already; PUT /api/symbols/${symbol} changes it`, { issues: [{ path: 'symbol', message: 'has an override already' }] });
    }
    return this.put(userId, symbol, body);
  }

  put(userId: string, symbol: string, body: PutSymbolBody): Promise<UserSymbol> {
    return this.symbols.put(userId, { symbol: normalizeSymbol(symbol), assetClass: body.assetClass, multiplierMicros: toMinor(String(body.multiplier)), tickSizeMicros: toMinor(String(body.tickSize)) });
  }

  async remove(userId: string, symbol: string): Promise<void> {
    if (!(await this.symbols.remove(userId, symbol))) {
      throw new DomainError('not-found', `no override of ${normalizeSymbol(symbol)}`, { issues: [{ path: 'symbol', message: 'you have no override of this symbol' }] });
    }
  }
}
