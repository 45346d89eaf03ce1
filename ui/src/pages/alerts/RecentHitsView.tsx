import type { AlertRecentHitDto } from '@marketswarm/shared/dto';
import { KIND_NAMES } from '../../alerts-api/alert-wording';
import { absoluteTime, isoTime, relativeTime } from '../../text/relative-time';

export interface RecentHitsViewProps {
  /** Newest first. */
  hits: readonly AlertRecentHitDto[] | undefined;
  loading: boolean;
  error: Error | null;
  now: number;
  /** The ids of the alerts the trader still has; undefined until the list loaded. */
  alertIds: ReadonlySet<string> | undefined;
}

/**
 * The trader's latest hits across every alert, newest first. A remove-on-hit alert is gone from
 * the table once it fired, so its hit is found only here, with the kind and label it had.
 */
export function RecentHitsView({ hits, loading, error, now, alertIds }: RecentHitsViewProps) {
  return (
    <section className="alerts-recent" aria-labelledby="alerts-recent-title" data-testid="recent-hits">
      <h2 id="alerts-recent-title">Recent hits</h2>
      {error ? (
        <p className="alerts-error">{error.message}</p>
      ) : hits === undefined ? (
        <p className="muted">{loading ? 'Loading recent hits…' : ''}</p>
      ) : hits.length === 0 ? (
        <p className="muted">No alert has fired yet.</p>
      ) : (
        <ol className="alerts-history">
          {hits.map((hit) => {
            const removed = alertIds !== undefined && !alertIds.has(hit.alertId);
            return (
              <li key={hit.id} data-testid="recent-hit" data-alert-id={hit.alertId} data-removed={removed}>
                <time dateTime={isoTime(hit.at)} title={absoluteTime(hit.at)}>
                  {relativeTime(hit.at, now)} ago
                </time>{' '}
                <span className="alerts-recent-kind">{KIND_NAMES[hit.kind]}</span>
                {hit.label !== null && <span className="muted"> — {hit.label}</span>}: {hit.message}
                {hit.value !== null && <span className="mono muted"> ({hit.value})</span>}
                {removed && <span className="muted"> (alert removed)</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
