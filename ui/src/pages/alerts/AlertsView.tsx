import type { AlertDto, AlertHitDto, SavedPositionDto } from '@marketswarm/shared/dto';
import { useId, useState, type ReactNode } from 'react';
import { LoadFailure } from '../../components/page-feedback';
import { defaultAlertForm, formFromAlert, type AlertFormValues } from '../../alerts-api/alert-form';
import { describeBehaviour, describeCondition, KIND_NAMES, type AlertRefNames } from '../../alerts-api/alert-wording';
import { absoluteTime, isoTime, relativeTime } from '../../text/relative-time';
import { AlertForm, type FormOutcome } from './AlertForm';

export interface AlertsViewProps {
  alerts: readonly AlertDto[] | undefined;
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  positions: readonly SavedPositionDto[];
  names: AlertRefNames;
  now: number;
  onCreate: (values: AlertFormValues) => Promise<FormOutcome>;
  onEdit: (alert: AlertDto, values: AlertFormValues) => Promise<FormOutcome>;
  onToggle: (alert: AlertDto, enabled: boolean) => void;
  onDelete: (alert: AlertDto) => void;
  /** The alert's history, rendered when its row is expanded (a container fetches it). */
  history: (alert: AlertDto) => ReactNode;
  sound: boolean;
  onSound: (on: boolean) => void;
  /** Which row is being changed, with the last failure's words. */
  rowStatus?: Readonly<Record<string, string>>;
  /** The trader's recent hits across alerts, under the table (a container fetches them). */
  recentHits?: ReactNode;
}

/** `/alerts`: every alert of the trader, a form to create one, per alert edit, switch, delete and history, and the recent hits. */
export function AlertsView(props: AlertsViewProps) {
  const { alerts, loading, error, onRetry, positions, onCreate, sound, onSound, recentHits } = props;
  return (
    <section className="alerts-page" aria-labelledby="alerts-title">
      <div className="page-title-row">
        <h1 id="alerts-title">Alerts</h1>
        <label className="alerts-sound">
          <input type="checkbox" data-testid="alert-sound" checked={sound} onChange={(e) => onSound(e.target.checked)} /> Sound on fired alerts
        </label>
      </div>
      <AlertForm mode="create" initial={defaultAlertForm()} positions={positions} onSubmit={onCreate} />
      {error ? (
        <LoadFailure error={error} onRetry={onRetry} />
      ) : alerts === undefined ? (
        <p className="muted" role="status">
          {loading ? 'Loading alerts…' : ''}
        </p>
      ) : alerts.length === 0 ? (
        <p className="muted" role="status" data-testid="alerts-empty">
          No alerts yet. Create one above, or from a breakeven on the risk graph.
        </p>
      ) : (
        <AlertTable {...props} alerts={alerts} />
      )}
      {recentHits}
    </section>
  );
}

function AlertTable({ alerts, rowStatus = {}, ...row }: AlertsViewProps & { alerts: readonly AlertDto[] }) {
  return (
    <table className="alerts-table">
      <thead>
        <tr>
          <th scope="col">On</th>
          <th scope="col">Kind</th>
          <th scope="col">Condition</th>
          <th scope="col">Behaviour</th>
          <th scope="col">Last fired</th>
          <th scope="col" className="num">
            Hits
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {alerts.map((alert) => (
        <AlertRow key={alert.id} {...row} alert={alert} status={rowStatus[alert.id]} />
      ))}
    </table>
  );
}

interface AlertRowProps extends Pick<AlertsViewProps, 'positions' | 'names' | 'now' | 'onEdit' | 'onToggle' | 'onDelete' | 'history'> {
  alert: AlertDto;
  status: string | undefined;
}

type Open = 'none' | 'edit' | 'history';

/** One alert (a tbody, so its edit form and history can span the table below it). */
function AlertRow({ alert, positions, names, now, onEdit, onToggle, onDelete, history, status }: AlertRowProps) {
  const [open, setOpen] = useState<Open>('none');
  const detailId = useId();
  const condition = describeCondition(alert, names);
  const toggle = (next: Open): void => setOpen((o) => (o === next ? 'none' : next));
  return (
    <tbody className="alerts-row-group">
      <tr data-testid="alert-row" data-alert-id={alert.id} data-kind={alert.kind} data-enabled={alert.enabled} className={alert.enabled ? undefined : 'alerts-disabled'}>
        <td>
          <input
            type="checkbox"
            data-testid="alert-toggle"
            checked={alert.enabled}
            aria-label={`${alert.enabled ? 'Disable' : 'Enable'} the alert: ${condition}`}
            onChange={(e) => onToggle(alert, e.target.checked)}
          />
        </td>
        <td>{KIND_NAMES[alert.kind]}</td>
        <td>
          <span className="alerts-condition">{condition}</span>
          {alert.label !== null && <span className="alerts-label muted"> — {alert.label}</span>}
        </td>
        <td>{describeBehaviour(alert.behaviour, alert.cooldownSec)}</td>
        <td>
          {alert.lastFiredAt === null ? (
            <span className="muted">never</span>
          ) : (
            <time dateTime={isoTime(alert.lastFiredAt)} title={absoluteTime(alert.lastFiredAt)}>
              {relativeTime(alert.lastFiredAt, now)} ago
            </time>
          )}
        </td>
        <td className="num" data-testid="alert-hits">
          {alert.hitCount}
        </td>
        <td className="alerts-actions">
          <button type="button" data-testid="alert-edit" aria-expanded={open === 'edit'} aria-controls={detailId} onClick={() => toggle('edit')}>
            Edit
          </button>
          <button type="button" data-testid="alert-history" aria-expanded={open === 'history'} aria-controls={detailId} onClick={() => toggle('history')}>
            History
          </button>
          <button type="button" data-testid="alert-delete" aria-label={`Delete the alert: ${condition}`} onClick={() => onDelete(alert)}>
            Delete
          </button>
          {status !== undefined && status !== '' && (
            <span className="alerts-error" role="alert">
              {status}
            </span>
          )}
        </td>
      </tr>
      {open !== 'none' && (
        <tr id={detailId} className="alerts-detail">
          <td colSpan={7}>
            {open === 'edit' ? (
              <AlertForm
                mode="edit"
                initial={formFromAlert(alert)}
                positions={positions}
                onCancel={() => setOpen('none')}
                onSubmit={async (values) => {
                  const outcome = await onEdit(alert, values);
                  if (outcome.ok) setOpen('none');
                  return outcome;
                }}
              />
            ) : (
              history(alert)
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** An alert's recorded hits, newest first. */
export function AlertHistoryView({ hits, loading, error, now }: { hits: readonly AlertHitDto[] | undefined; loading: boolean; error: Error | null; now: number }) {
  if (error) return <p className="alerts-error">{error.message}</p>;
  if (hits === undefined) return <p className="muted">{loading ? 'Loading history…' : ''}</p>;
  if (hits.length === 0) return <p className="muted">It has not fired yet.</p>;
  return (
    <ol className="alerts-history" data-testid="alert-history-list">
      {hits.map((hit) => (
        <li key={hit.id}>
          <time dateTime={isoTime(hit.at)} title={absoluteTime(hit.at)}>
            {relativeTime(hit.at, now)} ago
          </time>{' '}
          {hit.message}
          {hit.value !== null && <span className="mono muted"> ({hit.value})</span>}
        </li>
      ))}
    </ol>
  );
}
