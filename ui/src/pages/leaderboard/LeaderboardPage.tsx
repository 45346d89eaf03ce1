import { LEADERBOARD_MIN_TRADES, LEADERBOARD_WINDOWS, leaderboardProfileBodySchema, type LeaderboardDto, type LeaderboardProfileDto } from '@marketswarm/shared/dto';
import { useState, type FormEvent } from 'react';
import { zodFieldErrors, type FieldErrors } from '../../auth/form-issues';
import { ErrorLine, FieldError, FormStatus } from '../../components/page-feedback';
import { useFormFeedback } from '../../components/use-form-feedback';
import { formatCount, formatProfitFactor, formatRate, formatRatio } from '../../journal-api/journal-format';
import { useLeaderboard, useLeaderboardProfile, useSaveLeaderboardProfile, type LeaderboardWindow } from '../../journal-pages-api/leaderboard';
import { errorText } from '../../journal-pages-api/query';
import '../journal/journal-pages.css';

/** The score as docs/API.md "Leaderboard" defines it, shown so a rank can be understood. */
export const SCORE_FORMULA = [
  'win   = win rate (wins / trades; break-even trades count against it)',
  'pf    = min(profit factor, 3) / 3            (no losing trade: 1 if any trade won, 1/3 if all broke even)',
  'r     = clamp((expectancy R + 1) / 2, 0, 1)  (−1R → 0, 0R → 0.5, ≥ +1R → 1)',
  'score = 100 × (0.40 × win + 0.35 × pf + 0.25 × r)',
  '',
  'Without an expectancy R (no trade with a defined risk) the r term is left out:',
  'score = 100 × (0.40 × win + 0.35 × pf) / 0.75',
].join('\n');

/** `/leaderboard`: the opt-in board for 30 or 90 days, the caller's row highlighted. */
export function LeaderboardPage() {
  const [window, setWindow] = useState<LeaderboardWindow>('30');
  const board = useLeaderboard(window);
  const profile = useLeaderboardProfile();
  return (
    <div className="jp-page" data-testid="leaderboard-page">
      <h1>Leaderboard</h1>
      <div className="jp-columns">
        <LeaderboardView board={board.data} error={board.error ? errorText(board.error) : undefined} window={window} onWindow={setWindow} />
        <div className="jp-form" style={{ gap: '1rem' }}>
          {profile.data ? (
            <ProfileFormContainer profile={profile.data} />
          ) : (
            <section className="jp-section">
              <p className={profile.error ? 'error jp-message' : 'jp-empty'}>{profile.error ? errorText(profile.error) : 'Loading your profile…'}</p>
            </section>
          )}
          <ScoreFormula minTrades={board.data?.minTrades} />
        </div>
      </div>
    </div>
  );
}

export interface LeaderboardViewProps {
  board: LeaderboardDto | undefined;
  error: string | undefined;
  window: LeaderboardWindow;
  onWindow: (window: LeaderboardWindow) => void;
}

