import { z } from 'zod';
import { melDteSchema, melSnapshotSchema } from './copilot-mel.schema.js';

/**
 * ADI: the whole market picture of one underlying in one versioned export, for a trader to keep or
 * paste into a chat with an assistant (`GET /api/adi/snapshot?format=json|csv|text`). Every payload
 * names its schema id and version, so a reader can tell which fields to expect; a change that
 * removes or re-types a field raises the version. The SPA validates what it receives with this file.
 *
 * Units: prices in index points; `atmIv` and `realizedVol` annualised decimals (0.18 = 18 %);
 * GEX in dollars of delta per 1 % move (services/shared/src/models/gex.ts); money of the user's book
 * in dollars (points × multiplier × contracts). A figure the market data cannot give is null, never 0.
 */

export const ADI_SCHEMA_ID = 'marketswarm.adi';
export const ADI_SCHEMA_VERSION = 1;

export const adiSections = ['price', 'volatility', 'gamma', 'auction', 'session', 'mel', 'user'] as const;
export const adiSectionSchema = z.enum(adiSections, `must be one of ${adiSections.join(', ')}`);
export type AdiSection = z.infer<typeof adiSectionSchema>;

export const adiFormats = ['json', 'csv', 'text'] as const;
export const adiFormatSchema = z.enum(adiFormats, `must be one of ${adiFormats.join(', ')}`);
export type AdiFormat = z.infer<typeof adiFormatSchema>;

/** `?format=&dte=` of `/api/adi/snapshot`; `dte` picks the MEL snapshot and the ATM IV's expiry. */
export const adiQuerySchema = z.strictObject({ format: adiFormatSchema.default('json'), dte: melDteSchema.default(0) });
export type AdiQuery = z.infer<typeof adiQuerySchema>;

/** `?format=` of `/api/adi/snapshot/:section`. */
export const adiSectionQuerySchema = adiQuerySchema;
export type AdiSectionQuery = AdiQuery;
export const adiSectionParamsSchema = z.strictObject({ section: adiSectionSchema });
export type AdiSectionParams = z.infer<typeof adiSectionParamsSchema>;

const num = z.number();
const maybe = num.nullable();
const epochMs = z.number().int().nonnegative();

export const adiPriceSchema = z.object({
  spot: maybe,
  /** When the spot print was stamped, epoch ms. */
  asOf: epochMs.nullable(),
  prevClose: maybe,
  change: maybe.describe('spot − prevClose'),
  changePct: maybe.describe('(spot − prevClose) / prevClose × 100'),
  dayOpen: maybe,
  dayHigh: maybe,
  dayLow: maybe,
  trail: z.object({
    minutes: z.number().int().positive().describe('how far back the trail looks'),
    prints: z.number().int().nonnegative(),
    first: maybe,
    high: maybe,
    low: maybe,
    range: maybe.describe('high − low'),
    change: maybe.describe('last − first'),
  }),
});
export type AdiPrice = z.infer<typeof adiPriceSchema>;

export const adiModes = ['compression', 'transition', 'expansion'] as const;
export const adiVolRegimes = ['iv-rich', 'fair', 'iv-cheap'] as const;

export const adiVolatilitySchema = z.object({
  atmIv: maybe.describe('implied vol at the strike nearest spot, mean of its call and put'),
  atmStrike: maybe,
  atmDte: z.number().int().nonnegative().nullable().describe('the heatmap DTE the ATM IV is read from: the requested one, else the nearest'),
  realizedVol: maybe.describe('close-to-close stdev of the 1-minute log returns, annualised over 252 × 390 bars'),
  realizedBars: z.number().int().nonnegative(),
  ivRvRatio: maybe,
  regime: z.enum(adiVolRegimes).nullable().describe('iv-rich: IV ≥ 1.2 × RV; iv-cheap: IV ≤ 0.8 × RV; fair between'),
  mode: z.enum(adiModes).nullable(),
  modeScore: maybe,
});
export type AdiVolatility = z.infer<typeof adiVolatilitySchema>;

export const adiGammaSchema = z.object({
  netGex: maybe,
  flip: maybe.describe('zero gamma: where net GEX by strike changes sign nearest spot'),
  callWall: maybe,
  putWall: maybe,
  magnet: maybe.describe('the strike of largest |net GEX| within 1 % of spot'),
  magnetGex: maybe,
  spotVsFlip: z.enum(['above', 'below', 'at']).nullable(),
  strikes: z.number().int().nonnegative(),
  asOf: epochMs.nullable(),
});
export type AdiGamma = z.infer<typeof adiGammaSchema>;

