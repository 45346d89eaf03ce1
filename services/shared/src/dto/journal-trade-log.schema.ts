import { z } from 'zod';
import { epochMsSchema, moneySchema, nonNegativeDecimalInputSchema } from './journal-common.schema.js';

/** REST contracts of trade logs (`/api/logs`): accounts or portfolios that group trades. */

export const TRADE_LOG_NAME_MAX_LENGTH = 80;

const logNameSchema = z.string().trim().min(1, 'must not be empty').max(TRADE_LOG_NAME_MAX_LENGTH, `must be at most ${TRADE_LOG_NAME_MAX_LENGTH} characters`);
/** ISO 4217, upper case. */
const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');

export const createTradeLogBodySchema = z.strictObject({
  name: logNameSchema,
  currency: currencySchema.default('USD'),
  startingCapital: nonNegativeDecimalInputSchema.default(0),
});
export type CreateTradeLogBody = z.infer<typeof createTradeLogBodySchema>;

export const updateTradeLogBodySchema = z
  .strictObject({ name: logNameSchema.optional(), currency: currencySchema.optional(), startingCapital: nonNegativeDecimalInputSchema.optional() })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, currency, startingCapital');
export type UpdateTradeLogBody = z.infer<typeof updateTradeLogBodySchema>;

export const listTradeLogsQuerySchema = z.strictObject({
  archived: z.enum(['true', 'false'], 'must be "true" or "false"').optional().describe('true lists archived logs too'),
});
export type ListTradeLogsQuery = z.infer<typeof listTradeLogsQuerySchema>;

export const tradeLogSchema = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  startingCapital: moneySchema,
  isDefault: z.boolean(),
  archivedAt: epochMsSchema.nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type TradeLogDto = z.infer<typeof tradeLogSchema>;

export const tradeLogListSchema = z.object({ logs: z.array(tradeLogSchema) });
export type TradeLogListDto = z.infer<typeof tradeLogListSchema>;
