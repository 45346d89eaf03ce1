import { v7 as timeOrderedId } from 'uuid';
import type { Kysely } from 'kysely';
import type { EpochMs, ExecutionEvent, ExecutionRow, ExecutionSide, InstrumentKind, JournalDb, OptionRight, PositionEffect } from '../database/journal-db.js';
import type { Micros } from '../database/money.js';

/** Fills per INSERT statement. */
const INSERT_BATCH = 200;

/** One fill in storage terms: decimals already parsed to micros (money.ts), times in UTC ms. */
export interface NewExecution {
  broker: string;
  sourceFile: string;
  rowHash: string;
  account: string | null;
  orderId: string | null;
  comboId: string | null;
  brokerExecutionId: string | null;
  event: ExecutionEvent;
  executedAt: EpochMs;
  executedAtText: string;
  timeZone: string;
  currency: string;
  instrumentKind: InstrumentKind;
  symbol: string;
  underlying: string;
  expiry: string | null;
  strikeMicros: Micros | null;
  optionRight: OptionRight | null;
  side: ExecutionSide;
  positionEffect: PositionEffect;
  quantityMicros: Micros;
  priceMicros: Micros;
  multiplierMicros: Micros;
  commissionMicros: Micros;
  exchangeFeeMicros: Micros;
  clearingFeeMicros: Micros;
}

export interface Execution extends NewExecution {
  id: string;
  logId: string;
  createdAt: EpochMs;
}

/** What an import wrote: the new fills, and how many were already there from an earlier import. */
export interface ExecutionsInsert {
  inserted: Execution[];
  duplicates: number;
}

/**
 * All SQL on `executions`. Fills are never updated; a row hash already stored in the log is skipped
 * by the unique constraint, so importing a file twice adds nothing. Methods take no transaction of
 * their own: an import builds the repository on its transaction (`new ExecutionsRepository(trx)`)
 * so fills and the trades built from them commit together.
 */
export class ExecutionsRepository {
  constructor(
    private readonly db: Kysely<JournalDb>,
    private readonly now: () => EpochMs = Date.now,
  ) {}

  /** `undefined` when the log is not this user's: nothing is written into another user's log. */
  async insertMany(userId: string, logId: string, executions: readonly NewExecution[]): Promise<ExecutionsInsert | undefined> {
    if (!(await this.ownsLog(userId, logId))) return undefined;
    const inserted: Execution[] = [];
    const createdAt = this.now();
    // Multi-row statements: preparing one statement per fill cost more than writing it on a 10k-row
    // export. 200 rows × 31 columns stay far below SQLite's (32,766) and PostgreSQL's (65,535)
    // bound-parameter limits.
    for (let i = 0; i < executions.length; i += INSERT_BATCH) {
      const rows = await this.db
        .insertInto('executions')
        .values(executions.slice(i, i + INSERT_BATCH).map((execution) => toRow(userId, logId, execution, createdAt)))
        .onConflict((oc) => oc.columns(['user_id', 'log_id', 'row_hash']).doNothing())
        .returningAll()
        .execute();
      // RETURNING promises no order; the time-ordered ids restore the file's.
      inserted.push(...rows.map(toExecution).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    }
    return { inserted, duplicates: executions.length - inserted.length };
  }

  /** The log's fills in time order (ties by id, so the order is stable); `undefined` for a log not the user's. */
  async listByLog(userId: string, logId: string): Promise<Execution[] | undefined> {
    if (!(await this.ownsLog(userId, logId))) return undefined;
    const rows = await this.db.selectFrom('executions').selectAll().where('user_id', '=', userId).where('log_id', '=', logId).orderBy('executed_at').orderBy('id').execute();
    return rows.map(toExecution);
  }

  /** The user's fills with these ids (any order); ids not the user's are simply absent. */
  async byIds(userId: string, ids: readonly string[]): Promise<Execution[]> {
    const found: Execution[] = [];
    // Chunks keep the IN list under SQLite's bound-parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db.selectFrom('executions').selectAll().where('user_id', '=', userId).where('id', 'in', ids.slice(i, i + 500)).execute();
      found.push(...rows.map(toExecution));
    }
    return found;
  }

  /** Which of these row hashes the log already holds: an import preview counts duplicates without writing. */
  async existingRowHashes(userId: string, logId: string, rowHashes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    // Chunks keep the IN list under SQLite's bound-parameter limit.
    for (let i = 0; i < rowHashes.length; i += 500) {
      const chunk = rowHashes.slice(i, i + 500);
      const rows = await this.db.selectFrom('executions').select('row_hash').where('user_id', '=', userId).where('log_id', '=', logId).where('row_hash', 'in', chunk).execute();
      for (const row of rows) found.add(row.row_hash);
    }
    return found;
  }

  private async ownsLog(userId: string, logId: string): Promise<boolean> {
    return (await this.db.selectFrom('trade_logs').select('id').where('user_id', '=', userId).where('id', '=', logId).executeTakeFirst()) !== undefined;
  }
}

function toRow(userId: string, logId: string, e: NewExecution, createdAt: EpochMs) {
  return {
    // Time-ordered and monotonic (UUIDv7): fills at the same instant (a date-only export, a
    // same-second round trip) sort by id in the order they were imported, so grouping them gives
    // the same trades on every run, instead of hanging on random ids.
    id: timeOrderedId(),
    user_id: userId,
    log_id: logId,
    broker: e.broker,
    source_file: e.sourceFile,
    row_hash: e.rowHash,
    account: e.account,
    order_id: e.orderId,
    combo_id: e.comboId,
    broker_execution_id: e.brokerExecutionId,
    event: e.event,
    executed_at: e.executedAt,
    executed_at_text: e.executedAtText,
    time_zone: e.timeZone,
    currency: e.currency,
    instrument_kind: e.instrumentKind,
    symbol: e.symbol,
    underlying: e.underlying,
    expiry: e.expiry,
    strike_micros: e.strikeMicros,
    option_right: e.optionRight,
    side: e.side,
    position_effect: e.positionEffect,
    quantity_micros: e.quantityMicros,
    price_micros: e.priceMicros,
    multiplier_micros: e.multiplierMicros,
    commission_micros: e.commissionMicros,
    exchange_fee_micros: e.exchangeFeeMicros,
    clearing_fee_micros: e.clearingFeeMicros,
    created_at: createdAt,
  };
}

function toExecution(row: ExecutionRow): Execution {
  return {
    id: row.id,
    logId: row.log_id,
    createdAt: row.created_at,
    broker: row.broker,
    sourceFile: row.source_file,
    rowHash: row.row_hash,
    account: row.account,
    orderId: row.order_id,
    comboId: row.combo_id,
    brokerExecutionId: row.broker_execution_id,
    event: row.event,
    executedAt: row.executed_at,
    executedAtText: row.executed_at_text,
    timeZone: row.time_zone,
    currency: row.currency,
    instrumentKind: row.instrument_kind,
    symbol: row.symbol,
    underlying: row.underlying,
    expiry: row.expiry,
    strikeMicros: row.strike_micros,
    optionRight: row.option_right,
    side: row.side,
    positionEffect: row.position_effect,
    quantityMicros: row.quantity_micros,
    priceMicros: row.price_micros,
    multiplierMicros: row.multiplier_micros,
    commissionMicros: row.commission_micros,
    exchangeFeeMicros: row.exchange_fee_micros,
    clearingFeeMicros: row.clearing_fee_micros,
  };
}
