import { z } from 'zod';
import { ConfigError } from '@marketswarm/shared/config';

/** The sse component's `settings` in truth, checked once at boot. */
export const gatewaySettingsSchema = z.strictObject({
  keepaliveMs: z.number().int().min(1000).max(60_000).default(15_000).describe('Comment keepalive interval; below every proxy timeout'),
  retryMs: z.number().int().min(250).max(60_000).default(2000).describe('Reconnect delay sent as retry:, jittered ±20 %'),
  byteBudget: z.number().int().min(16_384).max(64 * 1024 * 1024).default(1024 * 1024).describe('Bytes a lagging client may hold before it is disconnected'),
  recentCount: z.number().int().min(0).max(1000).default(50).describe('Items sent on connect for intel/vexy'),
  sessionTtlSec: z.number().int().min(60).default(604_800),
  cors: z.strictObject({ enabled: z.boolean(), origins: z.array(z.url()) }).default({ enabled: false, origins: [] }),
});
export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;

export function parseGatewaySettings(settings: unknown): GatewaySettings {
  const parsed = gatewaySettingsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((i) => `truth components.sse.settings.${i.path.join('.')}: ${i.message}`));
}
