import { formatUptime } from '../format/duration';
import { useHealth, type HealthState } from './use-health';

/** The backend's health, fetched live. */
export function StatusPanel() {
  const { state, retry } = useHealth();
  return <StatusView state={state} onRetry={retry} />;
}

/** Presentational half of the panel, rendered from a state alone (and so testable without a browser). */
export function StatusView({ state, onRetry }: { state: HealthState; onRetry: () => void }) {
  return (
    <section className="panel" aria-labelledby="status-title" aria-busy={state.kind === 'loading'}>
      <header className="panel-header">
        <h2 id="status-title">System status</h2>
        <span className={`badge badge-${state.kind}`}>{BADGE[state.kind]}</span>
      </header>
      {state.kind === 'loading' && <p className="muted">Checking /api/health…</p>}
      {state.kind === 'ok' && (
        <dl className="facts">
          <dt>Service</dt>
          <dd>{state.health.service}</dd>
          <dt>Version</dt>
          <dd>{state.health.version}</dd>
          <dt>Truth version</dt>
          <dd>{state.health.truthVersion ?? 'not loaded'}</dd>
          <dt>Uptime</dt>
          <dd>{formatUptime(state.health.uptimeSec)}</dd>
        </dl>
      )}
      {state.kind === 'error' && (
        <div className="error" role="alert">
          <p>The backend did not answer the health check.</p>
          <p className="mono">{state.message}</p>
        </div>
      )}
      {state.kind !== 'loading' && (
        <button type="button" className="button" onClick={onRetry}>
          {state.kind === 'error' ? 'Retry' : 'Refresh'}
        </button>
      )}
    </section>
  );
}

const BADGE: Record<HealthState['kind'], string> = { loading: 'checking', ok: 'online', error: 'offline' };
