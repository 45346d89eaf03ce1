import { z } from 'zod';
import { componentSettings } from './settings-spec.js';

/** An exact browser origin: scheme, host and optional port (never `*`, never a path). */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const wsSettings = z.strictObject({
  allowedOrigins: z
    .array(z.string().refine(isOrigin, 'must be an exact origin such as https://trade.example.com (no "*", no path)'))
    .default([])
    .describe('origins besides the page\'s own host that may open a WebSocket'),
  maxPayloadBytes: z.number().int().min(256).max(65_536).default(4096).describe('largest client message; a bigger one closes the socket (1009)'),
  pingIntervalMs: z.number().int().min(1000).max(120_000).default(20_000).describe('a socket that has not answered the previous ping by the next one is dropped'),
  sendBufferBytes: z.number().int().min(16_384).max(16 * 1024 * 1024).default(1024 * 1024).describe('bytes a socket may have queued; past it the client is too slow and is closed (4008)'),
  maxSocketsPerUser: z.number().int().min(1).max(100).default(8).describe('open WebSockets one user may have across both paths; the next upgrade is refused 429'),
  messagesPerSecond: z.number().int().min(1).max(1000).default(10).describe('client messages a socket may send per second on average (token bucket refill); past it the socket is closed (1008)'),
  messageBurst: z.number().int().min(1).max(1000).default(20).describe('client messages a socket may send at once before messagesPerSecond applies (token bucket size)'),
  maxQueuedMessages: z.number().int().min(1).max(1000).default(32).describe('client messages of one socket received but not yet handled; past it the socket is closed (1008)'),
});

const providerSettings = z.strictObject({
  enabled: z.boolean().default(false).describe('use the OpenAI-compatible provider (secret llmApiKey) for commentary; the rules always remain the fallback'),
  baseUrl: z.url().default('https://api.openai.com/v1').describe('OpenAI-compatible API root; POST {baseUrl}/chat/completions'),
  model: z.string().min(1).default('gpt-4o-mini'),
  timeoutMs: z.number().int().min(500).max(60_000).default(8000),
  maxPerMinute: z.number().int().min(1).max(600).default(10).describe('provider calls per minute, across users'),
  breakerFailures: z.number().int().min(1).max(100).default(3).describe('consecutive failures that open the circuit breaker'),
  breakerCooldownSec: z.number().int().min(1).max(3600).default(60).describe('how long an open breaker sends everything to the rules'),
});

/**
 * The copilot (`truth/components/copilot.json` → `settings`); the provider key is a secret, not a setting.
 *
 * Live keys are the ones the copilot reads where it uses them: the MEL cycle reads its interval
 * and history size each cycle, the WebSocket server reads `ws` on each upgrade, send, message and
 * ping round (a new `maxPayloadBytes` applies to sockets opened after the reload), commentary reads
 * its limit and the provider on each line. `melSymbol` is not live: MEL's market window is built
 * for one symbol at boot, and ADI and commentary must describe the same one.
 */
export const copilotSettings = componentSettings(
  'copilot',
  z.strictObject({
    melIntervalMs: z.number().int().min(500).max(60_000).default(3000).describe('how often MEL scores are recomputed from market Redis').meta({ live: true }),
    melHistorySize: z.number().int().min(10).max(10_000).default(1200).describe('MEL snapshots kept per DTE for /api/mel/history (1200 × 3 s = one hour)').meta({ live: true }),
    melSymbol: z.string().min(1).default('SPX').describe('the underlying MEL and ADI describe'),
    ws: wsSettings.default(wsSettings.parse({})).describe('WebSocket limits of /ws/mel and /ws/commentary; a reload applies to the next upgrade, message and ping round').meta({ live: true }),
    commentaryMaxPerMinute: z.number().int().min(1).max(120).default(6).describe('commentary lines per user per minute; rules past it are dropped, not queued').meta({ live: true }),
    provider: providerSettings.default(providerSettings.parse({})).describe('optional OpenAI-compatible commentary provider').meta({ live: true }),
  }),
  { node: ['sessionTtlSec'] },
);
export type CopilotSettings = z.output<typeof copilotSettings.schema>;
