import { describe, expect, it } from 'vitest';
import { leaderboardScore, rankByScore } from './leaderboard-score.js';

describe('leaderboardScore', () => {
  it('scores a steady trader: 60 % wins, profit factor 1.5, +0.2R → 100 × (0.4 × 0.6 + 0.35 × 0.5 + 0.25 × 0.6) = 56.5', () => {
    expect(leaderboardScore({ trades: 20, wins: 12, winRate: 0.6, profitFactor: 1.5, expectancyR: 0.2 })).toBe(56.5);
  });

  it('caps the profit factor at 3: a profit factor of 9 scores as 3', () => {
    const capped = leaderboardScore({ trades: 10, wins: 5, winRate: 0.5, profitFactor: 3, expectancyR: 0 });
    expect(leaderboardScore({ trades: 10, wins: 5, winRate: 0.5, profitFactor: 9, expectancyR: 0 })).toBe(capped);
    // 100 × (0.4 × 0.5 + 0.35 × 1 + 0.25 × 0.5) = 67.5
    expect(capped).toBe(67.5);
  });

  it('gives a record without a losing trade the full profit-factor term: 10 of 10 wins at +1R or better is 100', () => {
    expect(leaderboardScore({ trades: 10, wins: 10, winRate: 1, profitFactor: null, expectancyR: 1.4 })).toBe(100);
  });

  it('scores all break-even trades as a profit factor of 1 and 0R: 100 × (0 + 0.35 / 3 + 0.25 × 0.5) = 24.17', () => {
    expect(leaderboardScore({ trades: 10, wins: 0, winRate: 0, profitFactor: null, expectancyR: 0 })).toBe(24.17);
  });

  it('clamps an average loss beyond −1R to 0: 30 % wins, profit factor 0.6, −1.5R → 100 × (0.12 + 0.07 + 0) = 19', () => {
    expect(leaderboardScore({ trades: 10, wins: 3, winRate: 0.3, profitFactor: 0.6, expectancyR: -1.5 })).toBe(19);
  });

  it('leaves the R term out when no trade has a defined risk: 100 × (0.4 × 0.6 + 0.35 × 0.5) / 0.75 = 55.33', () => {
    expect(leaderboardScore({ trades: 10, wins: 6, winRate: 0.6, profitFactor: 1.5, expectancyR: null })).toBe(55.33);
  });
});

describe('rankByScore', () => {
  it('ranks by score, shares a rank on equal scores and lists ties by trades then name', () => {
    const ranked = rankByScore([
      { displayName: 'carol', score: 40, trades: 12 },
      { displayName: 'bob', score: 70, trades: 10 },
      { displayName: 'dave', score: 40, trades: 30 },
      { displayName: 'alice', score: 40, trades: 12 },
    ]);
    expect(ranked.map((r) => [r.rank, r.entry.displayName])).toEqual([
      [1, 'bob'],
      [2, 'dave'],
      [2, 'alice'],
      [2, 'carol'],
    ]);
  });
});
