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

/** `POST …/log` answers the trade it opened (`tradeSchema`); the page needs its id. */
export function loggedTradeOf(body: unknown): LoggedTrade {
  return { tradeId: z.object({ id: z.string().min(1) }).parse(body).id };
}

export const logSavedPosition = (id: string, body: Partial<LogSavedPositionBody>): Promise<LoggedTrade> => sendJson('POST', path(id, '/log'), body, loggedTradeOf);
