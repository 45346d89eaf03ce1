import { Inject, Injectable } from '@nestjs/common';
import { type CloseTradeBody, type MarketAtEntry, type ImportFields, type ImportResultDto, type IngestResultDto, type ManualFill } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { SERVICE_CONTEXT } from '@marketswarm/shared/nest';
import type { ServiceContext } from '@marketswarm/shared/service';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { formatMicros, microsToNumber, parseMicros } from '../database/money.js';
import { ExecutionsRepository, type Execution, type NewExecution } from '../executions/executions.repository.js';
import type { GroupedTrade, GroupingOptions } from '../grouping/group-executions.js';
import { importFile } from '../imports/index.js';
import { MarketHistoryReader } from '../market/market-history.reader.js';
import { SymbolsRepository } from '../symbols/symbols.repository.js';
import { TradeLogsService } from '../trade-logs/trade-logs.service.js';
import { tradeJson } from '../trades/trade.json.js';
import { tradeNotFound } from '../trades/trades.service.js';
import { TagsRepository } from '../tags/tags.repository.js';
import { TradesRepository, type Trade, type TradeLeg } from '../trades/trades.repository.js';
import { SettingsService } from '../settings/settings.service.js';
import { fillsFromImport } from './execution-from-import.js';
import { closingFillFor, executionFromManualFill } from './manual-fill.js';
import { LogIngest, type IngestOutcome, type SettlementRequest } from './log-ingest.js';
import { openQuantity } from './open-quantity.js';
import { LiveUpdatesService } from '../live-updates/live-updates.service.js';
import { ImportMappingsService } from '../import-mappings/import-mappings.service.js';

/** An uploaded export as multer hands it over. */
export interface UploadedExport {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * Everything that adds fills to a log, whatever their origin (a broker export, a trade typed by
 * hand, a close or an adjustment), goes through one `LogIngest` so it follows the same grouping.
 * After each commit the user's open tabs hear of the trades it changed.
 */
@Injectable()
export class JournalIngestService {
  private readonly ingest: LogIngest;
  private readonly market: MarketHistoryReader;
  private readonly logger: ServiceContext['logger'];

  constructor(
    @Inject(JOURNAL_DATABASE) private readonly database: JournalDatabase,
    @Inject(SERVICE_CONTEXT) ctx: ServiceContext,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(LiveUpdatesService) private readonly live: LiveUpdatesService,
    @Inject(SettingsService) private readonly settings: SettingsService,
    @Inject(ImportMappingsService) private readonly mappings: ImportMappingsService,
  ) {
    this.ingest = new LogIngest(database.db);
    const { topics } = ctx.truth().doc;
    this.logger = ctx.logger;
    this.market = new MarketHistoryReader(ctx.bus.get('market'), { spot: topics['spot'], gex: topics['gex'], mode: topics['mode'] });
  }

  async importExport(userId: string, logId: string, file: UploadedExport | undefined, fields: ImportFields, dryRun: boolean): Promise<ImportResultDto> {
    if (!file) throw new DomainError('validation', 'invalid body: file: attach the export as the multipart field "file"', { issues: [{ path: 'file', message: 'is required (multipart/form-data)' }] });
    await this.activeLog(userId, logId);
    const settings = await this.settings.all(userId);
    const mapping = await this.mappings.resolve(userId, fields.mapping, fields.mappingId);
    const outcome = importFile(file.buffer, {
      ...(fields.broker && { format: fields.broker }),
      ...(mapping && { mapping }),
      timeZone: fields.timeZone ?? settings.timeZone,
      multipliers: await this.futuresMultipliersOf(userId),
    });
    if (!outcome.ok) {
      const { code, message, formats } = outcome.error;
      if (code === 'too-large') throw new DomainError('payload-too-large', message, { issues: [{ path: 'file', message }] });
      throw new DomainError('unprocessable', message, { issues: [{ path: 'file', message: formats ? `recognised formats: ${formats.join(', ')}` : message }] });
    }
    const { fills, skipped: unstorable } = fillsFromImport(outcome, file.originalname);
    const skipped = [...outcome.skipped, ...unstorable];
    skipped.sort((a, b) => a.line - b.line);
    const grouping = this.groupingOf(settings);
    const result = dryRun ? await this.ingest.preview(userId, logId, fills, { grouping, settle: (leg) => this.settlementOf(leg) }) : await this.commit(userId, logId, fills, grouping);
    if (!result) throw new DomainError('not-found', `no trade log ${logId}`, { issues: [{ path: 'id', message: 'no such trade log' }] });
    const lineOf = new Map(outcome.executions.map((e) => [e.rowHash, e.line]));
    const unmatched = result.unmatched.map((rowHash) => ({ line: lineOf.get(rowHash) ?? 0, reason: 'closes a position this log has no opening for: import the export that opened it' }));
    return { dryRun, broker: outcome.broker, format: outcome.format, executions: result.executions, trades: result.trades, skipped, duplicates: result.duplicates, unmatched };
  }

