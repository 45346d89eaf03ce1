import { type Outcome } from './outcome.js';

/** Longest runs of consecutive wins and of consecutive losses; a break-even trade ends both. */
export function streaks(outcomes: readonly Outcome[]): { longestWinStreak: number; longestLossStreak: number } {
  let longestWinStreak = 0;
  let longestLossStreak = 0;
  let wins = 0;
  let losses = 0;
  for (const o of outcomes) {
    wins = o === 'win' ? wins + 1 : 0;
    losses = o === 'loss' ? losses + 1 : 0;
    longestWinStreak = Math.max(longestWinStreak, wins);
    longestLossStreak = Math.max(longestLossStreak, losses);
  }
  return { longestWinStreak, longestLossStreak };
}
