import type { LeaderboardDto } from '@marketswarm/shared/dto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LeaderboardView, ProfileFormView, ScoreFormula } from './LeaderboardPage';

const noop = () => undefined;

const board: LeaderboardDto = {
  window: 30,
  minTrades: 10,
  rows: [
    { rank: 1, displayName: 'theta_tom', score: 71.25, trades: 40, winRate: 0.625, profitFactor: 2.1, expectancyR: 0.35, you: false },
    { rank: 2, displayName: 'me', score: 55.5, trades: 12, winRate: 0.5, profitFactor: null, expectancyR: null, you: true },
  ],
};

describe(LeaderboardView.name, () => {
  it('ranks traders by score with their ratios and highlights the caller', () => {
    const html = renderToStaticMarkup(<LeaderboardView board={board} error={undefined} window="30" onWindow={noop} />);
    expect(html.match(/data-testid="leaderboard-row"/g)).toHaveLength(2);
    expect(html).toContain('71.25');
    expect(html).toContain('62.5%');
    expect(html).toContain('2.10');
    // Only the caller's row is highlighted, and it says so.
    expect(html.match(/class="jp-you"/g)).toHaveLength(1);
    expect(html).toMatch(/<tr class="jp-you" data-testid="leaderboard-row" data-you="true" aria-current="true">.*?me/);
    // No losing trade with wins: an infinite profit factor; no risk: no expectancy.
    expect(html).toContain('∞');
    expect(html).toContain('—');
  });

  it('shows which window is chosen', () => {
    const html = renderToStaticMarkup(<LeaderboardView board={{ ...board, window: 90 }} error={undefined} window="90" onWindow={noop} />);
    expect(html).toContain('aria-pressed="true" data-testid="leaderboard-window-90"');
    expect(html).toContain('aria-pressed="false" data-testid="leaderboard-window-30"');
    expect(html).toContain('last 90 days');
  });

  it('explains an empty board with the minimum trade count', () => {
    const html = renderToStaticMarkup(<LeaderboardView board={{ window: 30, minTrades: 10, rows: [] }} error={undefined} window="30" onWindow={noop} />);
    expect(html).toContain('at least 10 closed trades');
  });
});

describe(ProfileFormView.name, () => {
  it('offers to opt in when the caller is not on the board', () => {
    const html = renderToStaticMarkup(
      <ProfileFormView profile={{ optIn: false, displayName: null }} displayName="" onDisplayName={noop} errors={{}} message={undefined} saving={false} onSubmit={noop} />,
    );
    expect(html).toContain('You are not on the board.');
    expect(html).toContain('>Opt in</button>');
    expect(html).not.toContain('Opt out');
  });

  it('offers renaming and opting out to a trader on the board, and shows a refused name', () => {
    const html = renderToStaticMarkup(
      <ProfileFormView profile={{ optIn: true, displayName: 'me' }} displayName="x" onDisplayName={noop} errors={{ displayName: 'must be at least 3 characters' }} message={undefined} saving={false} onSubmit={noop} />,
    );
    expect(html).toContain('You are opted in as me.');
    expect(html).toContain('>Save name</button>');
    expect(html).toContain('>Opt out</button>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('must be at least 3 characters');
  });
});

describe(ScoreFormula.name, () => {
  it('states the documented weights', () => {
    const html = renderToStaticMarkup(<ScoreFormula minTrades={10} />);
    expect(html).toContain('score = 100 × (0.40 × win + 0.35 × pf + 0.25 × r)');
    expect(html).toContain('min(profit factor, 3) / 3');
    expect(html).toContain('score = 100 × (0.40 × win + 0.35 × pf) / 0.75');
  });
});
