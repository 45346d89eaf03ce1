import { Inject, Injectable } from '@nestjs/common';
import { EXPORT_CONTENT_TYPES, type ExportQuery } from '@marketswarm/shared/dto';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { ExecutionsRepository } from '../executions/executions.repository.js';
import { SettingsService } from '../settings/settings.service.js';
import { TagsRepository } from '../tags/tags.repository.js';
import { TradeLogsService } from '../trade-logs/trade-logs.service.js';
import { TradesRepository, type Trade } from '../trades/trades.repository.js';
import { executionsToCsv, executionsToXlsx, tradesToCsv, tradesToXlsx } from './index.js';

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

/** A log's trades or executions as a CSV or XLSX download, local times in the user's exchange zone. */
@Injectable()
export class JournalExportService {
  constructor(
    @Inject(JOURNAL_DATABASE) private readonly database: JournalDatabase,
    @Inject(TradeLogsService) private readonly logs: TradeLogsService,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  async export(userId: string, logId: string, query: ExportQuery): Promise<ExportFile> {
    const log = await this.logs.get(userId, logId);
    const tagNames = new Map((await new TagsRepository(this.database.db).list(userId)).map((tag) => [tag.id, tag.name]));
    const options = { timeZone: (await this.settings.all(userId)).timeZone, tagNames };
    const fileName = `${log.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'journal'}-${query.of}.${query.format}`;
    let body: Buffer;
    if (query.of === 'executions') {
      const executions = (await new ExecutionsRepository(this.database.db).listByLog(userId, logId)) ?? [];
      body = query.format === 'csv' ? Buffer.from(executionsToCsv(executions, options), 'utf8') : await executionsToXlsx(executions, options);
    } else {
      const trades = await this.allTrades(userId, logId);
      body = query.format === 'csv' ? Buffer.from(tradesToCsv(trades, options), 'utf8') : await tradesToXlsx(trades, options);
    }
    return { contentType: EXPORT_CONTENT_TYPES[query.format], fileName, body };
  }

  /** Every trade of the log, oldest first, read page by page so no single query holds a year's legs. */
  private async allTrades(userId: string, logId: string): Promise<Trade[]> {
    const repository = new TradesRepository(this.database.db);
    const all: Trade[] = [];
    let after: string | undefined;
    do {
      const page = await repository.listByLog(userId, logId, {}, { limit: 200, order: 'asc', ...(after !== undefined && { after }) });
      all.push(...page.trades);
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    return all;
  }
}
