import { Inject, Injectable } from '@nestjs/common';
import type { EntryAnswerDto, EntryBody, EntryDatesDto, EntryDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { AttachmentsRepository } from './attachments/attachments.repository.js';
import { EntriesRepository } from './entries.repository.js';
import { entryJson } from './entry.json.js';
import { sanitizeEntryHtml } from './entry-html.js';
import { TradeLinksService } from './trade-links.service.js';

export function entryNotFound(date: string): DomainError {
  return new DomainError('not-found', `no journal entry on ${date}`, { issues: [{ path: 'date', message: 'no entry that day' }] });
}

/** Daily entries: one per user and date, content kept only as sanitised HTML, links only to the user's own trades. */
@Injectable()
export class EntriesService {
  constructor(
    @Inject(EntriesRepository) private readonly entries: EntriesRepository,
    @Inject(AttachmentsRepository) private readonly attachments: AttachmentsRepository,
    @Inject(TradeLinksService) private readonly links: TradeLinksService,
  ) {}

  async get(userId: string, date: string): Promise<EntryAnswerDto> {
    const entry = await this.entries.get(userId, date);
    return { entry: entry ? entryJson(entry, await this.attachments.ofDate(userId, date)) : null };
  }

  async dates(userId: string, from: string, to: string): Promise<EntryDatesDto> {
    return { from, to, dates: await this.entries.datesBetween(userId, from, to) };
  }

  async put(userId: string, date: string, body: EntryBody): Promise<EntryDto> {
    await this.links.assertOwned(userId, body.tradeIds);
    const entry = await this.entries.put(userId, date, sanitizeEntryHtml(body.content), body.tradeIds);
    return entryJson(entry, await this.attachments.ofDate(userId, date));
  }

  /** The entry, its links and its attachments (their rows hold the bytes, gone by cascade). */
  async remove(userId: string, date: string): Promise<void> {
    if (!(await this.entries.remove(userId, date))) throw entryNotFound(date);
  }
}