  /** `rowHashes`, one per fill, make entering the same fills again a no-op (default: each typed fill is new). */
  async addManual(userId: string, logId: string, fills: readonly ManualFill[], account: string | null = null, rowHashes?: readonly string[]): Promise<IngestResultDto> {
    await this.activeLog(userId, logId);
    const settings = await this.settings.all(userId);
    const symbols = new SymbolsRepository(this.database.db);
    const multiplierOf = async (root: string) => {
      const symbol = await symbols.get(userId, root);
      return symbol ? microsToNumber(symbol.multiplierMicros) : undefined;
    };
    const executions: NewExecution[] = [];
    for (const [index, fill] of fills.entries()) {
      const rowHash = rowHashes?.[index];
      const execution = await executionFromManualFill(fill, multiplierOf, { timeZone: settings.timeZone, account, ...(rowHash !== undefined && { rowHash }) });
      if (typeof execution === 'string') throw new DomainError('validation', `invalid body: fills.${index}.${execution}`, { issues: [{ path: `fills.${index}.instrument.underlying`, message: execution }] });
      executions.push(execution);
    }
    return this.ingestTyped(userId, logId, executions, settings);
  }

  /**
   * Fills that adjust an open trade (a roll: close a leg, open another), entered into the trade's
   * log. Grouping decides where they go, as for an import: an adjustment that closes part of the
   * trade and opens new legs in one go stays in the trade.
   */
  async adjust(userId: string, tradeId: string, fills: readonly ManualFill[]): Promise<IngestResultDto> {
    const trade = await new TradesRepository(this.database.db).get(userId, tradeId);
    if (!trade) throw tradeNotFound(tradeId);
    if (trade.status !== 'open') throw new DomainError('conflict', `trade ${tradeId} is closed; enter a new trade instead`, { issues: [{ path: 'id', message: 'the trade is closed' }] });
    const [opening] = await new ExecutionsRepository(this.database.db).byIds(userId, trade.legs.flatMap((leg) => leg.fills.map((f) => f.executionId)));
    return this.addManual(userId, trade.logId, fills, opening?.account ?? null);
  }

  /** Closing fills for every leg still open, at the prices given in leg order. */
  async close(userId: string, tradeId: string, body: CloseTradeBody): Promise<IngestResultDto> {
    const trade = await new TradesRepository(this.database.db).get(userId, tradeId);
    if (!trade) throw tradeNotFound(tradeId);
    // A settled or expired leg has no closing fill to count: the trade's status is the authority.
    if (trade.status !== 'open') throw new DomainError('conflict', `trade ${tradeId} is already closed`, { issues: [{ path: 'id', message: 'the trade is closed' }] });
    const at = body.at ?? Date.now();
    if (at < trade.openedAt) throw new DomainError('validation', 'invalid body: at: the close must not precede the trade\'s opening', { issues: [{ path: 'at', message: `must be at or after the opening (${new Date(trade.openedAt).toISOString()})` }] });
    const open = await this.openLegs(userId, trade);
    if (open.length === 0) throw new DomainError('conflict', `trade ${tradeId} has no open leg to close`, { issues: [{ path: 'id', message: 'the trade is already closed' }] });
    if (body.prices.length !== open.length) {
      throw new DomainError('validation', `invalid body: prices: send ${open.length} prices, one per open leg`, { issues: [{ path: 'prices', message: `must hold ${open.length} prices, one per open leg in leg order` }] });
    }
    const settings = await this.settings.all(userId);
    const fills = open.map(({ opening, quantityMicros }, i) =>
      closingFillFor(opening, { quantityMicros, priceMicros: parseMicros(String(body.prices[i] ?? 0)), at, commissionMicros: parseMicros(String(body.commission)), timeZone: settings.timeZone }),
    );
    return this.ingestTyped(userId, trade.logId, fills, settings);
  }

