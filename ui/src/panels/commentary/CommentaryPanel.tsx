import { commentaryKinds, type CommentaryConfigDto, type CommentaryConfigPatch, type CommentaryDto, type CommentaryKind } from '@marketswarm/shared/dto';
import { memo, useEffect, useId, useState, type FormEvent } from 'react';
import { checkSession } from '../../auth/auth-api';
import { ErrorLine, Field, FieldError, FormStatus } from '../../components/page-feedback';
import { CommentaryFeed, EMPTY_COMMENTARY, type CommentaryFeedState } from '../../copilot/commentary-feed';
import { useLiveFeed } from '../../copilot/use-live-feed';
import { useSessionLost } from '../../copilot/use-session-lost';
import type { WsStatus } from '../../copilot/ws-client';
import { absoluteTime, isoTime, relativeTime } from '../../text/relative-time';
import { useNow } from '../../text/use-now';
import { checkConfigDraft, draftOf, type CommentaryConfigDraft } from './config-draft';
import '../intel/feed.css';
import './commentary.css';

const TICK_MS = 15_000;
const CONNECTING: CommentaryFeedState = { ...EMPTY_COMMENTARY, status: 'connecting' };
const QUESTION_MAX = 500;

export const KIND_LABEL: Readonly<Record<CommentaryKind, string>> = {
  'mel-state': 'Model state',
  coherence: 'Coherence',
  'wall-cross': 'Wall cross',
  'flip-cross': 'Flip cross',
  breakeven: 'Breakeven',
  'alert-fired': 'Alert fired',
  'on-demand': 'Asked',
};

const STATUS_LABEL: Readonly<Record<WsStatus, string>> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Offline',
  'signed-out': 'Signed out',
};

/** The Copilot tab, fed by `/ws/commentary` (a lazily loaded chunk: the socket opens with the tab). */
export default function CommentaryPanel() {
  const onSignedOut = useSessionLost();
  const { feed, state } = useLiveFeed(() => new CommentaryFeed({ checkSession, onSignedOut }), CONNECTING);
  return (
    <CommentaryView
      state={state}
      onAsk={(question) => feed?.trigger(question) ?? Promise.reject(new Error('Not connected yet.'))}
      onConfig={(patch) => feed?.updateConfig(patch) ?? Promise.reject(new Error('Not connected yet.'))}
    />
  );
}

export interface CommentaryViewProps {
  state: CommentaryFeedState;
  onAsk: (question: string | undefined) => Promise<void>;
  onConfig: (patch: CommentaryConfigPatch) => Promise<void>;
}

/** The tab from its state alone (react-dom/server renders it in specs). */
export function CommentaryView({ state, onAsk, onConfig }: CommentaryViewProps) {
  const now = useNow(TICK_MS);
  return (
    <div className="feed-panel commentary-panel" data-testid="commentary" data-status={state.status}>
      <header className="panel-header commentary-header">
        <AskForm onAsk={onAsk} disabled={state.status === 'signed-out'} />
        <span className="commentary-status" data-status={state.status}>
          {STATUS_LABEL[state.status]}
        </span>
      </header>
      {state.config && <ConfigForm config={state.config} onConfig={onConfig} serverError={state.error} />}
      {!state.config && <ErrorLine error={state.error} />}
      <ol className="feed-list" tabIndex={0} aria-label="Copilot commentary, newest first">
        {state.items.map((item) => (
          <CommentaryRow key={item.id} item={item} now={now} />
        ))}
        {state.items.length === 0 && <li className="feed-empty">{state.config?.enabled === false ? 'Commentary is off.' : 'No commentary yet. Ask the copilot.'}</li>}
      </ol>
    </div>
  );
}

