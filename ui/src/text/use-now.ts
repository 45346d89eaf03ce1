import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` by one timer: a panel calls it once and hands
 * `now` to its rows, so relative times tick together instead of one timer per item.
 */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
