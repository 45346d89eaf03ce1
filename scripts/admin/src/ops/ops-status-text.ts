import type { RecoveryAction, StreamLagView } from '@marketswarm/shared/ops';
import { formatBytes } from '../ui/format-bytes.js';
import { green, red, yellow } from '../ui/output.js';
import { renderTable } from '../ui/table.js';
import type { OpsStatus } from './ops-status.js';

/** Lag of one gateway on one stream: "level", "120 ms behind", "-" when it does not read it. */
export function formatLag(gateway: StreamLagView['gateways'][number]): string {
  if (gateway.lagMs === null) return '-';
  if (!gateway.behind) return 'level';
  return gateway.lagMs >= 1000 ? `${(gateway.lagMs / 1000).toFixed(1)} s behind` : `${gateway.lagMs} ms behind`;
}

function actionLine(a: RecoveryAction): string {
  const what = a.action === 'give-up' ? red(a.action) : a.action === 'recovered' ? green(a.action) : yellow(a.action);
  const attempt = a.action === 'restart' || a.action === 'give-up' ? ` (attempt ${a.attempt})` : '';
  const failure = a.ok ? '' : red(` failed: ${a.error ?? 'unknown error'}`);
  return `${new Date(a.ts).toISOString()}  ${a.service}  ${what}${attempt}  ${a.reason}${failure}`;
}

/** The sections `./admin status` prints after the process table. */
export function renderOpsStatus(ops: OpsStatus): string {
  const out: string[] = [];
  const report = ops.watch.report;
  if (report && ops.watch.fresh) {
    const colour = report.overall.status === 'healthy' ? green : report.overall.status === 'degraded' ? yellow : red;
    out.push(`watch  overall score ${report.overall.score} ${colour(report.overall.status)} (report ${ops.watch.ageSec ?? 0}s old)`);
  } else {
    out.push(`watch  ${yellow('watch not running')}${report ? ` (last report ${ops.watch.ageSec ?? '?'}s old)` : ''}`);
  }

  out.push('', 'recent recovery actions');
  out.push(ops.recovery.length === 0 ? '  none' : ops.recovery.map((a) => `  ${actionLine(a)}`).join('\n'));

  const gateways = [...new Set(ops.streams.flatMap((s) => s.gateways.map((g) => g.instance)))];
  const streamRows = ops.streams.map((s) => [
    s.topic,
    s.bus,
    s.length === null ? red('unreachable') : String(s.length),
    String(s.maxlen),
    s.lastId ?? '-',
    ...gateways.map((instance) => {
      const g = s.gateways.find((x) => x.instance === instance);
      return g ? (g.behind ? yellow(formatLag(g)) : formatLag(g)) : '-';
    }),
  ]);
  out.push('', renderTable(['stream', 'bus', 'length', 'maxlen', 'producer id', ...gateways.map((g) => `lag ${g}`)], streamRows));
  if (gateways.length === 0) out.push('  (no gateway reports its read position)');

  const redisRows = ops.redis.map((r) => [
    r.bus,
    r.reachable ? green('up') : red('unreachable'),
    formatBytes(r.usedMemoryBytes),
    r.maxMemoryBytes === null ? (r.reachable ? 'no limit' : '-') : formatBytes(r.maxMemoryBytes),
    r.aof === null ? '-' : r.aof ? 'on' : 'off',
  ]);
  out.push('', renderTable(['redis', 'state', 'used memory', 'maxmemory', 'aof'], redisRows));
  return out.join('\n');
}
