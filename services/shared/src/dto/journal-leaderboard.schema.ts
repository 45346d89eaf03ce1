import { z } from 'zod';

/**
 * REST contracts of the opt-in leaderboard (`/api/leaderboard`). A trader appears only after opting
 * in, under a display name of their choosing and nothing else: ratios are shown, dollar P&L is not
 * (account size is personal). docs/API.md "Leaderboard" states the score formula.
 */

/** Closed trades a trader needs in the window to be ranked: fewer say more about luck than skill. */
export const LEADERBOARD_MIN_TRADES = 10;
export const LEADERBOARD_WINDOWS = ['30', '90'] as const;

export const LEADERBOARD_DISPLAY_NAME_PATTERN = /^[A-Za-z0-9 _.-]+$/;

export const leaderboardDisplayNameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(32, 'must be at most 32 characters')
  .regex(LEADERBOARD_DISPLAY_NAME_PATTERN, 'may hold only letters, digits, spaces and _ - .');

export const leaderboardProfileBodySchema = z.strictObject({
  optIn: z.boolean({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be true or false') }),
  displayName: leaderboardDisplayNameSchema,
});
export type LeaderboardProfileBody = z.infer<typeof leaderboardProfileBodySchema>;

export const leaderboardProfileSchema = z.object({
  optIn: z.boolean(),
  displayName: z.string().nullable().describe('null until the trader chooses one'),
});
export type LeaderboardProfileDto = z.infer<typeof leaderboardProfileSchema>;

export const leaderboardQuerySchema = z.strictObject({
  window: z.enum(LEADERBOARD_WINDOWS, 'must be 30 or 90').default('30').transform(Number).describe('days of closed trades ranked'),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

export const leaderboardRowSchema = z.object({
  rank: z.number().int().positive(),
  displayName: z.string(),
  score: z.number().describe('0..100, see docs/API.md "Leaderboard"'),
  trades: z.number().int(),
  winRate: z.number().describe('wins / trades, a fraction'),
  profitFactor: z.number().nullable().describe('gross wins / |gross losses|; null with no losing trade'),
  expectancyR: z.number().nullable().describe('mean R over the trades with a defined risk; null when none has one'),
  you: z.boolean().describe('the caller\'s own row'),
});
export type LeaderboardRowDto = z.infer<typeof leaderboardRowSchema>;

export const leaderboardSchema = z.object({
  window: z.number().int().describe('days'),
  minTrades: z.number().int(),
  rows: z.array(leaderboardRowSchema),
});
export type LeaderboardDto = z.infer<typeof leaderboardSchema>;
