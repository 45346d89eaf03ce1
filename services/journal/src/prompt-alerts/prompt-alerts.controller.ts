import { Controller, Delete, Get, HttpCode, Inject, Post } from '@nestjs/common';
import {
  journalIdParamsSchema,
  promptAlertBodySchema,
  promptAlertListSchema,
  promptAlertParseSchema,
  promptAlertSchema,
  type JournalIdParams,
  type PromptAlertBody,
  type PromptAlertDto,
  type PromptAlertListDto,
  type PromptAlertParseDto,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodParams } from '@marketswarm/shared/nest';
import { PromptAlertsService } from './prompt-alerts.service.js';

const NOT_FOUND = { 404: 'no such prompt alert (or another user\'s)' };
const UNREADABLE = { 422: '`unprocessable`: the grammar could not read the sentence; the issue on `text` names the word, where it starts and what was expected' };

/** `/api/prompt-alerts`: alerts written as a sentence, read by the journal's deterministic grammar. */
@Controller('prompt-alerts')
export class PromptAlertsController {
  constructor(@Inject(PromptAlertsService) private readonly prompts: PromptAlertsService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s prompt alerts, oldest first', responses: { 200: promptAlertListSchema } })
  async list(@CurrentUser() user: UserDto): Promise<PromptAlertListDto> {
    return { promptAlerts: await this.prompts.list(user.id) };
  }

  @Post()
  @ApiRoute({ summary: 'Creates a prompt alert from a sentence, stored with the rule read from it', responses: { 201: promptAlertSchema }, errors: { ...UNREADABLE, 429: '`rate-limited`: the user has as many prompt alerts as their role may have (journal setting alertLimits; issue on `text`)' } })
  create(@CurrentUser() user: UserDto, @ZodBody(promptAlertBodySchema) body: PromptAlertBody): Promise<PromptAlertDto> {
    return this.prompts.create(user, body.text);
  }

  @Post('parse')
  @HttpCode(200)
  @ApiRoute({ summary: 'Dry run: the rule a sentence reads as, storing nothing', responses: { 200: promptAlertParseSchema }, errors: UNREADABLE })
  parse(@ZodBody(promptAlertBodySchema) body: PromptAlertBody): PromptAlertParseDto {
    return { text: body.text, rule: this.prompts.parse(body.text) };
  }

  @Get(':id')
  @ApiRoute({ summary: 'One prompt alert with its rule and stage', responses: { 200: promptAlertSchema }, errors: NOT_FOUND })
  get(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<PromptAlertDto> {
    return this.prompts.get(user.id, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Deletes a prompt alert', responses: { 204: null }, errors: NOT_FOUND })
  async remove(@CurrentUser() user: UserDto, @ZodParams(journalIdParamsSchema) params: JournalIdParams): Promise<void> {
    await this.prompts.remove(user.id, params.id);
  }
}
