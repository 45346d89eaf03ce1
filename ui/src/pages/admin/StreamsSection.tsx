import type { StreamsView } from '@marketswarm/shared/dto';
import { formatLag, NONE } from './admin-format';
import { AdminSection } from './AdminSection';

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
                      <td key={g} className={lag?.behind ? 'jp-down' : undefined}>
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
