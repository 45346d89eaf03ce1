import { z } from 'zod';
import type { TopicName } from './topics.js';
import { candleIntervalSchema } from '../dto/candle-history.schema.js';
import { symbolSchema as symbol } from './symbol.js';

// Payloads are loose objects: producers may add fields that newer UIs use, but the fields listed
// here are what every consumer relies on and are always checked.
const finite = z.number().finite();
const seq = z.number().int().nonnegative().optional();
const epochMs = z.number().int().nonnegative();

export const spotPayloadSchema = z.looseObject({
  symbol,
  price: finite.positive(),
  prevClose: finite.positive().optional(),
  /** Traded size of the tick, when the source reports one. */
  size: finite.nonnegative().optional(),
  seq,
});
export const candlePayloadSchema = z.looseObject({
  symbol,
  interval: candleIntervalSchema,
  t: epochMs,
  o: finite,
  h: finite,
  l: finite,
  c: finite,
  v: finite.nonnegative().optional(),
  seq,
});
/** One heatmap cell (HeatmapTile in services/shared/src/models/heatmap.ts documents each field). */
export const heatmapTileSchema = z.looseObject({
  key: z.string().min(1),
  strategy: z.enum(['butterfly-call', 'butterfly-put', 'vertical-call', 'vertical-put', 'single-call', 'single-put', 'iron-fly', 'bwb-call', 'bwb-put']),
  dte: z.number().int().nonnegative(),
  width: finite.nonnegative(),
  strike: finite.positive(),
  /** Signed: positive paid, negative received (a credit). */
  debit: finite,
  maxProfit: finite.nullable(),
  maxLoss: finite,
  rewardRisk: finite.nullable(),
  expiry: epochMs,
  iv: finite.positive().optional(),
  theo: finite.optional(),
  bid: finite.optional(),
  ask: finite.optional(),
  wing: finite.positive().optional(),
});
export const heatmapPayloadSchema = z.looseObject({
  symbol,
  version: z.number().int().nonnegative(),
  kind: z.enum(['snapshot', 'diff']),
  tiles: z.record(z.string(), heatmapTileSchema),
  removed: z.array(z.string()).optional(),
  seq,
});
export const gexPayloadSchema = z.looseObject({
  symbol,
  spot: finite.positive().optional(),
  strikes: z.array(z.looseObject({ strike: finite.positive(), call: finite, put: finite, net: finite.optional() })),
  total: finite.optional(),
  callWall: finite.positive().optional(),
  putWall: finite.positive().optional(),
  flip: finite.positive().optional(),
  seq,
});
export const modePayloadSchema = z.looseObject({
  symbol: symbol.optional(),
  mode: z.enum(['compression', 'transition', 'expansion']),
  score: finite.min(0).max(100),
  seq,
});
export const biasPayloadSchema = z.looseObject({ symbol: symbol.optional(), bias: finite.min(-1).max(1), lfi: finite.optional(), seq });
/**
 * Trade ideas: `tile` is a heatmap tile key, best first. `family`, `dte` and `why` (the score in
 * words, `explainIdea`) are sent by the current producer; older events may lack them.
 */
export const selectorPayloadSchema = z.looseObject({
  symbol,
  ideas: z.array(
    z.looseObject({
      tile: z.string(),
      score: finite,
      family: z.enum(['butterfly', 'vertical', 'single', 'iron-fly', 'bwb']).optional(),
      dte: z.number().int().nonnegative().optional(),
      why: z.string().max(500).optional(),
    }),
  ),
  seq,
});
export const intelPayloadSchema = z.looseObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  source: z.string().min(1).max(200),
  link: z.url().optional(),
  published: epochMs.optional(),
  summary: z.string().max(5000).optional(),
  tickers: z.array(symbol).default([]),
  /** Set on the offline sample the producer writes when no real feed is configured: never news. */
  sample: z.boolean().optional(),
  seq,
});
export const vexyPayloadSchema = z.looseObject({ text: z.string().min(1).max(2000), kind: z.string().max(64).optional(), symbol: symbol.optional(), seq });
export const alertPayloadSchema = z.looseObject({
  id: z.string().min(1).max(100),
  message: z.string().min(1).max(1000),
  severity: z.enum(['info', 'warning', 'critical']).default('info'),
  seq,
});
export const tradePayloadSchema = z.looseObject({ id: z.string().min(1).max(100), symbol, seq });
export const positionsPayloadSchema = z.looseObject({ positions: z.array(z.looseObject({ id: z.string().min(1) })), seq });
export const riskGraphPayloadSchema = z.looseObject({ positions: z.array(z.looseObject({ id: z.string().min(1) })), seq });

export const topicPayloadSchemas = {
  spot: spotPayloadSchema,
  candles: candlePayloadSchema,
  heatmap: heatmapPayloadSchema,
  gex: gexPayloadSchema,
  mode: modePayloadSchema,
  bias: biasPayloadSchema,
  selector: selectorPayloadSchema,
  intel: intelPayloadSchema,
  vexy: vexyPayloadSchema,
  alerts: alertPayloadSchema,
  trades: tradePayloadSchema,
  positions: positionsPayloadSchema,
  'risk-graph': riskGraphPayloadSchema,
} as const satisfies Record<TopicName, z.ZodType>;

export type TopicPayload<T extends TopicName> = z.infer<(typeof topicPayloadSchemas)[T]>;
/**
 * A loose object's type without its `[key: string]: unknown` catch-all, at every depth, but keeping
 * real records (`tiles`). Consumers keep the catch-all (newer producers may add fields); producers
 * build payloads against the named fields only, so a misspelt field in a literal does not compile
 * and their own interfaces (which have no index signature) fit.
 */
export type WithoutCatchAll<T> = T extends readonly (infer U)[]
  ? WithoutCatchAll<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: WithoutCatchAll<T[K]> }
    : T;

/** What a producer builds for a topic: the named payload fields, before defaults are filled (`tickers`, `severity`). */
export type TopicPayloadInput<T extends TopicName> = WithoutCatchAll<z.input<(typeof topicPayloadSchemas)[T]>>;

/** The key a `latest-by-key` snapshot is stored under: per symbol (and interval), or per user. */
export function snapshotField(topic: TopicName, data: Record<string, unknown>, user: string | undefined): string {
  const parts: string[] = [];
  if (user !== undefined) parts.push(user);
  if (typeof data['symbol'] === 'string') parts.push(data['symbol']);
  if (topic === 'candles' && typeof data['interval'] === 'string') parts.push(data['interval']);
  return parts.length > 0 ? parts.join(':') : '_';
}
