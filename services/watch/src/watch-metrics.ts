import { Counter, Gauge, type Registry } from '@marketswarm/shared/metrics';

/**
 * The watch's view of the stack as Prometheus series. Gauges are rebuilt every cycle, so a process
 * or gateway that went away drops out instead of freezing at its last value.
 */
export function createWatchMetrics(registry: Registry) {
  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  return {
    recoveryActions: new Counter({
      name: 'ms_watch_recovery_actions_total',
      help: 'Recovery actions of the watch per service (restart, recovered, give-up, skipped)',
      labelNames: ['service', 'action'],
      registers: [registry],
    }),
    cycles: new Counter({ name: 'ms_watch_cycles_total', help: 'Health cycles run, by outcome', labelNames: ['outcome'], registers: [registry] }),
    serviceScore: gauge('ms_service_health_score', 'Health score 0-100 of each process the watch scores', ['service']),
    heartbeatAge: gauge('ms_heartbeat_age_seconds', 'Age of the newest heartbeat of each process', ['service']),
    heartbeatFresh: gauge('ms_heartbeat_fresh', '1 when the heartbeat of a process is fresh, 0 when stale or missing', ['service']),
    processMemory: gauge('ms_process_memory_bytes', 'Resident memory of each process, as pm2 reports it', ['service']),
    redisUp: gauge('ms_redis_up', '1 when the Redis of a bus answers, else 0', ['bus']),
    redisMemory: gauge('ms_redis_used_memory_bytes', 'used_memory of the Redis of a bus', ['bus']),
    streamLag: gauge('ms_stream_lag_seconds', "Producer's last stream id time minus a gateway's read position", ['stream', 'gateway']),
  };
}
export type WatchMetrics = ReturnType<typeof createWatchMetrics>;
