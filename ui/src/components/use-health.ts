import { useCallback, useEffect, useState } from 'react';
import { fetchHealth, type HealthInfo } from '../api/health';

export type HealthState = { kind: 'loading' } | { kind: 'ok'; health: HealthInfo; checkedAt: Date } | { kind: 'error'; message: string };

/** Loads /api/health on mount and on `retry()`; a newer request aborts the older one. */
export function useHealth(): { state: HealthState; retry: () => void } {
  const [state, setState] = useState<HealthState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchHealth(controller.signal).then(
      (health) => setState({ kind: 'ok', health, checkedAt: new Date() }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
