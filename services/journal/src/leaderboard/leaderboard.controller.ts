import { Controller, Get, Inject, Put } from '@nestjs/common';
import {
  leaderboardProfileBodySchema,
  leaderboardProfileSchema,
  leaderboardQuerySchema,
  leaderboardSchema,
  type LeaderboardDto,
  type LeaderboardProfileBody,
  type LeaderboardProfileDto,
  type LeaderboardQuery,
  type UserDto,
} from '@marketswarm/shared/dto';
import { ApiRoute, CurrentUser, ZodBody, ZodQuery } from '@marketswarm/shared/nest';
import { LeaderboardService } from './leaderboard.service.js';

/** `/api/leaderboard`: opt-in ranking by a composite of ratios, under a display name only. */
@Controller('leaderboard')
export class LeaderboardController {
  constructor(@Inject(LeaderboardService) private readonly leaderboard: LeaderboardService) {}

  @Get()
  @ApiRoute({ summary: 'Opted-in traders with enough closed trades in the window, ranked by score; the caller\'s row flagged', responses: { 200: leaderboardSchema } })
  board(@CurrentUser() user: UserDto, @ZodQuery(leaderboardQuerySchema) query: LeaderboardQuery): Promise<LeaderboardDto> {
    return this.leaderboard.board(user.id, query.window);
  }

  @Get('profile')
  @ApiRoute({ summary: 'The caller\'s leaderboard profile (opted out with no name until set)', responses: { 200: leaderboardProfileSchema } })
  profile(@CurrentUser() user: UserDto): Promise<LeaderboardProfileDto> {
    return this.leaderboard.profile(user.id);
  }

  @Put('profile')
  @ApiRoute({ summary: 'Opts in or out under a display name unique on the board', responses: { 200: leaderboardProfileSchema }, errors: { 409: 'the display name is taken' } })
  setProfile(@CurrentUser() user: UserDto, @ZodBody(leaderboardProfileBodySchema) body: LeaderboardProfileBody): Promise<LeaderboardProfileDto> {
    return this.leaderboard.setProfile(user.id, body);
  }
}
