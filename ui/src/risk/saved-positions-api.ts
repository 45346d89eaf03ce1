import { savedPositionListSchema, savedPositionSchema, type CreateSavedPositionBody, type LogSavedPositionBody, type SavedPositionDto, type UpdateSavedPositionBody } from '@marketswarm/shared/dto';
import { z } from 'zod';
import { getJson, sendJson } from '../api/http';

/** The journal's saved what-if positions (`/api/journal/positions`, docs/API.md). */
const BASE = '/api/journal/positions';
const path = (id: string, tail = ''): string => `${BASE}/${encodeURIComponent(id)}${tail}`;

export const listSavedPositions = (signal?: AbortSignal): Promise<SavedPositionDto[]> => getJson(BASE, (b) => savedPositionListSchema.parse(b).positions, signal);

export const createSavedPosition = (body: CreateSavedPositionBody): Promise<SavedPositionDto> => sendJson('POST', BASE, body, (b) => savedPositionSchema.parse(b));

export const updateSavedPosition = (id: string, body: UpdateSavedPositionBody): Promise<SavedPositionDto> => sendJson('PATCH', path(id), body, (b) => savedPositionSchema.parse(b));

export const deleteSavedPosition = (id: string): Promise<void> => sendJson('DELETE', path(id), undefined, () => undefined);

/** What logging answers, reduced to what the page shows: the trade it opened. */
export interface LoggedTrade {
  tradeId: string;
}

const withTrade = z.object({ trade: z.object({ id: z.string().min(1) }) });
const withTrades = z.object({ trades: z.array(z.object({ id: z.string().min(1) })).min(1) });

/** The created trade in the answer: `{ trade }`, or the manual entry's `{ executions, trades }` shape. */
export function loggedTradeOf(body: unknown): LoggedTrade {
  const one = withTrade.safeParse(body);
  if (one.success) return { tradeId: one.data.trade.id };
  const many = withTrades.parse(body);
  return { tradeId: many.trades[0]?.id ?? '' };
}

export const logSavedPosition = (id: string, body: Partial<LogSavedPositionBody>): Promise<LoggedTrade> => sendJson('POST', path(id, '/log'), body, loggedTradeOf);
