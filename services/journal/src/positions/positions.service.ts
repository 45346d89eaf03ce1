import { Inject, Injectable } from '@nestjs/common';
import type { CreateSavedPositionBody, LogSavedPositionBody, OptionLeg, SavedPositionDto, SavedPositionLeg, TradeDto, UpdateSavedPositionBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { legMid, singleOptionMids } from '@marketswarm/shared/models';
import { AlertsService } from '../alerts/alerts.service.js';
import { microsToNumber, parseMicros } from '../database/money.js';
import { JournalIngestService } from '../ingest/journal-ingest.service.js';
import { HeatmapSnapshotReader } from '../spreads/heatmap-snapshot.reader.js';
import { fillsFromLegs, holdsEveryLeg } from '../spreads/spread-fills.js';
import { TradeLogsService } from '../trade-logs/trade-logs.service.js';
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
    @Inject(HeatmapSnapshotReader) private readonly market: HeatmapSnapshotReader,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(JournalIngestService) private readonly ingest: JournalIngestService,
    @Inject(AlertsService) private readonly alerts: AlertsService,
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

  /** Deletes the position, and the alerts set on it (a breakeven alert of a position that is gone would fire for nothing). */
  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.positions.remove(userId, id))) throw positionNotFound(id);
    await this.alerts.forgetTargets(userId, { positionIds: [id] });
    await this.publish(userId);
  }

  /**
   * Enters the position as a trade in a log (default: the user's default log), each leg one opening
   * fill of `ratio × quantity` contracts at its price: the prices sent, else each leg's live mid.
   * The saved position stays: the trader may take the same idea again.
   */
  async log(userId: string, id: string, body: LogSavedPositionBody): Promise<TradeDto> {
    const position = await this.found(userId, id);
    const log = await this.logs.activeLogFor(userId, body.logId);
    const legs = position.legs.map(optionLeg);
    const prices = await this.pricesOf(position.symbol, legs, body.prices);
    const fills = fillsFromLegs(
      { symbol: position.symbol, legs, quantity: position.quantity },
      { executedAt: body.at ?? Date.now(), prices, positionEffect: 'open', commissionMicros: parseMicros(String(body.commission)) },
    );
    const result = await this.ingest.addManual(userId, log.id, fills);
    const trade = result.trades.find((t) => holdsEveryLeg(t, legs)) ?? result.trades[0];
    if (!trade) throw new Error(`logging saved position ${id} changed no trade`);
    return trade;
  }

  private async found(userId: string, id: string): Promise<SavedPosition> {
    const position = await this.positions.get(userId, id);
    if (!position) throw positionNotFound(id);
    return position;
  }

  private async pricesOf(symbol: string, legs: readonly OptionLeg[], sent: readonly number[] | undefined): Promise<number[]> {
    const count = legs.length;
    if (sent) {
      if (sent.length !== count) throw new DomainError('validation', `invalid body: prices: send ${count} prices, one per leg`, { issues: [{ path: 'prices', message: `must hold ${count} prices, one per leg in leg order` }] });
      return [...sent];
    }
    const tiles = await this.market.tiles(symbol);
    const mids = singleOptionMids(Object.values(tiles ?? {}));
    const live = legs.map((leg) => legMid(mids, leg));
    const missing = live.flatMap((mid, i) => (mid === undefined ? [i + 1] : []));
    if (missing.length === 0) return live as number[];
    throw new DomainError('unprocessable', `no live mid for leg ${missing.join(', ')} of ${symbol} in the market data; send prices`, {
      issues: [{ path: 'prices', message: `no live mid for leg ${missing.join(', ')}: send ${count} prices, one per leg in leg order` }],
    });
  }

  private publish(userId: string): Promise<void> {
    return this.riskGraph.publish(userId, () => this.list(userId));
  }
}

function storedLeg(leg: SavedPositionLeg): StoredLeg {
  return { expiry: leg.expiry, strikeMicros: parseMicros(String(leg.strike)), right: leg.right, ratio: leg.ratio };
}

function optionLeg(leg: StoredLeg): OptionLeg {
  return { expiry: leg.expiry, strike: microsToNumber(leg.strikeMicros), right: leg.right, ratio: leg.ratio };
}
