/**
 * How the page talks to the gateway. Browsers cap HTTP/1.1 at six connections per origin, so eight
 * EventSources would starve every fetch; over HTTP/2 (or 3) streams are cheap and each panel may
 * have its own, which keeps a slow panel's backlog from delaying the others.
 */
export type Transport = 'per-stream' | 'multiplexed';

/** The protocol the page itself was loaded over (`h2`, `http/1.1`, …), or undefined when unknown. */
export function pageProtocol(perf: Pick<Performance, 'getEntriesByType'> | undefined = globalThis.performance): string | undefined {
  const entry = perf?.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry?.nextHopProtocol ? entry.nextHopProtocol : undefined;
}

/** `?transport=multiplexed|per-stream` overrides the choice (benchmarks and support sessions use it). */
export function chooseTransport(protocol: string | undefined, override?: string | null): Transport {
  if (override === 'multiplexed' || override === 'per-stream') return override;
  return protocol === 'h2' || protocol === 'h3' ? 'per-stream' : 'multiplexed';
}
