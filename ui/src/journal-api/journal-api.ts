import {
  analyticsSchema,
  candleHistorySchema,
  importResultSchema,
  ingestResultSchema,
  journalSettingsSchema,
  tagListSchema,
  tradeLogListSchema,
  tradeLogSchema,
  tradePageSchema,
  tradeSchema,
  type AnalyticsDto,
  type CandleHistory,
  type CandleInterval,
  type CloseTradeBody,
  type CreateTradeLogBody,
  type GenericCsvMappingInput,
  type ImportFormat,
  type ImportResultDto,
  type IngestResultDto,
  type JournalSettingsDto,
  type TagDto,
  type TradeDto,
  type TradeLogDto,
  type TradePageDto,
  type UpdateTradeBody,
} from '@marketswarm/shared/dto';
import type { z } from 'zod';
import { ApiError, getJson, sendForm, sendJson } from '../api/http';

/**
 * Typed fetchers of the journal's REST API (docs/API.md, "Journal"). Every answer is parsed with the
 * shared schema the journal itself answers with, so a contract drift fails here with the fields named
 * instead of as `undefined` three components away.
 */

export function parseWith<S extends z.ZodType>(schema: S, what: string): (body: unknown) => z.infer<S> {
  return (body) => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 5).join(', ');
    throw new ApiError(200, `${what} answered an unexpected body (${fields})`);
  };
}

const id = (value: string) => encodeURIComponent(value);

export const fetchLogs = (signal?: AbortSignal): Promise<TradeLogDto[]> =>
  getJson('/api/logs', parseWith(tradeLogListSchema, 'GET /api/logs'), signal).then((answer) => answer.logs);

export const createLog = (body: Partial<CreateTradeLogBody> & { name: string }): Promise<TradeLogDto> =>
  sendJson('POST', '/api/logs', body, parseWith(tradeLogSchema, 'POST /api/logs'));

/** One keyset page of a log's trades; `query` from `tradesQuery()`, plus the page's `cursor`. */
export function fetchTradePage(logId: string, query: URLSearchParams, cursor: string | undefined, signal?: AbortSignal): Promise<TradePageDto> {
  const params = new URLSearchParams(query);
  if (cursor !== undefined) params.set('cursor', cursor);
  return getJson(`/api/logs/${id(logId)}/trades?${params}`, parseWith(tradePageSchema, 'GET /api/logs/:id/trades'), signal);
}

export const fetchTrade = (tradeId: string, signal?: AbortSignal): Promise<TradeDto> =>
  getJson(`/api/trades/${id(tradeId)}`, parseWith(tradeSchema, 'GET /api/trades/:id'), signal);

export const updateTrade = (tradeId: string, body: UpdateTradeBody): Promise<TradeDto> =>
  sendJson('PATCH', `/api/trades/${id(tradeId)}`, body, parseWith(tradeSchema, 'PATCH /api/trades/:id'));

export const closeTrade = (tradeId: string, body: Partial<CloseTradeBody> & { prices: number[] }): Promise<IngestResultDto> =>
  sendJson('POST', `/api/trades/${id(tradeId)}/close`, body, parseWith(ingestResultSchema, 'POST /api/trades/:id/close'));

export const fetchAnalytics = (query: URLSearchParams, signal?: AbortSignal): Promise<AnalyticsDto> =>
  getJson(`/api/analytics?${query}`, parseWith(analyticsSchema, 'GET /api/analytics'), signal);

export const fetchSettings = (signal?: AbortSignal): Promise<JournalSettingsDto> =>
  getJson('/api/settings', parseWith(journalSettingsSchema, 'GET /api/settings'), signal);

export const fetchTags = (signal?: AbortSignal): Promise<TagDto[]> =>
  getJson('/api/tags', parseWith(tagListSchema, 'GET /api/tags'), signal).then((answer) => answer.tags);

export interface ImportRequest {
  logId: string;
  file: Blob;
  fileName: string;
  /** Over detection by header signature; undefined lets the journal detect it. */
  broker?: ImportFormat;
  timeZone?: string;
  dryRun: boolean;
  /** A generic CSV's column mapping, sent inline (as JSON) … */
  mapping?: GenericCsvMappingInput;
  /** … or a saved mapping's id. */
  mappingId?: string;
}

/** `POST /api/logs/:id/import` as multipart: the file in `file`, `broker`, `timeZone` and a generic CSV's `mapping` or `mappingId` beside it. */
export function importFile(request: ImportRequest): Promise<ImportResultDto> {
  const form = new FormData();
  if (request.broker) form.set('broker', request.broker);
  if (request.timeZone) form.set('timeZone', request.timeZone);
  if (request.mapping) form.set('mapping', JSON.stringify(request.mapping));
  else if (request.mappingId) form.set('mappingId', request.mappingId);
  form.set('file', request.file, request.fileName);
  return sendForm(`/api/logs/${id(request.logId)}/import?dryRun=${String(request.dryRun)}`, form, parseWith(importResultSchema, 'POST /api/logs/:id/import'));
}

/** A symbol's candle history (gateway); the trade page draws the trade's session from it. */
export const fetchCandles = (symbol: string, interval: CandleInterval, limit: number, signal?: AbortSignal): Promise<CandleHistory> =>
  getJson(`/api/models/candles/${id(symbol)}/history?interval=${interval}&limit=${limit}`, parseWith(candleHistorySchema, 'candle history'), signal);
