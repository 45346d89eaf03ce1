import type { RecoveryView } from '@marketswarm/shared/dto';
import { formatClock } from './admin-format';
import { AdminSection, StatusBadge } from './AdminSection';

export interface RecoverySectionProps {
  view: RecoveryView | undefined;
  error: string | undefined;
}

const ACTION_TONE = { restart: 'warn', recovered: 'ok', 'give-up': 'bad', reset: 'muted', skipped: 'muted' } as const;

/** The watch's recent recovery actions, newest first. */
export function RecoverySection({ view, error }: RecoverySectionProps) {
  return (
    <AdminSection id="recovery" title="Recovery" error={error} loading={!view}>
      {view && view.actions.length === 0 && <p className="jp-empty">No recovery actions: the watch has not had to restart anything.</p>}
      {view && view.actions.length > 0 && (
        <div className="admin-scroll">
          <table className="jp-table">
            <caption className="visually-hidden">Recent recovery actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Service</th>
                <th scope="col">Action</th>
                <th scope="col" className="num">Attempt</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a, i) => (
                <tr key={`${a.ts}-${a.service}-${i}`} data-testid="admin-recovery-row">
                  <td>{formatClock(a.ts)}</td>
                  <th scope="row">{a.service}</th>
                  <td>
                    <StatusBadge tone={a.ok ? ACTION_TONE[a.action] : 'bad'}>{a.ok ? a.action : `${a.action} (failed)`}</StatusBadge>
                  </td>
                  <td className="num">{a.attempt}</td>
                  <td>
                    {a.reason}
                    {a.error && <span className="admin-sub">{a.error}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminSection>
  );
}
