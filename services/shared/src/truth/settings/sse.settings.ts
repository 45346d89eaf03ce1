import { z } from 'zod';
import { INGEST_MAX_BODY_BYTES } from '../../dto/ingest.schema.js';
import { componentSettings } from './settings-spec.js';

/** An exact browser origin: scheme, host and optional port, nothing else (so never `*`). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const corsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    origins: z.array(z.string().refine(isOrigin, 'must be an exact origin such as https://trade.example.com (no "*", no path)')).default([]),
  })
  .refine((cors) => !cors.enabled || cors.origins.length > 0, { message: 'must list at least one origin when cors is enabled', path: ['origins'] });

/** The SSE gateway (`truth/components/sse.json` → `settings`). */
export const sseSettings = componentSettings(
  'sse',
  z.strictObject({
    keepaliveMs: z
      .number()
      .int()
      .min(1000)
      .max(60_000)
      .default(15_000)
      .describe('Comment keepalive interval on every stream and session check cadence; keep it below every proxy read timeout'),
    retryMs: z
      .number()
      .int()
      .min(250)
      .max(60_000)
      .default(2000)
      .describe('Reconnect delay sent to browsers as retry:, jittered ±20 %')
      .meta({ live: true }),
    byteBudget: z
      .number()
      .int()
      .min(16_384)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024)
      .describe('Bytes a lagging client may hold unsent before it is disconnected with a reason')
      .meta({ live: true }),
    recentCount: z.number().int().min(0).max(1000).default(50).describe('Items sent on connect for intel and vexy').meta({ live: true }),
    maxStreamsPerUser: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(32)
      .describe('Concurrent streams one user may hold on one gateway process, across sessions (a workspace tab opens up to 8 over HTTP/2, 1 over HTTP/1.1); past it a new stream gets 429')
      .meta({ live: true }),
    maxStreamsPerSession: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(24)
      .describe('Concurrent streams one session (one browser, all its tabs) may hold on one gateway process; past it a new stream gets 429')
      .meta({ live: true }),
    instances: z
      .number()
      .int()
      .min(1)
      .max(8)
      .default(1)
      .describe('Gateway processes on this host under pm2 (fotw-sse, then fotw-sse-2 on the port + 20, …) behind the nginx upstream; MS_SSE_INSTANCES or ./admin up --gateways wins'),
    ingest: z
      .strictObject({
        ratePerSec: z.number().min(0.01).max(100_000).default(50).describe('Events per second one API key may publish, sustained'),
        burst: z.number().int().min(1).max(100_000).default(200).describe('Events one API key may publish at once after a quiet spell; also the largest batch'),
        maxBodyBytes: z
          .number()
          .int()
          .min(1024)
          .max(INGEST_MAX_BODY_BYTES)
          .default(INGEST_MAX_BODY_BYTES)
          .describe(`Largest POST /api/ingest body in bytes; a bigger one gets 413 (nginx itself refuses more than ${INGEST_MAX_BODY_BYTES / 1024} KiB on this route)`),
      })
      .default({ ratePerSec: 50, burst: 200, maxBodyBytes: INGEST_MAX_BODY_BYTES })
      .describe('API-key ingest (POST /api/ingest/:topic): { ratePerSec, burst } per key, counted in system Redis across gateways, and { maxBodyBytes }'),
    cors: corsSchema
      .default({ enabled: false, origins: [] })
      .describe('Cross-origin API access for another web origin: { enabled, origins: exact origins such as https://trade.example.com }; off behind nginx'),
  }),
  { node: ['sessionTtlSec'] },
);
export type SseSettings = z.output<typeof sseSettings.schema>;
