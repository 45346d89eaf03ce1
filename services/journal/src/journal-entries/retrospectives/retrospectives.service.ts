import { Inject, Injectable } from '@nestjs/common';
import { periodEnd, type RetrospectiveBody, type RetrospectiveDto, type RetrospectivePeriod } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { CalendarService } from '../calendar/calendar.service.js';
import { sanitizeEntryHtml } from '../entry-html.js';
import { TradeLinksService } from '../trade-links.service.js';
import { RetrospectivesRepository, type Retrospective, type RetrospectiveWrite } from './retrospectives.repository.js';

function retrospectiveNotFound(id: string): DomainError {
  return new DomainError('not-found', `no retrospective ${id}`, { issues: [{ path: 'id', message: 'no such retrospective' }] });
}

function duplicate(period: RetrospectivePeriod, start: string): DomainError {
  return new DomainError('conflict', `a ${period} retrospective starting ${start} exists already`, { issues: [{ path: 'start', message: `you have a ${period} retrospective for this ${period} already` }] });
}

/**
 * Retrospectives: one per user, period and start (a week from its Monday, a month from its 1st;
 * the body schema checks the start), sanitised like entries, each answered with its period's
 * figures from the user's closed trades.
 */
@Injectable()
export class RetrospectivesService {
  constructor(
    @Inject(RetrospectivesRepository) private readonly retrospectives: RetrospectivesRepository,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(TradeLinksService) private readonly links: TradeLinksService,
  ) {}

  async list(userId: string, period?: RetrospectivePeriod): Promise<RetrospectiveDto[]> {
    const found = await this.retrospectives.list(userId, period);
    return Promise.all(found.map((r) => this.withFigures(userId, r)));
  }

  async get(userId: string, id: string): Promise<RetrospectiveDto> {
    const found = await this.retrospectives.get(userId, id);
    if (!found) throw retrospectiveNotFound(id);
    return this.withFigures(userId, found);
  }

  async create(userId: string, body: RetrospectiveBody): Promise<RetrospectiveDto> {
    await this.links.assertOwned(userId, body.tradeIds);
    const created = await this.retrospectives.create(userId, writeOf(body));
    if (created === 'duplicate') throw duplicate(body.period, body.start);
    return this.withFigures(userId, created);
  }

  async update(userId: string, id: string, body: RetrospectiveBody): Promise<RetrospectiveDto> {
    if (!(await this.retrospectives.get(userId, id))) throw retrospectiveNotFound(id);
    await this.links.assertOwned(userId, body.tradeIds);
    const updated = await this.retrospectives.update(userId, id, writeOf(body));
    if (updated === 'duplicate') throw duplicate(body.period, body.start);
    if (!updated) throw retrospectiveNotFound(id);
    return this.withFigures(userId, updated);
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.retrospectives.remove(userId, id))) throw retrospectiveNotFound(id);
  }

  private async withFigures(userId: string, r: Retrospective): Promise<RetrospectiveDto> {
    const figures = await this.calendar.periodFigures(userId, r.start, r.end);
    return { id: r.id, period: r.period, start: r.start, end: r.end, content: r.content, tradeIds: r.tradeIds, figures, createdAt: r.createdAt, updatedAt: r.updatedAt };
  }
}

function writeOf(body: RetrospectiveBody): RetrospectiveWrite {
  return { period: body.period, start: body.start, end: periodEnd(body.period, body.start), content: sanitizeEntryHtml(body.content), tradeIds: body.tradeIds };
}
