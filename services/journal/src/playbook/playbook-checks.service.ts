import { Inject, Injectable } from '@nestjs/common';
import { PLAYBOOK_CHECKABLE_KINDS, type PlaybookChecksBody, type PlaybookTradeChecksDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import type { JournalDatabase } from '../database/create-journal-database.js';
import { JOURNAL_DATABASE } from '../database/journal-database.module.js';
import { playbookCheckJson } from './playbook.json.js';
import { PlaybookRepository, type PlaybookEntry } from './playbook.repository.js';
import { playbookEntryNotFound } from './playbook.service.js';

function tradeNotFound(id: string): DomainError {
  return new DomainError('not-found', `no trade ${id}`, { issues: [{ path: 'tradeId', message: 'no such trade' }] });
}

/**
 * Which playbook entries a trade followed or broke. A trade is checked off against rules,
 * warnings, filters and constraints that are active, or retired (a trade from before the
 * retirement, checked off late); never against a pattern (a setup, not something to obey; it has
 * missed trades instead) or a draft (not in force yet).
 */
@Injectable()
export class PlaybookChecksService {
  constructor(
    @Inject(JOURNAL_DATABASE) private readonly database: JournalDatabase,
    @Inject(PlaybookRepository) private readonly playbook: PlaybookRepository,
  ) {}

  async get(userId: string, tradeId: string): Promise<PlaybookTradeChecksDto> {
    if (!(await this.playbook.ownsTrade(userId, tradeId))) throw tradeNotFound(tradeId);
    return this.read(this.playbook, userId, tradeId);
  }

  /** Replaces the trade's whole set in one transaction; nothing changes when any check is refused. */
  async replace(userId: string, tradeId: string, body: PlaybookChecksBody): Promise<PlaybookTradeChecksDto> {
    // Checked inside the transaction, so an entry or trade deleted meanwhile is a 404, not a foreign-key error.
    return this.database.db.transaction().execute(async (trx) => {
      const playbook = new PlaybookRepository(trx);
      if (!(await playbook.ownsTrade(userId, tradeId))) throw tradeNotFound(tradeId);
      const entries = new Map((await playbook.getEntries(userId, body.checks.map((c) => c.entryId))).map((e) => [e.id, e]));
      body.checks.forEach((check, i) => {
        const path = `checks.${i}.entryId`;
        const entry = entries.get(check.entryId);
        if (!entry) throw playbookEntryNotFound(check.entryId, path);
        refuseUncheckable(entry, path);
      });
      await playbook.replaceChecks(userId, tradeId, body.checks);
      return this.read(playbook, userId, tradeId);
    });
  }

  private async read(playbook: PlaybookRepository, userId: string, tradeId: string): Promise<PlaybookTradeChecksDto> {
    const checks = await playbook.checksOfTrade(userId, tradeId);
    const entries = new Map((await playbook.getEntries(userId, checks.map((c) => c.entryId))).map((e) => [e.id, e]));
    return {
      tradeId,
      checks: checks.flatMap((check) => {
        const entry = entries.get(check.entryId);
        return entry ? [playbookCheckJson(check, entry)] : [];
      }),
    };
  }
}

function refuseUncheckable(entry: PlaybookEntry, path: string): void {
  if (!PLAYBOOK_CHECKABLE_KINDS.includes(entry.kind)) {
    throw new DomainError('unprocessable', `playbook entry ${entry.id} is a ${entry.kind}: only rules, warnings, filters and constraints are checked off (log a missed trade for a pattern)`, {
      issues: [{ path, message: `is a ${entry.kind}, which is not checked off` }],
    });
  }
  if (entry.status === 'draft') {
    throw new DomainError('unprocessable', `playbook entry ${entry.id} is a draft; activate it before checking trades off against it`, { issues: [{ path, message: 'is a draft, not in force yet' }] });
  }
}
