import { Inject, Injectable } from '@nestjs/common';
import type { CreateTradeLogBody, UpdateTradeLogBody } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { toMinor } from '@marketswarm/shared/journal';
import { isUniqueViolation } from '../database/unique-violation.js';
import { LiveUpdatesService } from '../live-updates/live-updates.service.js';
import { TradeLogsRepository, type TradeLog } from './trade-logs.repository.js';

/** The log every user has from their first request on: named so they know where it came from. */
export const FIRST_LOG = { name: 'Main', currency: 'USD', startingCapitalMicros: 0 } as const;

export function logNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('not-found', `no trade log ${id}`, { issues: [{ path, message: 'no such trade log' }] });
}

/**
 * The rules of trade logs: every user has exactly one default log (created on first use), and the
 * default stays active and present, so deleting or archiving it is refused until another log is
 * the default. Another user's log is answered exactly like one that does not exist.
 */
@Injectable()
export class TradeLogsService {
  constructor(
    @Inject(TradeLogsRepository) private readonly logs: TradeLogsRepository,
    @Inject(LiveUpdatesService) private readonly live: LiveUpdatesService,
  ) {}

  /** The user's default log, created on first use. */
  async defaultLog(userId: string): Promise<TradeLog> {
    const existing = await this.logs.getDefault(userId);
    if (existing) return existing;
    try {
      return await this.logs.create(userId, FIRST_LOG);
    } catch (error) {
      // A concurrent first request created it (PostgreSQL: the one-default index refused ours).
      if (!isUniqueViolation(error)) throw error;
      const created = await this.logs.getDefault(userId);
      if (!created) throw error;
      return created;
    }
  }

  async list(userId: string, includeArchived: boolean): Promise<TradeLog[]> {
    await this.defaultLog(userId);
    return this.logs.list(userId, { includeArchived });
  }

  async get(userId: string, id: string): Promise<TradeLog> {
    return found(await this.logs.get(userId, id), id);
  }

  async create(userId: string, body: CreateTradeLogBody): Promise<TradeLog> {
    return this.logs.create(userId, { name: body.name, currency: body.currency, startingCapitalMicros: toMinor(String(body.startingCapital)) });
  }

  async edit(userId: string, id: string, body: UpdateTradeLogBody): Promise<TradeLog> {
    const changes = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.currency !== undefined && { currency: body.currency }),
      ...(body.startingCapital !== undefined && { startingCapitalMicros: toMinor(String(body.startingCapital)) }),
    };
    return found(await this.logs.edit(userId, id, changes), id);
  }

  async remove(userId: string, id: string): Promise<void> {
    const log = await this.get(userId, id);
    if (log.isDefault) throw defaultRefusal('delete');
    if (!(await this.logs.remove(userId, id))) throw logNotFound(id);
    // Its open trades went with it: the risk graph must drop them.
    await this.live.positionsChanged(userId);
  }

  async archive(userId: string, id: string): Promise<TradeLog> {
    const log = await this.get(userId, id);
    if (log.isDefault) throw defaultRefusal('archive');
    const archived = found(await this.logs.archive(userId, id), id);
    // An archived log's open trades are not positions any more; reactivated, they are again.
    await this.live.positionsChanged(userId);
    return archived;
  }

  async reactivate(userId: string, id: string): Promise<TradeLog> {
    const reactivated = found(await this.logs.reactivate(userId, id), id);
    await this.live.positionsChanged(userId);
    return reactivated;
  }

  /**
   * The log a trade or order goes into: the one named, refused by the request's field (`path`) when
   * it is not the user's (404) or is archived (409); the default log when none is named.
   */
  async activeLogFor(userId: string, logId: string | undefined, path = 'logId'): Promise<TradeLog> {
    if (logId === undefined) return this.defaultLog(userId);
    const log = await this.logs.get(userId, logId);
    if (!log) throw logNotFound(logId, path);
    if (log.archivedAt !== null) throw new DomainError('conflict', `trade log ${logId} is archived; reactivate it to add trades`, { issues: [{ path, message: 'the log is archived' }] });
    return log;
  }

  async setDefault(userId: string, id: string): Promise<TradeLog> {
    const log = await this.get(userId, id);
    if (log.archivedAt !== null) throw new DomainError('conflict', 'an archived log cannot be the default; reactivate it first', { issues: [{ path: 'id', message: 'the log is archived' }] });
    return found(await this.logs.setDefault(userId, id), id);
  }
}

function found(log: TradeLog | undefined, id: string): TradeLog {
  if (!log) throw logNotFound(id);
  return log;
}

function defaultRefusal(action: 'delete' | 'archive'): DomainError {
  return new DomainError('conflict', `the default log cannot be ${action === 'delete' ? 'deleted' : 'archived'}; make another log the default first`, {
    issues: [{ path: 'id', message: 'is the default log' }],
  });
}
