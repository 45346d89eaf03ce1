import type { ServicesView } from '@marketswarm/shared/dto';
import { formatAge, formatBytes, NONE, statusTone, watchSummary } from './admin-format';
import { AdminSection, StatusBadge } from './AdminSection';

export interface ServicesSectionProps {
  view: ServicesView | undefined;
  error: string | undefined;
  now: number;
}

/** Every process: the watch's score and status, heartbeat age and version, restarts, memory; and each Redis. */
export function ServicesSection({ view, error, now }: ServicesSectionProps) {
  const watchAge = view?.watch.ts != null ? (now - view.watch.ts) / 1000 : null;
  return (
    <AdminSection id="services" title="Services" error={error} loading={!view}>
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
                {view.services.map((s) => (
                  <tr key={s.id} data-testid="admin-service-row" data-service={s.id} data-pm2={s.pm2 ?? ''} data-score={s.score ?? ''} data-heartbeat={s.heartbeat?.state ?? 'none'}>
                    <th scope="row">
                      {s.id}
                      {s.pm2 && <span className="admin-sub">{s.pm2}</span>}
                    </th>
                    <td className="num">{s.score ?? NONE}</td>
                    <td>
                      <StatusBadge tone={statusTone(s.status)}>{s.recovery?.failed ? 'failed (gave up)' : s.status}</StatusBadge>
                    </td>
                    <td>{s.heartbeat ? <StatusBadge tone={statusTone(s.heartbeat.state)}>{s.heartbeat.state}</StatusBadge> : <span className="jp-flat">none</span>}</td>
                    <td className="num">{formatAge(s.heartbeat?.ageSec)}</td>
                    <td>{s.heartbeat?.version ?? NONE}</td>
                    <td className="num">{s.restarts ?? NONE}</td>
                    <td className="num">{formatBytes(s.memoryBytes)}</td>
                  </tr>
                ))}
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
