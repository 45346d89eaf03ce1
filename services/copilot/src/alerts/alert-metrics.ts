import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the alert engine tells `/metrics`: how long a batch takes, how much it holds, what it fired and refused. */
export class AlertMetrics {
  readonly evaluation: Histogram;
  readonly loaded: Gauge<'kind'>;
  readonly fired: Counter<'kind'>;
  readonly conflicts: Counter;
  readonly invalid: Counter<'stream'>;
  readonly retries: Counter;
  readonly leader: Gauge;
  readonly takeovers: Counter;
  readonly streamGaps: Counter<'stream'>;
  readonly reloads: Counter;
  readonly failedBatches: Counter;
  readonly journalCalls: Histogram<'call'>;
  readonly journalBatchSize: Histogram;

  constructor(registry: Registry) {
    this.evaluation = new Histogram({
      name: 'ms_copilot_alerts_evaluation_seconds',
      help: 'Time to evaluate one batch of stream entries, journal calls and state commit included',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    });
    this.loaded = new Gauge({ name: 'ms_copilot_alerts_loaded', help: 'Enabled alerts the engine holds, by kind (prompt alerts as prompt-alert)', labelNames: ['kind'], registers: [registry] });
    this.fired = new Counter({ name: 'ms_copilot_alerts_fired_total', help: 'Alert events published to their owner, by kind', labelNames: ['kind'], registers: [registry] });
    this.conflicts = new Counter({ name: 'ms_copilot_alerts_hit_conflicts_total', help: 'Hits the journal refused (alert gone, disabled, cooling down, stage already reached)', registers: [registry] });
    this.invalid = new Counter({ name: 'ms_copilot_alerts_invalid_entries_total', help: 'Stream entries that failed the contract and were skipped, by stream', labelNames: ['stream'], registers: [registry] });
    this.retries = new Counter({ name: 'ms_copilot_alerts_outbox_retries_total', help: 'Outbox entries left for a later drain because the journal did not answer', registers: [registry] });
    this.reloads = new Counter({ name: 'ms_copilot_alerts_user_reloads_total', help: "Users whose alerts were read again from the journal: their own change, or a hit the journal refused (the engine's own hits reload nobody)", registers: [registry] });
    this.failedBatches = new Counter({ name: 'ms_copilot_alerts_failed_batches_total', help: 'Batches that failed before their commit and are read again (their hits undone in the book)', registers: [registry] });
    this.journalCalls = new Histogram({
      name: 'ms_copilot_alerts_journal_call_seconds',
      help: "How long the journal took to answer a report (hits: one batch request; hit, stage: one report), as the engine waited for it: the fired alert's event waits for this",
      labelNames: ['call'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    this.journalBatchSize = new Histogram({
      name: 'ms_copilot_alerts_journal_batch_hits',
      help: 'Hits per batch request to the journal (POST /api/internal/alerts/hits)',
      buckets: [1, 2, 5, 10, 25, 50, 100, 200],
      registers: [registry],
    });
    this.takeovers = new Counter({ name: 'ms_copilot_alerts_takeovers_total', help: 'Times this instance took the lease and resumed evaluation from the shared state', registers: [registry] });
    this.streamGaps = new Counter({
      name: 'ms_copilot_alerts_stream_gaps_total',
      help: 'Reads of a sync or book stream that found entries after the cursor trimmed away (the engine fell behind retention); each reloads every alert and book',
      labelNames: ['stream'],
      registers: [registry],
    });
    this.leader = new Gauge({ name: 'ms_copilot_alerts_leader', help: '1 while this instance holds the evaluation lease', registers: [registry] });
  }
}
