import { Link } from 'react-router';
import { PANEL_GUIDE } from '../../workspace/panel-guide';
import { ShortcutsList } from '../../workspace/ShortcutsList';
import '../../workspace/shortcuts.css';
import './help.css';

/** `/help`: what each panel shows, the keyboard shortcuts (from the one key map), and where the data comes from. */
export function HelpPage() {
  return (
    <div className="help-page">
      <h1>Help</h1>
      <p>
        MarketSwarm is a live workspace for index options: prices, models and intel stream in as they change, and the risk graph prices your positions against them. Below 900 px wide the
        panels show one at a time behind tabs.
      </p>

      <section aria-labelledby="help-panels">
        <h2 id="help-panels">The panels</h2>
        <dl className="help-panels" data-testid="help-panels">
          {PANEL_GUIDE.map((panel) => (
            <div key={panel.id} className="help-panel">
              <dt>
                {panel.title} <span className="muted">(tab “{panel.tab}”, keys <kbd>g</kbd> <kbd>{panel.key}</kbd>)</span>
              </dt>
              <dd>{panel.shows}</dd>
            </div>
          ))}
        </dl>
        <p>
          The header lists the watched symbols with their change from the previous close; pick one (or press <kbd>1</kbd>–<kbd>6</kbd>) and every panel follows it. The dot next to them
          is the connection: green while live data arrives. The bell lists fired alerts.
        </p>
      </section>

      <section aria-labelledby="help-shortcuts">
        <h2 id="help-shortcuts">Keyboard shortcuts</h2>
        <p>
          Press <kbd>?</kbd> in the workspace to see them at any time.
        </p>
        <ShortcutsList />
      </section>

      <section aria-labelledby="help-data">
        <h2 id="help-data">Where the data comes from</h2>
        <ul>
          <li>
            <strong>Market data</strong> (spot, candles, option chains, heatmap, GEX, market mode, trade ideas) comes from a market simulator: prices move like an index would, with
            the previous session’s close and backfilled candles, but they are not exchange quotes. SPX, NDX, RUT, SPY and QQQ have options; VIX is an index to watch and has none.
          </li>
          <li>
            <strong>Intel</strong> comes from the news feeds listed in the system’s configuration; without them a sample generated around the simulated market is shown, and each
            sample item says so.
          </li>
          <li>
            <strong>Commentary</strong> is written by the copilot from the same market and intel streams.
          </li>
          <li>
            <strong>Your trades, journal, alerts and settings</strong> are kept in your account on this server.
          </li>
        </ul>
      </section>

      <section aria-labelledby="help-links">
        <h2 id="help-links">Links</h2>
        <ul>
          <li>
            <Link to="/">The workspace</Link>
          </li>
          <li>
            <Link to="/settings">Settings</Link>: time zone, theme, default symbol, sounds, number format, display name
          </li>
          <li>
            <Link to="/alerts">Alerts</Link>: create and manage price and level alerts
          </li>
          <li>
            <Link to="/journal">Journal</Link> and <Link to="/playbook">playbook</Link>
          </li>
          <li>
            <Link to="/status">System status</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
