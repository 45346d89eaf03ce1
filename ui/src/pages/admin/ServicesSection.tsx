import { useEffect, useState } from 'react';
import type { AdminServiceRow, ServicesView } from '@marketswarm/shared/dto';
import { ErrorLine } from '../../components/page-feedback';
import { errorText } from '../../journal-pages-api/query';
import { useRecoveryReset } from '../../admin-api/use-admin';
import { formatAge, formatBytes, NONE, statusTone, watchSummary } from './admin-format';
import { AdminSection, ConfirmBar, StatusBadge } from './AdminSection';

/** How a row is named to the operator: by the process they know from pm2, else by its service id. */
const serviceName = (s: Pick<AdminServiceRow, 'id' | 'pm2'>): string => s.pm2 ?? s.id;

/** Whether the watch gave up on a service (the gateway reads its recovery state, so a reset shows at once). */
const hasFailed = (s: Pick<AdminServiceRow, 'recovery'>): boolean => s.recovery?.failed === true;

/** The reset of a service the watch gave up on: which one awaits confirmation, and how the last try went. */
export interface ServiceReset {
  /** The service id whose reset awaits confirmation. */
  pending: string | null;
  busy: boolean;
  error: string | undefined;
  onAsk: (serviceId: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export interface ServicesTableProps {
  view: ServicesView | undefined;
  error: string | undefined;
  now: number;
  reset: ServiceReset;
}

/** Every process: the watch's score and status, heartbeat age and version, restarts, memory; and each Redis. */
export function ServicesTable({ view, error, now, reset }: ServicesTableProps) {
  const watchAge = view?.watch.ts != null ? (now - view.watch.ts) / 1000 : null;
  const target = reset.pending ? view?.services.find((s) => s.id === reset.pending && hasFailed(s)) : undefined;
  return (
    <AdminSection id="services" title="Services" error={error} loading={!view}>
      <ErrorLine error={reset.error} />
      {target && (
        <ConfirmBar
          label={`Confirm the reset of ${serviceName(target)}`}
          testId="admin-service-reset-confirm"
          question={`Reset ${serviceName(target)}? Its failed mark and restart count are cleared. The watch may restart ${serviceName(target)} again.`}
          confirmText={`Yes, reset ${serviceName(target)}`}
          cancelLabel={`Cancel the reset of ${serviceName(target)}`}
          busy={reset.busy}
          onConfirm={reset.onConfirm}
          onCancel={reset.onCancel}
        />
      )}
      {view && (
        <>
          <p className="admin-note" data-testid="admin-watch" data-state={view.watch.state}>
            {view.watch.overall && (
              <>
                Overall <strong>{view.watch.overall.score}</strong> <StatusBadge tone={statusTone(view.watch.overall.status)}>{view.watch.overall.status}</StatusBadge>.{' '}
              </>
            )}
            {watchSummary(view.watch.state, watchAge)}
          </p>
          <div className="admin-scroll">
            <table className="jp-table">
              <caption className="visually-hidden">Services with their health score, heartbeat, restarts and memory</caption>
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col" className="num">Score</th>
                  <th scope="col">Status</th>
                  <th scope="col">Heartbeat</th>
                  <th scope="col" className="num">Age</th>
                  <th scope="col">Version</th>
                  <th scope="col" className="num">Restarts</th>
                  <th scope="col" className="num">Memory</th>
                </tr>
              </thead>
              <tbody>
                {view.services.map((s) => {
                  const failed = hasFailed(s);
                  return (
                    <tr
                      key={s.id}
                      data-testid="admin-service-row"
                      data-service={s.id}
                      data-pm2={s.pm2 ?? ''}
                      data-score={s.score ?? ''}
                      data-heartbeat={s.heartbeat?.state ?? 'none'}
                      data-failed={failed}
                    >
                      <th scope="row">
                        {s.id}
                        {s.pm2 && <span className="admin-sub">{s.pm2}</span>}
                      </th>
                      <td className="num">{s.score ?? NONE}</td>
                      <td>
                        <StatusBadge tone={statusTone(failed ? 'failed' : s.status)}>{failed ? 'failed (gave up)' : s.status}</StatusBadge>
                        {failed && (
                          <button
                            type="button"
                            className="admin-inline-action"
                            aria-label={`Reset ${serviceName(s)}`}
                            title="Clear the failed mark so the watch may restart it again"
                            disabled={reset.busy}
                            onClick={() => reset.onAsk(s.id)}
                            data-testid="admin-service-reset"
                          >
                            Reset
                          </button>
                        )}
                      </td>
                      <td>{s.heartbeat ? <StatusBadge tone={statusTone(s.heartbeat.state)}>{s.heartbeat.state}</StatusBadge> : <span className="jp-flat">none</span>}</td>
                      <td className="num">{formatAge(s.heartbeat?.ageSec)}</td>
                      <td>{s.heartbeat?.version ?? NONE}</td>
                      <td className="num">{s.restarts ?? NONE}</td>
                      <td className="num">{formatBytes(s.memoryBytes)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {view.redis.length > 0 && (
            <div className="admin-scroll">
              <table className="jp-table" data-testid="admin-redis">
                <caption className="admin-caption">Redis</caption>
                <thead>
                  <tr>
                    <th scope="col">Bus</th>
                    <th scope="col">Reachable</th>
                    <th scope="col" className="num">Memory used</th>
                    <th scope="col" className="num">Max memory</th>
                    <th scope="col">AOF</th>
                  </tr>
                </thead>
                <tbody>
                  {view.redis.map((r) => (
                    <tr key={r.bus}>
                      <th scope="row">{r.bus}</th>
                      <td>
                        <StatusBadge tone={r.reachable ? 'ok' : 'bad'}>{r.reachable ? 'yes' : 'no'}</StatusBadge>
                      </td>
                      <td className="num">{formatBytes(r.usedMemoryBytes)}</td>
                      <td className="num">{r.maxMemoryBytes ? formatBytes(r.maxMemoryBytes) : 'no limit'}</td>
                      <td>{r.aof === null ? NONE : r.aof ? 'on' : 'off'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </AdminSection>
  );
}

/** The services table, with the reset of a failed service asked for confirmation first. */
export function ServicesSection({ view, error, now }: Pick<ServicesTableProps, 'view' | 'error' | 'now'>) {
  const [pending, setPending] = useState<string | null>(null);
  const action = useRecoveryReset();
  const pendingFailed = view?.services.some((s) => s.id === pending && hasFailed(s)) ?? false;
  // The watch may clear the mark while the question is open: the question goes, and must not come
  // back by itself if the service fails again later.
  useEffect(() => {
    if (pending && view && !pendingFailed && !action.isPending) setPending(null);
  }, [pending, view, pendingFailed, action.isPending]);
  return (
    <ServicesTable
      view={view}
      error={error}
      now={now}
      reset={{
        pending,
        busy: action.isPending,
        error: action.error ? errorText(action.error) : undefined,
        onAsk: (serviceId) => {
          action.reset();
          setPending(serviceId);
        },
        onConfirm: () => {
          if (!pending) return;
          action.mutate(pending, { onSettled: () => setPending(null) });
        },
        onCancel: () => setPending(null),
      }}
    />
  );
}
