import { Controller, Get, Inject } from '@nestjs/common';
import { calendarQuerySchema, calendarSchema, type CalendarDto, type CalendarQuery, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodQuery } from '@marketswarm/shared/nest';
import { CalendarService } from './calendar.service.js';

/** `/api/journal/calendar`. */
@Controller('journal/calendar')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Get()
  @ApiRoute({
    summary: 'P&L by day of close in the user\'s time zone for ?month=YYYY-MM or ?week=<Monday>, one log or all, with the period\'s totals and which days have an entry',
    responses: { 200: calendarSchema },
    errors: { 404: 'no such log (or another user\'s); issues name log' },
  })
  get(@CurrentUser() user: UserDto, @ZodQuery(calendarQuerySchema) query: CalendarQuery): Promise<CalendarDto> {
    return this.calendar.calendar(user.id, query);
  }
}
