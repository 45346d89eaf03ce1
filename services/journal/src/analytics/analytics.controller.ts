import { Controller, Get, Inject } from '@nestjs/common';
import { analyticsQuerySchema, analyticsSchema, type AnalyticsDto, type AnalyticsQuery, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodQuery } from '@marketswarm/shared/nest';
import { AnalyticsService } from './analytics.service.js';

/** `/api/analytics`. */
@Controller('analytics')
export class AnalyticsController {
  constructor(@Inject(AnalyticsService) private readonly analytics: AnalyticsService) {}

  @Get()
  @ApiRoute({
    summary: 'Summary, equity, drawdowns, daily P&L, breakdowns and histogram of the user\'s closed trades (docs/API.md "Journal analytics")',
    responses: { 200: analyticsSchema },
    errors: { 404: 'no such log (or another user\'s); issues name `log`' },
  })
  get(@CurrentUser() user: UserDto, @ZodQuery(analyticsQuerySchema) query: AnalyticsQuery): Promise<AnalyticsDto> {
    return this.analytics.analyze(user.id, query);
  }
}
