import type { StreamsView } from '@marketswarm/shared/dto';
import { formatLag, NONE } from './admin-format';
import { AdminSection } from './AdminSection';

/**
 * Gateways report their read position every 2 s while producers keep writing, so a lag of a second
 * or two is the reporting delay; beyond this the gateway is really behind and the cell is marked.
 */
export const LAG_ALERT_MS = 5000;

export interface StreamsSectionProps {
  view: StreamsView | undefined;
  error: string | undefined;
}

/** Every topic stream: bus, length against retention, the producer's last id, and each gateway's lag. */
export function StreamsSection({ view, error }: StreamsSectionProps) {
  const gateways = [...new Set(view?.streams.flatMap((s) => s.gateways.map((g) => g.instance)) ?? [])].sort();
  return (
    <AdminSection id="streams" title="Streams" error={error} loading={!view}>
      {view && (
        <p className="admin-note">
          Lag compares each gateway's read position, reported every 2 s, with the stream's newest entry now: a second or two is that delay; more than {LAG_ALERT_MS / 1000} s is marked.
        </p>
      )}
      {view && (
        <div className="admin-scroll">
          <table className="jp-table">
            <caption className="visually-hidden">Topic streams with length, retention, last id and lag per gateway</caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Bus</th>
                <th scope="col" className="num">Length</th>
                <th scope="col" className="num">Retention</th>
                <th scope="col">Last id</th>
                {gateways.map((g) => (
                  <th scope="col" key={g}>
                    Lag on {g}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.streams.map((s) => (
                <tr key={s.stream} data-testid="admin-stream-row" data-topic={s.topic} data-length={s.length ?? ''}>
                  <th scope="row" title={s.stream}>
                    {s.topic}
                  </th>
                  <td>{s.bus}</td>
                  <td className="num">{s.length ?? NONE}</td>
                  <td className="num">{s.maxlen}</td>
                  <td>
                    <code>{s.lastId ?? NONE}</code>
                  </td>
                  {gateways.map((g) => {
                    const lag = s.gateways.find((x) => x.instance === g);
                    return (
                      <td key={g} className={lag?.behind && (lag.lagMs ?? 0) > LAG_ALERT_MS ? 'jp-down' : undefined} data-testid="admin-stream-lag" data-gateway={g}>
                        {lag ? formatLag(lag.lagMs, lag.behind) : NONE}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminSection>
  );
}
