import type { GatewaysView } from '@marketswarm/shared/dto';
import { formatAge } from './admin-format';
import { AdminSection } from './AdminSection';

export interface GatewaysSectionProps {
  view: GatewaysView | undefined;
  error: string | undefined;
}

/** Every live gateway: its connected clients in total and by route. */
export function GatewaysSection({ view, error }: GatewaysSectionProps) {
  return (
    <AdminSection id="gateways" title="Gateways" error={error} loading={!view}>
      {view && view.gateways.length === 0 && <p className="jp-empty">No gateway has reported its presence in the last few seconds.</p>}
      {view && view.gateways.length > 0 && (
        <div className="admin-scroll">
          <table className="jp-table">
            <caption className="visually-hidden">Live gateways with their connected clients</caption>
            <thead>
              <tr>
                <th scope="col">Instance</th>
                <th scope="col" className="num">PID</th>
                <th scope="col" className="num">Clients</th>
                <th scope="col">By route</th>
                <th scope="col" className="num">Reported</th>
              </tr>
            </thead>
            <tbody>
              {view.gateways.map((g) => (
                <tr key={g.instance} data-testid="admin-gateway-row" data-instance={g.instance} data-connections={g.connections}>
                  <th scope="row">{g.instance}</th>
                  <td className="num">{g.pid}</td>
                  <td className="num">{g.connections}</td>
                  <td>
                    {Object.entries(g.byRoute)
                      .sort(([a], [b]) => a.localeCompare(b))
                      .map(([route, n]) => `${route} ${n}`)
                      .join(', ') || '—'}
                  </td>
                  <td className="num">{formatAge(g.ageSec)} ago</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminSection>
  );
}
