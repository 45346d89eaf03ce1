import type { AdminTruthView } from '@marketswarm/shared/dto';
import { describeChange, formatJsonValue } from './admin-format';
import { AdminSection } from './AdminSection';

export interface TruthSectionProps {
  view: AdminTruthView | undefined;
  error: string | undefined;
}

const FILES_STATE: Record<AdminTruthView['files']['state'], string> = {
  present: 'scripts/truth.json',
  absent: 'no scripts/truth.json on this gateway’s host',
  unreadable: 'scripts/truth.json is unreadable',
};

/** The loaded truth against the compiled files, and the settings processes need a restart for. */
export function TruthSection({ view, error }: TruthSectionProps) {
  return (
    <AdminSection id="truth" title="Truth" error={error} loading={!view}>
      {view && (
        <>
          <dl className="admin-facts">
            <dt>Loaded</dt>
            <dd>
              <code data-testid="admin-truth-version">{view.version}</code> at {view.loadedAt}
            </dd>
            <dt>Files</dt>
            <dd>
              {view.files.version ? <code>{view.files.version}</code> : FILES_STATE[view.files.state]}
              {view.files.state === 'present' && (view.files.diff.length === 0 ? ' — same as loaded' : ` — ${view.files.diff.length}${view.files.truncated ? '+' : ''} difference(s); ./admin load-truth applies them`)}
            </dd>
          </dl>
          {view.files.diff.length > 0 && (
            <div className="admin-scroll">
              <table className="jp-table" data-testid="admin-truth-diff">
                <caption className="admin-caption">Loaded vs files</caption>
                <thead>
                  <tr>
                    <th scope="col">Path</th>
                    <th scope="col">Change</th>
                    <th scope="col">Loaded</th>
                    <th scope="col">Files</th>
                  </tr>
                </thead>
                <tbody>
                  {view.files.diff.map((c) => (
                    <tr key={c.path}>
                      <th scope="row">
                        <code>{c.path}</code>
                      </th>
                      <td>{describeChange(c.change)}</td>
                      <td>
                        <code>{formatJsonValue(c.loaded)}</code>
                      </td>
                      <td>
                        <code>{formatJsonValue(c.files)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="admin-caption">Restart needed</h3>
          {view.restartNeeded.length === 0 ? (
            <p className="jp-empty" data-testid="admin-restart-needed">No process waits for a restart to apply a setting.</p>
          ) : (
            <ul data-testid="admin-restart-needed">
              {view.restartNeeded.map((r) => (
                <li key={r.component}>
                  <strong>{r.component}</strong>: {r.settings.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </AdminSection>
  );
}
