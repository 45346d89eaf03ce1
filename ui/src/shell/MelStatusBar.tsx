import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useId, useState, type ReactNode } from 'react';
import { checkSession } from '../auth/auth-api';
import { useSession } from '../auth/session';
import { MEL_MODEL_LABEL, MEL_MODEL_ORDER, MEL_COHERENCE_LABEL } from '../copilot/mel-labels';
import { MelFeed, type MelFeedState } from '../copilot/mel-feed';
import { MEL_DTE_CHOICES, melDteFrom, saveMelDte } from '../copilot/mel-preference';
import { useLiveFeed } from '../copilot/use-live-feed';
import { useSessionLost } from '../copilot/use-session-lost';
import { usePopoverDismiss } from '../components/use-popover-dismiss';
import './mel-status-bar.css';

const MelDetail = lazy(() => import('../copilot/MelDetail'));

/**
 * The header's model-effectiveness bar, fed by `/ws/mel`: the global integrity and each model's
 * state; a click opens the detail. The DTE it watches is this connection's own and is kept in the
 * trader's preferences.
 */
export function MelStatusBar() {
  const { user } = useSession();
  const client = useQueryClient();
  const onSignedOut = useSessionLost();
  const [dteAtStart] = useState(() => melDteFrom(user?.preferences));
  const [before] = useState<MelFeedState>(() => ({ dte: dteAtStart, snapshot: undefined, status: 'connecting', error: undefined }));
  const { feed, state } = useLiveFeed(() => new MelFeed(dteAtStart, { checkSession, onSignedOut }), before);
  const [open, setOpen] = useState(false);

  const onDte = useCallback(
    (dte: number) => {
      if (!feed) return;
      feed.setDte(dte);
      saveMelDte(client, dte).catch((error: unknown) => console.warn('could not save the MEL DTE', error));
    },
    [feed, client],
  );
  const toggle = useCallback(() => setOpen((v) => !v), []);
  const close = useCallback(() => setOpen(false), []);
  const detail = state.snapshot ? (
    <Suspense fallback={<p className="mel-detail-loading">Loading…</p>}>
      <MelDetail snapshot={state.snapshot} />
    </Suspense>
  ) : null;
  return <MelStatusBarView state={state} dteChoices={MEL_DTE_CHOICES} onDte={onDte} open={open} onToggle={toggle} onClose={close} detail={detail} />;
}

export interface MelStatusBarViewProps {
  state: MelFeedState;
  dteChoices: readonly number[];
  onDte: (dte: number) => void;
  open: boolean;
  onToggle: () => void;
  onClose: () => void;
  /** The popover's content (the lazily loaded detail); null before the first snapshot. */
  detail: ReactNode;
}

/** The bar from its state alone (react-dom/server renders it in specs). */
export function MelStatusBarView({ state, dteChoices, onDte, open, onToggle, onClose, detail }: MelStatusBarViewProps) {
  const { rootRef, buttonRef, onKeyDown } = usePopoverDismiss(open, onClose);
  const popoverId = useId();
  const dteId = useId();
  const { snapshot } = state;

  // A choice list that lacks the saved DTE (set by hand, or an older list) still shows it.
  const choices = dteChoices.includes(state.dte) ? dteChoices : [...dteChoices, state.dte].sort((a, b) => a - b);
  const live = state.status === 'open';
  const label = snapshot
    ? `Model integrity ${snapshot.globalIntegrity.toFixed(0)}, ${snapshot.state}, ${MEL_COHERENCE_LABEL[snapshot.coherence]}`
    : live
      ? 'Model integrity: waiting for the first score'
      : 'Model integrity: not connected';
  return (
    <div className="mel-bar" ref={rootRef} onKeyDown={onKeyDown} data-testid="mel-bar" data-status={state.status} data-state={snapshot?.state}>
      <button
        ref={buttonRef}
        type="button"
        className="mel-bar-button"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={label}
        title={state.error ?? label}
        onClick={onToggle}
        disabled={!snapshot}
      >
        <span className="mel-global" data-testid="mel-global" data-state={snapshot?.state}>
          {snapshot ? snapshot.globalIntegrity.toFixed(0) : '–'}
        </span>
        {MEL_MODEL_ORDER.map((id) => {
          const model = snapshot?.models[id];
          return (
            <span key={id} className="mel-pill" data-testid="mel-pill" data-model={id} data-state={model?.state}>
              {MEL_MODEL_LABEL[id]}
            </span>
          );
        })}
      </button>
      <label className="mel-dte" htmlFor={dteId}>
        <span className="visually-hidden">Days to expiry the model integrity follows</span>
        <select id={dteId} data-testid="mel-dte" value={state.dte} onChange={(e) => onDte(Number(e.currentTarget.value))}>
          {choices.map((dte) => (
            <option key={dte} value={dte}>
              {dte}DTE
            </option>
          ))}
        </select>
      </label>
      {open && detail !== null && (
        <div id={popoverId} className="mel-popover" role="dialog" aria-label="Model integrity detail">
          {detail}
        </div>
      )}
    </div>
  );
}
