import { z } from 'zod';
import { symbolInputSchema } from '../events/symbol.js';
import { decimalInputSchema, epochMsSchema, journalIdSchema, moneySchema } from './journal-common.schema.js';
import { optionLegResponseSchema, optionLegsSchema, savedPositionLegSchema, SAVED_POSITION_MAX_LEGS } from './journal-saved-position.schema.js';

/**
 * REST contracts of simulated orders (`/api/orders`): limit orders on option spreads that the
 * journal fills against the live market (the heatmap model the market producer publishes) and
 * enters as trades through the same path as a trade typed by hand. docs/API.md "Orders".
 */

export const ORDER_MAX_LEGS = SAVED_POSITION_MAX_LEGS;
export const ORDER_MAX_QUANTITY = 10_000;

/**
 * One option leg of a spread, bought (`ratio` > 0) or sold (`ratio` < 0) `|ratio|` times per spread:
 * the very leg a saved position has, so a position or a tile becomes an order leg for leg.
 */
export const optionLegSchema = savedPositionLegSchema;
export type OptionLeg = z.infer<typeof optionLegSchema>;

export const orderSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('tile'), key: z.string().trim().min(1).max(100).describe('the heatmap tile key, strategy:dte:width:strike') }),
    z.strictObject({ kind: z.literal('position'), id: z.string().trim().min(1).max(100) }),
  ],
  'kind must be "tile" or "position"',
);
export type OrderSource = z.infer<typeof orderSourceSchema>;

export const createOrderBodySchema = z.strictObject({
  logId: journalIdSchema.optional().describe('the log the fill is entered into; default the default log'),
  symbol: symbolInputSchema.describe('the underlying, e.g. SPX'),
  legs: optionLegsSchema.describe('with a tile source, the journal takes the live tile\'s legs instead (its expiry is the tile\'s); the legs sent stand when the tile is no longer live'),
  quantity: z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
    .int('must be a whole number of spreads')
    .positive('must be positive')
    .max(ORDER_MAX_QUANTITY, `must be at most ${ORDER_MAX_QUANTITY}`),
  limitPrice: decimalInputSchema.describe('per spread, per unit: positive pays at most this debit, negative receives at least this credit'),
  source: orderSourceSchema.optional().describe('tile: a heatmap tile of `symbol`; position: one of the user\'s saved positions (404 naming source.id otherwise)'),
});
export type CreateOrderBody = z.infer<typeof createOrderBodySchema>;

export const ORDER_STATUSES = ['working', 'filled', 'cancelled', 'expired'] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES, 'must be working, filled, cancelled or expired');
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderListQuerySchema = z.strictObject({ status: orderStatusSchema.optional() });
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderFillSchema = z.object({
  orderId: z.string(),
  symbol: z.string(),
  quantity: z.number().int(),
  price: moneySchema.describe('per spread, per unit: positive a debit paid, negative a credit received'),
  at: epochMsSchema,
  tradeId: z.string().nullable().describe('the trade the fill opened or changed; null for the moment between the fill and its entry into the log'),
  pricedFrom: z.enum(['legs', 'tile']).describe('legs: Σ ratio × each leg\'s mid; tile: the heatmap tile\'s mid debit'),
});
export type OrderFillDto = z.infer<typeof orderFillSchema>;

export const orderSchema = z.object({
  id: z.string(),
  logId: z.string(),
  symbol: z.string(),
  legs: z.array(optionLegResponseSchema),
  quantity: z.number().int(),
  limitPrice: moneySchema,
  source: z.union([z.object({ kind: z.literal('tile'), key: z.string() }), z.object({ kind: z.literal('position'), id: z.string() })]).nullable(),
  status: orderStatusSchema,
  createdAt: epochMsSchema,
  expiresAt: epochMsSchema.describe('the session close the order lives until'),
  closedAt: epochMsSchema.nullable().describe('when it filled, was cancelled or expired'),
  reason: z.string().nullable().describe('why the journal cancelled it, when it did'),
  fill: orderFillSchema.nullable(),
});
export type OrderDto = z.infer<typeof orderSchema>;

/** An order as the evaluator reads it (`GET /api/internal/orders/:id`): with its owner. */
export const internalOrderSchema = orderSchema.extend({ userId: z.string() });
export type InternalOrderDto = z.infer<typeof internalOrderSchema>;

export const orderListSchema = z.object({ orders: z.array(orderSchema) });
export type OrderListDto = z.infer<typeof orderListSchema>;

export const orderFillListSchema = z.object({ fills: z.array(orderFillSchema) });
export type OrderFillListDto = z.infer<typeof orderFillListSchema>;
