import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gatewayInstances } from '@marketswarm/shared/config';
import { compileRepoTruthSync, repoRoot } from '@marketswarm/shared/testing';

const opsDir = path.join(repoRoot, 'docs/ops');

const scrapeSchema = z.object({
  rule_files: z.array(z.string()).min(1),
  scrape_configs: z.array(
    z.object({
      job_name: z.string(),
      metrics_path: z.literal('/metrics'),
      static_configs: z.array(z.object({ targets: z.array(z.string()).min(1), labels: z.object({ component: z.string() }) })),
    }),
  ),
});

const rulesSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      rules: z.array(
        z.strictObject({
          alert: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
          expr: z.string().min(1),
          for: z.string().regex(/^\d+[smh]$/).optional(),
          labels: z.object({ severity: z.enum(['page', 'warn']) }),
          annotations: z.object({ summary: z.string().min(1) }),
        }),
      ),
    }),
  ),
});

describe('docs/ops monitoring files', () => {
  const { truth } = compileRepoTruthSync();
  const scrape = scrapeSchema.parse(load(readFileSync(path.join(opsDir, 'prometheus.yml'), 'utf8')));
  const rules = rulesSchema.parse(load(readFileSync(path.join(opsDir, 'alert-rules.yml'), 'utf8')));
  const targets = scrape.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets.map((t) => `${c.labels.component} ${t}`)));

  it('scrape every process that serves /metrics on its truth port, and the second gateway', () => {
    const expected = Object.values(truth.components)
      .filter((c) => c.listen && c.meta.kind !== 'redis' && c.meta.kind !== 'proxy')
      .map((c) => `${c.id} 127.0.0.1:${c.listen!.port}`);
    expect(expected.length).toBeGreaterThanOrEqual(7);
    const second = gatewayInstances(truth, { MS_SSE_INSTANCES: '2' })[1]!;
    expect(targets.sort()).toEqual([...expected, `sse 127.0.0.1:${second.port}`].sort());
  });

  it('load rule files that exist beside the scrape config', () => {
    for (const file of scrape.rule_files) expect(readdirSync(opsDir)).toContain(file);
  });

  it('name every alert once and cover stale heartbeats, stream lag, slow consumers, 5xx rate and Redis memory', () => {
    const all = rules.groups.flatMap((g) => g.rules);
    expect(new Set(all.map((r) => r.alert)).size).toBe(all.length);
    const exprs = all.map((r) => r.expr).join('\n');
    for (const metric of ['ms_heartbeat_fresh', 'ms_stream_lag_seconds', 'ms_sse_disconnected_total', 'ms_http_requests_total', 'ms_redis_used_memory_bytes']) {
      expect(exprs).toContain(metric);
    }
  });
});
