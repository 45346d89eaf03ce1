import { Counter, Histogram, type Registry } from '@marketswarm/shared/metrics';

export function createIntelMetrics(registry: Registry) {
  return {
    published: new Counter({ name: 'ms_intel_items_published_total', help: 'Intel items published', labelNames: ['feed'], registers: [registry] }),
    duplicates: new Counter({ name: 'ms_intel_duplicates_skipped_total', help: 'Feed items skipped as already published', labelNames: ['feed'], registers: [registry] }),
    errors: new Counter({
      name: 'ms_intel_fetch_errors_total',
      help: 'Failed polls per feed and reason (fetch, parse, publish)',
      labelNames: ['feed', 'reason'],
      registers: [registry],
    }),
    notModified: new Counter({ name: 'ms_intel_not_modified_total', help: 'Polls answered "not modified"', labelNames: ['feed'], registers: [registry] }),
    duration: new Histogram({
      name: 'ms_intel_fetch_duration_seconds',
      help: 'Time to fetch one feed',
      labelNames: ['feed'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}
export type IntelMetrics = ReturnType<typeof createIntelMetrics>;