  /** Each leg with something still open, how much, and the fill that opened it (whose instrument a close repeats). */
  private async openLegs(userId: string, trade: Trade): Promise<{ leg: TradeLeg; quantityMicros: number; opening: Execution }[]> {
    const executions = await new ExecutionsRepository(this.database.db).byIds(
      userId,
      trade.legs.flatMap((leg) => leg.fills.map((f) => f.executionId)),
    );
    const byId = new Map(executions.map((e) => [e.id, e]));
    return trade.legs.flatMap((leg) => {
      const quantityMicros = openQuantity(leg, byId);
      const opening = leg.fills.map((f) => byId.get(f.executionId)).find((e) => e?.side === leg.side);
      return quantityMicros > 0 && opening ? [{ leg, quantityMicros, opening }] : [];
    });
  }

  /** Fills typed by hand, committed and answered with the trades they opened or changed. */
  private async ingestTyped(userId: string, logId: string, executions: readonly NewExecution[], settings: { costBasis: 'fifo' | 'average' }): Promise<IngestResultDto> {
    const outcome = await this.commit(userId, logId, executions, this.groupingOf(settings));
    if (!outcome) throw new DomainError('not-found', `no trade log ${logId}`, { issues: [{ path: 'id', message: 'no such trade log' }] });
    const repository = new TradesRepository(this.database.db);
    const tags = new Map((await new TagsRepository(this.database.db).list(userId)).map((tag) => [tag.id, tag]));
    const changed = await repository.getMany(userId, [...outcome.created, ...outcome.rewritten]);
    return { executions: outcome.executions, trades: changed.map((t) => tradeJson(t, tags)) };
  }

  private async commit(userId: string, logId: string, fills: readonly NewExecution[], grouping: GroupingOptions): Promise<IngestOutcome | undefined> {
    const outcome = await this.ingest.commit(userId, logId, fills, { grouping, stamp: (trade) => this.stampOf(trade), settle: (leg) => this.settlementOf(leg) });
    if (outcome && outcome.trades + outcome.removed.length > 0) await this.live.tradesChanged(userId, { created: outcome.created, updated: outcome.rewritten });
    return outcome;
  }


  /**
   * The market at a trade's entry; when market Redis does not answer, the trade is stored all the
   * same, labelled as not stamped: the import must not depend on the market feed being up.
   */
  private async stampOf(trade: GroupedTrade): Promise<MarketAtEntry> {
    try {
      return await this.market.read(trade.symbol, trade.openedAt);
    } catch (error) {
      this.logger.warn({ err: error }, 'market Redis did not answer; trade stored without its market at entry');
      return { status: 'unavailable', reason: 'no-market-data' };
    }
  }

  /** A settlement value, or none when market Redis does not answer (the leg then stays open until it does). */
  private async settlementOf(leg: SettlementRequest): Promise<number | undefined> {
    try {
      return await this.market.settlementValue(leg);
    } catch (error) {
      this.logger.warn({ err: error }, 'market Redis did not answer; expired legs stay open for now');
      return undefined;
    }
  }

  /** The user's log, refused while archived: an archived account takes no new fills until reactivated. */
  private async activeLog(userId: string, logId: string): Promise<void> {
    const log = await this.logs.get(userId, logId);
    if (log.archivedAt !== null) throw new DomainError('conflict', `trade log ${logId} is archived; reactivate it to add trades`, { issues: [{ path: 'id', message: 'the log is archived' }] });
  }

  /** The futures multipliers the user set in /api/symbols, over the importers' built-in table. */
  private async futuresMultipliersOf(userId: string): Promise<Record<string, string>> {
    const symbols = await new SymbolsRepository(this.database.db).list(userId);
    return Object.fromEntries(symbols.filter((s) => s.source === 'user' && (s.assetClass === 'future' || s.assetClass === 'future_option')).map((s) => [s.symbol, formatMicros(s.multiplierMicros)]));
  }

  private groupingOf(settings: { costBasis: 'fifo' | 'average' }): GroupingOptions {
    return { costBasis: settings.costBasis };
  }
}