export function LeaderboardView({ board, error, window, onWindow }: LeaderboardViewProps) {
  return (
    <section className="jp-section" aria-labelledby="board-title">
      <div className="jp-toolbar">
        <h2 id="board-title">Ranking, last {window} days</h2>
        <span className="jp-spacer" />
        <div className="jp-tabs" role="group" aria-label="Window">
          {LEADERBOARD_WINDOWS.map((w) => (
            <button key={w} type="button" aria-pressed={w === window} data-testid={`leaderboard-window-${w}`} onClick={() => onWindow(w)}>
              {w} days
            </button>
          ))}
        </div>
      </div>
      <ErrorLine error={error} />
      {!board && !error && <p className="jp-empty">Loading the leaderboard…</p>}
      {board?.rows.length === 0 && <p className="jp-empty">Nobody is ranked yet: traders appear after opting in with at least {board.minTrades} closed trades in the window.</p>}
      {board && board.rows.length > 0 && (
        <table className="jp-table" data-testid="leaderboard-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Trader</th>
              <th className="num">Score</th>
              <th className="num">Trades</th>
              <th className="num">Win rate</th>
              <th className="num">Profit factor</th>
              <th className="num">Expectancy R</th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((row) => (
              <tr key={`${row.rank}-${row.displayName}`} className={row.you ? 'jp-you' : undefined} data-testid="leaderboard-row" data-you={row.you ? 'true' : undefined} aria-current={row.you ? 'true' : undefined}>
                <td className="num">{row.rank}</td>
                <td>
                  {row.displayName}
                  {row.you && <span className="jp-chip jp-chip-active"> you</span>}
                </td>
                <td className="num">{formatRatio(row.score)}</td>
                <td className="num">{formatCount(row.trades)}</td>
                <td className="num">{formatRate(row.winRate)}</td>
                <td className="num">{formatProfitFactor(row.profitFactor, row.profitFactor === null && row.winRate > 0)}</td>
                <td className="num">{formatRatio(row.expectancyR)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProfileFormContainer({ profile }: { profile: LeaderboardProfileDto }) {
  const [displayName, setDisplayName] = useState(profile.displayName ?? '');
  const { errors, message, setMessage, refuse, clear, failed } = useFormFeedback();
  const save = useSaveLeaderboardProfile();
  const submit = (optIn: boolean) => {
    const parsed = leaderboardProfileBodySchema.safeParse({ optIn, displayName });
    if (!parsed.success) {
      refuse(zodFieldErrors(parsed.error), null);
      return;
    }
    clear();
    save.mutate(parsed.data, {
      onSuccess: (saved) => setMessage(saved.optIn ? `You are on the board as ${saved.displayName ?? ''}.` : 'You are off the board.'),
      onError: (error) => failed(error, ['displayName', 'optIn']),
    });
  };
  return (
    <ProfileFormView
      profile={profile}
      displayName={displayName}
      onDisplayName={setDisplayName}
      errors={errors}
      message={message}
      saving={save.isPending}
      onSubmit={submit}
    />
  );
}

export interface ProfileFormViewProps {
  profile: LeaderboardProfileDto;
  displayName: string;
  onDisplayName: (name: string) => void;
  errors: FieldErrors;
  message: string | undefined;
  saving: boolean;
  /** Saves the name with optIn true (join or rename) or false (leave). */
  onSubmit: (optIn: boolean) => void;
}

export function ProfileFormView({ profile, displayName, onDisplayName, errors, message, saving, onSubmit }: ProfileFormViewProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(true);
  };
  return (
    <section className="jp-section" aria-labelledby="profile-title">
      <h2 id="profile-title">Your place on the board</h2>
      <p className="muted jp-message">
        {profile.optIn ? `You are opted in as ${profile.displayName ?? ''}.` : 'You are not on the board.'} Only your display name and ratios are shown, never dollar P&amp;L.
      </p>
      <form className="jp-form" data-testid="leaderboard-profile-form" onSubmit={submit} noValidate>
        <label>
          Display name
          <input name="displayName" value={displayName} maxLength={32} aria-invalid={errors['displayName'] !== undefined} onChange={(e) => onDisplayName(e.target.value)} />
          <FieldError error={errors['displayName']} />
        </label>
        <FormStatus message={message} />
        <div className="jp-row">
          <button type="submit" disabled={saving} data-testid="leaderboard-opt-in">
            {profile.optIn ? 'Save name' : 'Opt in'}
          </button>
          {profile.optIn && (
            <button type="button" disabled={saving} data-testid="leaderboard-opt-out" onClick={() => onSubmit(false)}>
              Opt out
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

export function ScoreFormula({ minTrades }: { minTrades: number | undefined }) {
  return (
    <section className="jp-section" aria-labelledby="formula-title">
      <h2 id="formula-title">How the score is computed</h2>
      <pre className="jp-formula" data-testid="leaderboard-formula">
        {SCORE_FORMULA}
      </pre>
      <p className="muted jp-message">
        Ranked: opted-in traders with at least {minTrades ?? LEADERBOARD_MIN_TRADES} closed trades in the window, across all their logs. Equal scores share a rank (1, 2, 2, 4). The board is recomputed at most every 30 seconds.
      </p>
    </section>
  );
}
