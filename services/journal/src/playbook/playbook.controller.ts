import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, Put } from '@nestjs/common';
import {
  journalIdParamsSchema,
  playbookChecksBodySchema,
  playbookEntryBodySchema,
  playbookEntryDeleteQuerySchema,
  playbookEntryListSchema,
  playbookEntryQuerySchema,
  playbookEntrySchema,
  playbookEntryUpdateSchema,
  playbookGroupBodySchema,
  playbookGroupListSchema,
  playbookGroupSchema,
  playbookGroupUpdateSchema,
  playbookMissedBodySchema,
  playbookMissedListSchema,
  playbookMissedQuerySchema,
  playbookMissedSchema,
  playbookMissedUpdateSchema,
  playbookStatsQuerySchema,
  playbookStatsSchema,
  playbookTradeChecksSchema,
  playbookTradeParamsSchema,
  type JournalIdParams,
  type PlaybookChecksBody,
  type PlaybookEntryBody,
  type PlaybookEntryDeleteQuery,
  type PlaybookEntryDto,
  type PlaybookEntryListDto,
  type PlaybookEntryQuery,
  type PlaybookEntryUpdate,
  type PlaybookGroupBody,
  type PlaybookGroupDto,
  type PlaybookGroupListDto,
  type PlaybookGroupUpdate,
  type PlaybookMissedBody,
  type PlaybookMissedDto,
  type PlaybookMissedListDto,
  type PlaybookMissedQuery,
  type PlaybookMissedUpdate,
  type PlaybookStatsDto,
  type PlaybookStatsQuery,
  type PlaybookTradeChecksDto,
  type PlaybookTradeParams,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams, ZodQuery } from '@marketswarm/shared/nest';
import { PlaybookChecksService } from './playbook-checks.service.js';
import { PlaybookStatsService } from './playbook-stats.service.js';
import { playbookEntryJson, playbookGroupJson, playbookMissedJson } from './playbook.json.js';
import { PlaybookService } from './playbook.service.js';

const GROUP_NOT_FOUND = { 404: 'no such playbook group (or another user\'s)' };
const ENTRY_NOT_FOUND = { 404: 'no such playbook entry (or another user\'s)' };
const MISSED_NOT_FOUND = { 404: 'no such missed trade (or another user\'s)' };

/** `/api/playbook/*` (docs/API.md "Playbook"): routes only; the rules are the services'. */
@Controller('playbook')
export class PlaybookController {
  constructor(
    @Inject(PlaybookService) private readonly playbook: PlaybookService,
    @Inject(PlaybookChecksService) private readonly checks: PlaybookChecksService,
    @Inject(PlaybookStatsService) private readonly statistics: PlaybookStatsService,
  ) {}

  @Get('groups')
  @ApiRoute({ summary: 'The user\'s playbook groups by kind, then position', responses: { 200: playbookGroupListSchema } })
  async listGroups(@CurrentUser() user: UserDto): Promise<PlaybookGroupListDto> {
    return { groups: (await this.playbook.listGroups(user.id)).map(playbookGroupJson) };
  }

  @Post('groups')
  @ApiRoute({ summary: 'Creates a playbook group (entry rules, exit rules or market conditions)', responses: { 201: playbookGroupSchema } })
  async createGroup(@CurrentUser() user: UserDto, @ZodBody(playbookGroupBodySchema) body: PlaybookGroupBody): Promise<PlaybookGroupDto> {
    return playbookGroupJson(await this.playbook.createGroup(user.id, body));
  }

  @Patch('groups/:id')
  @ApiRoute({ summary: 'Renames, re-kinds or moves a playbook group', responses: { 200: playbookGroupSchema }, errors: GROUP_NOT_FOUND })
  async updateGroup(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(playbookGroupUpdateSchema) body: PlaybookGroupUpdate): Promise<PlaybookGroupDto> {
    return playbookGroupJson(await this.playbook.updateGroup(user.id, params.id, body));
  }