function AskForm({ onAsk, disabled }: { onAsk: CommentaryViewProps['onAsk']; disabled: boolean }) {
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const inputId = useId();
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const text = question.trim();
    setBusy(true);
    setError(undefined);
    onAsk(text === '' ? undefined : text)
      .then(() => setQuestion(''))
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="commentary-ask" data-testid="commentary-ask" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Ask the copilot
      </label>
      <input
        id={inputId}
        className="feed-filter"
        type="text"
        name="question"
        maxLength={QUESTION_MAX}
        placeholder="Ask about the market (or leave empty for a comment now)"
        value={question}
        onChange={(e) => setQuestion(e.currentTarget.value)}
      />
      <button type="submit" disabled={busy || disabled}>
        Ask
      </button>
      <FieldError error={error} />
    </form>
  );
}

function ConfigForm({ config, onConfig, serverError }: { config: CommentaryConfigDto; onConfig: CommentaryViewProps['onConfig']; serverError: string | undefined }) {
  const [draft, setDraft] = useState<CommentaryConfigDraft>(() => draftOf(config));
  const [errors, setErrors] = useState<Partial<Record<keyof CommentaryConfigDraft, string>>>({});
  const [message, setMessage] = useState<string | undefined>();
  // Another tab (or this one's save) changed the config: the form shows what is stored.
  useEffect(() => setDraft(draftOf(config)), [config]);

  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const checked = checkConfigDraft(draft, config);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage(undefined);
      return;
    }
    setErrors({});
    onConfig(checked.patch).then(
      () => setMessage('Saved.'),
      (failure: unknown) => setMessage(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const toggleKind = (kind: CommentaryKind, on: boolean): void =>
    setDraft((d) => ({ ...d, kinds: on ? commentaryKinds.filter((k) => k === kind || d.kinds.includes(k)) : d.kinds.filter((k) => k !== kind) }));

  return (
    <details className="commentary-config" data-testid="commentary-config">
      <summary>Settings</summary>
      <form onSubmit={submit} noValidate>
        <label className="commentary-check">
          <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => setDraft((d) => ({ ...d, enabled: e.currentTarget.checked }))} />
          Commentary on
        </label>
        <FieldError error={errors.enabled} />
        <fieldset className="commentary-kinds">
          <legend>Comment on</legend>
          {commentaryKinds.map((kind) => (
            <label key={kind} className="commentary-check">
              <input type="checkbox" name="kinds" value={kind} checked={draft.kinds.includes(kind)} onChange={(e) => toggleKind(kind, e.currentTarget.checked)} />
              {KIND_LABEL[kind]}
            </label>
          ))}
          <FieldError error={errors.kinds} />
        </fieldset>
        <Field label="At most per minute" error={errors.maxPerMinute}>
          <input type="number" name="maxPerMinute" min={1} max={30} step={1} value={draft.maxPerMinute} onChange={(e) => setDraft((d) => ({ ...d, maxPerMinute: e.currentTarget.value }))} />
        </Field>
        <button type="submit">Save</button>
        <FormStatus message={message} testId="commentary-config-status" />
        <ErrorLine error={serverError} />
      </form>
    </details>
  );
}

const CommentaryRow = memo(function CommentaryRow({ item, now }: { item: CommentaryDto; now: number }) {
  return (
    <li className="feed-item commentary-item" data-testid="commentary-item" data-id={item.id} data-kind={item.kind} data-severity={item.severity}>
      <div className="feed-meta">
        <span className="vexy-kind commentary-kind" data-kind={item.kind}>
          {KIND_LABEL[item.kind]}
        </span>
        {item.symbol !== undefined && <span className="vexy-symbol">{item.symbol}</span>}
        {item.source === 'provider' && <span className="commentary-source">AI</span>}
        <time className="feed-time" dateTime={isoTime(item.ts)} title={absoluteTime(item.ts)}>
          {relativeTime(item.ts, now)}
        </time>
      </div>
      {/* Copilot text is plain text: React escapes it, never markup. */}
      <p className="vexy-text">{item.text}</p>
    </li>
  );
});
