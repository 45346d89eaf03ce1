import { Inject, Injectable } from '@nestjs/common';
import { LEADERBOARD_MIN_TRADES, type LeaderboardDto, type LeaderboardProfileBody, type LeaderboardProfileDto } from '@marketswarm/shared/dto';
import { DomainError } from '@marketswarm/shared/http';
import { summarize } from '@marketswarm/shared/journal';
import { closedTradeOf } from '../analytics/closed-trade-of.js';
import { SettingsService } from '../settings/settings.service.js';
import { TradesRepository } from '../trades/trades.repository.js';
import { leaderboardScore, rankByScore } from './leaderboard-score.js';
import { LeaderboardRepository } from './leaderboard.repository.js';

const DAY_MS = 86_400_000;
/**
 * How long a computed board is reused: ranking reads every opted-in trader's closed trades, so a
 * busy page must not redo it per request. A profile change drops it at once; a closed trade shows
 * within this long.
 */
const BOARD_TTL_MS = 30_000;

interface Entry {
  userId: string;
  displayName: string;
  score: number;
  trades: number;
  winRate: number;
  profitFactor: number | null;
  expectancyR: number | null;
}

/**
 * The opt-in leaderboard: traders who opted in under a display name and closed at least
 * LEADERBOARD_MIN_TRADES trades in the window, ranked by the composite score of leaderboard-score.ts.
 * Figures come from the journal's own analytics (closedTradeOf + summarize, with each trader's
 * break-even tolerance), so a trader's board row agrees with their analytics page. Only ratios are
 * shown: no dollars, no user id, nothing but the chosen name.
 */
@Injectable()
export class LeaderboardService {
  private readonly boards = new Map<number, { at: number; entries: Entry[] }>();

  constructor(
    @Inject(LeaderboardRepository) private readonly profiles: LeaderboardRepository,
    @Inject(TradesRepository) private readonly trades: TradesRepository,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  async profile(userId: string): Promise<LeaderboardProfileDto> {
    const profile = await this.profiles.get(userId);
    return profile ? { optIn: profile.optIn, displayName: profile.displayName } : { optIn: false, displayName: null };
  }

  async setProfile(userId: string, body: LeaderboardProfileBody): Promise<LeaderboardProfileDto> {
    const saved = await this.profiles.put(userId, body);
    if (saved === 'duplicate') throw new DomainError('conflict', `the display name ${body.displayName} is taken`, { issues: [{ path: 'displayName', message: 'is taken by another trader' }] });
    this.boards.clear();
    return { optIn: saved.optIn, displayName: saved.displayName };
  }

  async board(userId: string, windowDays: number): Promise<LeaderboardDto> {
    const entries = await this.entries(windowDays);
    return {
      window: windowDays,
      minTrades: LEADERBOARD_MIN_TRADES,
      rows: rankByScore(entries).map(({ rank, entry }) => ({
        rank,
        displayName: entry.displayName,
        score: entry.score,
        trades: entry.trades,
        winRate: entry.winRate,
        profitFactor: entry.profitFactor,
        expectancyR: entry.expectancyR,
        you: entry.userId === userId,
      })),
    };
  }

  private async entries(windowDays: number): Promise<Entry[]> {
    const now = Date.now();
    const cached = this.boards.get(windowDays);
    if (cached && now - cached.at < BOARD_TTL_MS) return cached.entries;
    const entries: Entry[] = [];
    for (const profile of await this.profiles.optedIn()) {
      const rows = await this.trades.listClosedForAnalytics(profile.userId, { from: now - windowDays * DAY_MS });
      if (rows.length < LEADERBOARD_MIN_TRADES) continue;
      const conventions = await this.settings.conventions(profile.userId);
      const summary = summarize(
        rows.map((row) => closedTradeOf(row, conventions.timeZone)),
        conventions,
      );
      const inputs = { trades: summary.trades, wins: summary.wins, winRate: summary.winRate, profitFactor: summary.profitFactor, expectancyR: summary.expectancyR };
      entries.push({
        userId: profile.userId,
        displayName: profile.displayName,
        score: leaderboardScore(inputs),
        trades: summary.trades,
        winRate: round4(summary.winRate ?? 0),
        profitFactor: summary.profitFactor === null ? null : round4(summary.profitFactor),
        expectancyR: summary.expectancyR === null ? null : round4(summary.expectancyR),
      });
    }
    this.boards.set(windowDays, { at: now, entries });
    return entries;
  }
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000 + 0;
}