export const adiAuctionSchema = z.object({
  bars: z.number().int().nonnegative().describe("today's candles the profile is built from"),
  binSize: maybe.describe('price step of the volume profile'),
  totalVolume: num.nonnegative(),
  poc: maybe.describe('point of control: the price level that traded the most volume'),
  vah: maybe.describe('value area high: top of the 70 % of volume around the POC'),
  val: maybe.describe('value area low'),
  hvn: z.array(num).describe('high-volume nodes, ascending'),
  lvn: z.array(num).describe('low-volume nodes, ascending'),
});
export type AdiAuction = z.infer<typeof adiAuctionSchema>;

export const adiSessionPhases = ['open', 'midday', 'late', 'closed'] as const;
export const adiSessionSchema = z.object({
  phase: z.enum(adiSessionPhases).describe('open 09:30–10:30, midday to 14:30, late to the close, New York'),
  date: z.string().describe('YYYY-MM-DD, New York'),
  time: z.string().describe('HH:MM, New York'),
  minutesToClose: z.number().int().nonnegative().nullable(),
  closesAt: z.string().nullable().describe('HH:MM, New York: 16:15 for SPX/NDX/RUT options, 16:00 otherwise'),
});
export type AdiSession = z.infer<typeof adiSessionSchema>;

export const adiLegSchema = z.object({
  expiry: z.string().nullable(),
  strike: maybe,
  right: z.enum(['call', 'put']).nullable(),
  /** Signed contracts: positive long, negative short (per spread for saved positions, in total for open trades). */
  quantity: num,
  entry: maybe.describe('points per unit'),
  mark: maybe.describe('live mid from the heatmap, points per unit'),
});
export type AdiLeg = z.infer<typeof adiLegSchema>;

export const adiPositionSchema = z.object({
  id: z.string(),
  kind: z.enum(['open', 'saved']),
  name: z.string(),
  symbol: z.string(),
  quantity: num,
  legs: z.array(adiLegSchema),
  cost: maybe.describe('dollars paid (negative: received) to open'),
  value: maybe.describe('dollars the legs are worth at their marks'),
  pnl: maybe.describe('value − cost'),
});
export type AdiPosition = z.infer<typeof adiPositionSchema>;

export const adiUserSchema = z.object({
  openPositions: z.array(adiPositionSchema),
  savedPositions: z.array(adiPositionSchema),
  openPnl: maybe.describe('sum of the open positions\u2019 pnl, null when any is unmarked'),
});
export type AdiUser = z.infer<typeof adiUserSchema>;

export const adiSchemaRefSchema = z.object({ id: z.literal(ADI_SCHEMA_ID), version: z.literal(ADI_SCHEMA_VERSION) });

const adiHeader = {
  schema: adiSchemaRefSchema,
  symbol: z.string().min(1),
  dte: z.number().int().nonnegative(),
  generatedAt: epochMs,
};

export const adiSectionSchemas = {
  price: adiPriceSchema,
  volatility: adiVolatilitySchema,
  gamma: adiGammaSchema,
  auction: adiAuctionSchema,
  session: adiSessionSchema,
  mel: melSnapshotSchema.nullable(),
  user: adiUserSchema,
} as const satisfies Record<AdiSection, z.ZodType>;

export const adiSnapshotSchema = z.object({ ...adiHeader, ...adiSectionSchemas }).meta({ title: 'MarketSwarm ADI snapshot' });
export type AdiSnapshot = z.infer<typeof adiSnapshotSchema>;

/** `/api/adi/snapshot/:section`: the header and that one section, as the full snapshot carries it. */
export const adiSectionSnapshotSchema = z.object({ ...adiHeader, ...adiSectionSchemas }).partial(Object.fromEntries(adiSections.map((s) => [s, true])) as Record<AdiSection, true>);
export type AdiSectionSnapshot = z.infer<typeof adiSectionSnapshotSchema>;

/** The `$id` of the served JSON schema: the schema id and version, so a reader can pin both. */
export const ADI_JSON_SCHEMA_ID = `urn:${ADI_SCHEMA_ID}:v${ADI_SCHEMA_VERSION}`;

/** `GET /api/adi/schema`: the snapshot's JSON Schema (draft 2020-12), generated from the zod schema above. */
export function adiJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(adiSnapshotSchema), $id: ADI_JSON_SCHEMA_ID, 'x-schema-id': ADI_SCHEMA_ID, 'x-schema-version': ADI_SCHEMA_VERSION };
}
