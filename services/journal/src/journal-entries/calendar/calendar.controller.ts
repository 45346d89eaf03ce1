import { Controller, Get, Inject } from '@nestjs/common';
import { calendarDayQuerySchema, calendarDayTradesSchema, calendarQuerySchema, calendarSchema, type CalendarDayQuery, type CalendarDayTradesDto, type CalendarDto, type CalendarQuery, type UserDto } from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodQuery } from '@marketswarm/shared/nest';
import { CalendarService } from './calendar.service.js';

/** `/api/journal/calendar` and `/api/journal/calendar/day`. */
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

  @Get('day')
  @ApiRoute({
    summary: 'One day of the calendar (?date=YYYY-MM-DD, one log or all): its figures and the trades that closed that day in the user\'s time zone, however long ago they opened',
    responses: { 200: calendarDayTradesSchema },
    errors: { 404: 'no such log (or another user\'s); issues name log' },
  })
  day(@CurrentUser() user: UserDto, @ZodQuery(calendarDayQuerySchema) query: CalendarDayQuery): Promise<CalendarDayTradesDto> {
    return this.calendar.day(user.id, query);
  }
}