  @Delete('groups/:id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a playbook group; its entries stay, ungrouped', responses: { 204: null }, errors: GROUP_NOT_FOUND })
  async removeGroup(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.playbook.removeGroup(user.id, params.id);
  }

  @Get('entries')
  @ApiRoute({ summary: 'The user\'s playbook entries, oldest first, filtered by kind, status or group', responses: { 200: playbookEntryListSchema }, errors: { 404: 'no such group (issues name `group`)' } })
  async listEntries(@CurrentUser() user: UserDto, @ZodQuery(playbookEntryQuerySchema) query: PlaybookEntryQuery): Promise<PlaybookEntryListDto> {
    return { entries: (await this.playbook.listEntries(user.id, query)).map(playbookEntryJson) };
  }

  @Post('entries')
  @ApiRoute({ summary: 'Creates a playbook entry (pattern, rule, warning, filter or constraint)', responses: { 201: playbookEntrySchema }, errors: { 404: 'no such group (issues name `groupId`)' } })
  async createEntry(@CurrentUser() user: UserDto, @ZodBody(playbookEntryBodySchema) body: PlaybookEntryBody): Promise<PlaybookEntryDto> {
    return playbookEntryJson(await this.playbook.createEntry(user.id, body));
  }

  @Get('entries/:id')
  @ApiRoute({ summary: 'One playbook entry', responses: { 200: playbookEntrySchema }, errors: ENTRY_NOT_FOUND })
  async getEntry(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<PlaybookEntryDto> {
    return playbookEntryJson(await this.playbook.getEntry(user.id, params.id));
  }

  @Patch('entries/:id')
  @ApiRoute({
    summary: 'Edits a playbook entry; status retired keeps its history',
    responses: { 200: playbookEntrySchema },
    errors: { ...ENTRY_NOT_FOUND, 409: 'an entry with history cannot go back to draft, nor one with check-offs become a pattern' },
  })
  async updateEntry(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(playbookEntryUpdateSchema) body: PlaybookEntryUpdate): Promise<PlaybookEntryDto> {
    return playbookEntryJson(await this.playbook.updateEntry(user.id, params.id, body));
  }

  @Delete('entries/:id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Deletes a playbook entry; one with check-offs or missed trades only with ?force=true, which deletes those too',
    responses: { 204: null },
    errors: { ...ENTRY_NOT_FOUND, 409: 'the entry has history and force is not true (issues name `force`)' },
  })
  async removeEntry(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodQuery(playbookEntryDeleteQuerySchema) query: PlaybookEntryDeleteQuery): Promise<void> {
    await this.playbook.removeEntry(user.id, params.id, query.force);
  }

  @Get('trades/:tradeId/checks')
  @ApiRoute({ summary: 'Which playbook entries a trade followed or broke', responses: { 200: playbookTradeChecksSchema }, errors: { 404: 'no such trade (or another user\'s)' } })
  getChecks(@CurrentUser() user: UserDto, @ZodParams(playbookTradeParamsSchema) params: PlaybookTradeParams): Promise<PlaybookTradeChecksDto> {
    return this.checks.get(user.id, params.tradeId);
  }

  @Put('trades/:tradeId/checks')
  @ApiRoute({
    summary: 'Replaces a trade\'s check-offs: for each entry, followed or broken',
    responses: { 200: playbookTradeChecksSchema },
    errors: { 404: 'no such trade, or an entry not the user\'s (issues name `checks.N.entryId`)', 422: 'a pattern or a draft entry (issues name `checks.N.entryId`)' },
  })
  replaceChecks(@CurrentUser() user: UserDto, @ZodParams(playbookTradeParamsSchema) params: PlaybookTradeParams, @ZodBody(playbookChecksBodySchema) body: PlaybookChecksBody): Promise<PlaybookTradeChecksDto> {
    return this.checks.replace(user.id, params.tradeId, body);
  }

  @Get('stats')
  @ApiRoute({
    summary: 'Per entry: closed trades checked, follow rate, and net P&L, win rate and profit factor of the trades that followed and broke it; missed trades and their estimated P&L',
    responses: { 200: playbookStatsSchema },
    errors: { 404: 'no such log (or another user\'s); issues name `log`' },
  })
  stats(@CurrentUser() user: UserDto, @ZodQuery(playbookStatsQuerySchema) query: PlaybookStatsQuery): Promise<PlaybookStatsDto> {
    return this.statistics.stats(user.id, query);
  }

  @Get('missed')
  @ApiRoute({ summary: 'Trades seen by a playbook entry and not taken, newest first', responses: { 200: playbookMissedListSchema }, errors: { 404: 'no such entry (issues name `entry`)' } })
  async listMissed(@CurrentUser() user: UserDto, @ZodQuery(playbookMissedQuerySchema) query: PlaybookMissedQuery): Promise<PlaybookMissedListDto> {
    return { missed: (await this.playbook.listMissed(user.id, query)).map(playbookMissedJson) };
  }

  @Post('missed')
  @ApiRoute({ summary: 'Records a trade seen by a playbook entry and not taken', responses: { 201: playbookMissedSchema }, errors: { 404: 'no such entry (issues name `entryId`)' } })
  async createMissed(@CurrentUser() user: UserDto, @ZodBody(playbookMissedBodySchema) body: PlaybookMissedBody): Promise<PlaybookMissedDto> {
    return playbookMissedJson(await this.playbook.createMissed(user.id, body));
  }

  @Patch('missed/:id')
  @ApiRoute({ summary: 'Edits a missed trade', responses: { 200: playbookMissedSchema }, errors: { 404: 'no such missed trade, or an entryId not the user\'s' } })
  async updateMissed(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams, @ZodBody(playbookMissedUpdateSchema) body: PlaybookMissedUpdate): Promise<PlaybookMissedDto> {
    return playbookMissedJson(await this.playbook.updateMissed(user.id, params.id, body));
  }

  @Delete('missed/:id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a missed trade', responses: { 204: null }, errors: MISSED_NOT_FOUND })
  async removeMissed(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.playbook.removeMissed(user.id, params.id);
  }
}
