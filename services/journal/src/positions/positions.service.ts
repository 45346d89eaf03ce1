import { Inject, Injectable } from '@nestjs/common';
import type { CreateSavedPositionBody, LogSavedPositionBody, ManualFill, SavedPositionDto, SavedPositionLeg, TradeDto, UpdateSavedPositionBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { microsToNumber, multiplyMicros, parseMicros, unitsToMicros } from '../database/money.js';
import { JournalIngestService } from '../ingest/journal-ingest.service.js';
import { logNotFound, TradeLogsService } from '../trade-logs/trade-logs.service.js';
import { LiveMidsReader } from './live-mids.js';
import { savedPositionJson } from './position.json.js';
import { PositionsRepository, type SavedPosition, type StoredLeg } from './positions.repository.js';
import { RiskGraphPublisher } from './risk-graph.publisher.js';

export function positionNotFound(id: string): DomainError {
  return new DomainError('not-found', `no saved position ${id}`, { issues: [{ path: 'id', message: 'no such saved position' }] });
}

/**
 * The rules of saved what-if positions: each belongs to one user (another user's id is answered as
 * one that does not exist), every change republishes the user's whole list on `risk-graph`, and
 * logging one enters its legs as a trade typed by hand, so it is grouped like any other trade.
 */
@Injectable()
export class PositionsService {
  constructor(
    @Inject(PositionsRepository) private readonly positions: PositionsRepository,
    @Inject(RiskGraphPublisher) private readonly riskGraph: RiskGraphPublisher,
    @Inject(LiveMidsReader) private readonly market: LiveMidsReader,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(JournalIngestService) private readonly ingest: JournalIngestService,
  ) {}

  async list(userId: string): Promise<SavedPositionDto[]> {
    return (await this.positions.list(userId)).map(savedPositionJson);
  }

  async get(userId: string, id: string): Promise<SavedPositionDto> {
    return savedPositionJson(await this.found(userId, id));
  }

  async create(userId: string, body: CreateSavedPositionBody): Promise<SavedPositionDto> {
    const created = await this.positions.create(userId, {
      name: body.name,
      symbol: body.symbol,
      legs: body.legs.map(storedLeg),
      quantity: body.quantity,
      entryPriceMicros: parseMicros(String(body.entryPrice)),
      source: body.source ?? null,
    });
    await this.publish(userId);
    return savedPositionJson(created);
  }

  async update(userId: string, id: string, body: UpdateSavedPositionBody): Promise<SavedPositionDto> {
    const updated = await this.positions.update(userId, id, {
      ...(body.name !== undefined && { name: body.name }),
      // Other legs are another position than the tile it was made from.
      ...(body.legs !== undefined && { legs: body.legs.map(storedLeg), source: null }),
      ...(body.quantity !== undefined && { quantity: body.quantity }),
      ...(body.entryPrice !== undefined && { entryPriceMicros: parseMicros(String(body.entryPrice)) }),
    });
    if (!updated) throw positionNotFound(id);
    await this.publish(userId);
    return savedPositionJson(updated);
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.positions.remove(userId, id))) throw positionNotFound(id);
    await this.publish(userId);
  }

  /**
   * Enters the position as a trade in a log (default: the user's default log), each leg one opening
   * fill of `ratio × quantity` contracts at its price: the prices sent, else each leg's live mid.
   * The saved position stays: the trader may take the same idea again.
   */
  async log(userId: string, id: string, body: LogSavedPositionBody): Promise<TradeDto> {
    const position = await this.found(userId, id);
    const logId = await this.targetLog(userId, body.logId);
    const prices = await this.pricesOf(position, body.prices);
    const at = body.at ?? Date.now();
    const commissionMicros = parseMicros(String(body.commission));
    const fills: ManualFill[] = position.legs.map((leg, i) => {
      const contracts = Math.abs(leg.ratio) * position.quantity;
      return {
        executedAt: at,
        instrument: { kind: 'option', underlying: position.symbol, expiry: leg.expiry, strike: microsToNumber(leg.strikeMicros), right: leg.right === 'call' ? 'C' : 'P' },
        side: leg.ratio > 0 ? 'buy' : 'sell',
        positionEffect: 'open',
        quantity: contracts,
        price: prices[i] ?? 0,
        // The fill's total, as manual entry takes it, from the per-contract commission.
        commission: microsToNumber(multiplyMicros(commissionMicros, unitsToMicros(contracts))),
        exchangeFee: 0,
        clearingFee: 0,
      };
    });
    const result = await this.ingest.addManual(userId, logId, fills);
    const trade = result.trades.find((t) => holdsEveryLeg(t, position.legs)) ?? result.trades[0];
    if (!trade) throw new Error(`logging saved position ${id} changed no trade`);
    return trade;
  }

  private async found(userId: string, id: string): Promise<SavedPosition> {
    const position = await this.positions.get(userId, id);
    if (!position) throw positionNotFound(id);
    return position;
  }

  /** The log asked for, refused by the field's name when it is not the user's or is archived; else the default log. */
  private async targetLog(userId: string, logId: string | undefined): Promise<string> {
    if (logId === undefined) return (await this.logs.defaultLog(userId)).id;
    const log = await this.logs.get(userId, logId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === 'not-found' ? logNotFound(logId, 'logId') : error;
    });
    if (log.archivedAt !== null) throw new DomainError('conflict', `trade log ${logId} is archived; reactivate it to add trades`, { issues: [{ path: 'logId', message: 'the log is archived' }] });
    return log.id;
  }

  private async pricesOf(position: SavedPosition, sent: readonly number[] | undefined): Promise<number[]> {
    const count = position.legs.length;
    if (sent) {
      if (sent.length !== count) throw new DomainError('validation', `invalid body: prices: send ${count} prices, one per leg`, { issues: [{ path: 'prices', message: `must hold ${count} prices, one per leg in leg order` }] });
      return [...sent];
    }
    const live = await this.market.mids(position.symbol, position.legs.map((leg) => ({ expiry: leg.expiry, strike: microsToNumber(leg.strikeMicros), right: leg.right })));
    if (live.ok) return live.mids;
    const legs = live.missing.map((i) => i + 1).join(', ');
    throw new DomainError('unprocessable', `no live mid for leg ${legs} of ${position.symbol} in the market data; send prices`, {
      issues: [{ path: 'prices', message: `no live mid for leg ${legs}: send ${count} prices, one per leg in leg order` }],
    });
  }

  private async publish(userId: string): Promise<void> {
    await this.riskGraph.publish(userId, await this.list(userId));
  }
}

function storedLeg(leg: SavedPositionLeg): StoredLeg {
  return { expiry: leg.expiry, strikeMicros: parseMicros(String(leg.strike)), right: leg.right, ratio: leg.ratio };
}

/** The trade the fills went to: it has a leg on each option, on the side the position holds it. */
function holdsEveryLeg(trade: TradeDto, legs: readonly StoredLeg[]): boolean {
  return legs.every((leg) =>
    trade.legs.some((l) => l.expiry === leg.expiry && l.strike === microsToNumber(leg.strikeMicros) && l.right === (leg.right === 'call' ? 'C' : 'P') && l.side === (leg.ratio > 0 ? 'buy' : 'sell')),
  );
}
