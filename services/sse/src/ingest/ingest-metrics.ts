import { Counter, type Registry } from '@marketswarm/shared/metrics';

/** What ingest counts, registered once per process on the gateway's registry. */
export function createIngestMetrics(registry: Registry) {
  return {
    // `key` is the key's name: chosen by an operator, few, and what a dashboard reader recognises.
    events: new Counter({ name: 'ms_ingest_events_total', help: 'Events accepted through POST /api/ingest', labelNames: ['topic', 'key'], registers: [registry] }),
    rejected: new Counter({ name: 'ms_ingest_rejected_total', help: 'Ingest requests refused, by error code', labelNames: ['reason'], registers: [registry] }),
  };
}
export type IngestMetrics = ReturnType<typeof createIngestMetrics>;
