import { Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import {
  commentaryConfigPatchSchema,
  commentaryConfigSchema,
  commentaryListQuerySchema,
  commentaryListSchema,
  commentarySchema,
  commentaryTriggerBodySchema,
  type CommentaryConfigDto,
  type CommentaryConfigPatch,
  type CommentaryDto,
  type CommentaryListDto,
  type CommentaryListQuery,
  type CommentaryTriggerBody,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodQuery } from '@marketswarm/shared/nest';
import { COMMENTARY_CONFIG_WRITES_PER_MINUTE, CommentaryService } from './commentary.service.js';

/** `/api/commentary`: the user's recent commentary, their commentary config, and commentary on demand. */
@Controller('commentary')
export class CommentaryController {
  constructor(@Inject(CommentaryService) private readonly commentary: CommentaryService) {}

  @Get()
  @ApiRoute({ summary: 'The user\'s recent commentary lines, newest first', responses: { 200: commentaryListSchema } })
  async list(@CurrentUser() user: UserDto, @ZodQuery(commentaryListQuerySchema) query: CommentaryListQuery): Promise<CommentaryListDto> {
    return { items: await this.commentary.recent(user.id, query.limit) };
  }

  @Get('config')
  @ApiRoute({ summary: 'The user\'s commentary config (the default until they change it)', responses: { 200: commentaryConfigSchema } })
  config(@CurrentUser() user: UserDto): Promise<CommentaryConfigDto> {
    return this.commentary.config(user.id);
  }

  @Put('config')
  @ApiRoute({
    summary: 'Changes any of enabled, kinds, maxPerMinute, useProvider; answers the whole config and sends config_update to the user\'s sockets on every copilot',
    responses: { 200: commentaryConfigSchema },
    errors: { 429: `more than ${COMMENTARY_CONFIG_WRITES_PER_MINUTE} config changes in the current minute (REST and WebSocket together)` },
  })
  updateConfig(@CurrentUser() user: UserDto, @ZodBody(commentaryConfigPatchSchema) patch: CommentaryConfigPatch): Promise<CommentaryConfigDto> {
    return this.commentary.updateConfig(user.id, patch);
  }

  @Post('trigger')
  @HttpCode(201)
  @ApiRoute({
    summary: 'Comments on the market now (spot among the walls and the flip, MEL), on an optional question when the provider phrases it; the line is also sent to the user\'s sockets on every copilot',
    responses: { 201: commentarySchema },
    errors: { 429: 'more triggers in the last minute than settings.commentaryMaxPerMinute' },
  })
  trigger(@CurrentUser() user: UserDto, @ZodBody(commentaryTriggerBodySchema) body: CommentaryTriggerBody): Promise<CommentaryDto> {
    return this.commentary.trigger(user.id, body.question);
  }
}
