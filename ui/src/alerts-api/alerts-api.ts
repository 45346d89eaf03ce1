import { alertHistorySchema, alertListSchema, alertRecentHitsSchema, alertSchema, type AlertBodyInput, type AlertDto, type AlertHitDto, type AlertPatch, type AlertRecentHitDto } from '@marketswarm/shared/dto';
import { getJson, sendJson } from '../api/http';

/** The journal's alerts (`/api/alerts`, docs/API.md). */
const BASE = '/api/alerts';
const path = (id: string, tail = ''): string => `${BASE}/${encodeURIComponent(id)}${tail}`;

export const listAlerts = (signal?: AbortSignal): Promise<AlertDto[]> => getJson(BASE, (b) => alertListSchema.parse(b).alerts, signal);

export const createAlert = (body: AlertBodyInput): Promise<AlertDto> => sendJson('POST', BASE, body, (b) => alertSchema.parse(b));

export const updateAlert = (id: string, patch: AlertPatch): Promise<AlertDto> => sendJson('PATCH', path(id), patch, (b) => alertSchema.parse(b));

export const deleteAlert = (id: string): Promise<void> => sendJson('DELETE', path(id), undefined, () => undefined);

export const setAlertEnabled = (id: string, enabled: boolean): Promise<AlertDto> => sendJson('POST', path(id, enabled ? '/enable' : '/disable'), undefined, (b) => alertSchema.parse(b));

export const alertHistory = (id: string, signal?: AbortSignal): Promise<AlertHitDto[]> => getJson(path(id, '/history'), (b) => alertHistorySchema.parse(b).hits, signal);

/** The trader's latest hits across all their alerts, newest first, also of alerts a hit removed. */
export const recentAlertHits = (limit: number, signal?: AbortSignal): Promise<AlertRecentHitDto[]> =>
  getJson(`${BASE}/hits?limit=${limit}`, (b) => alertRecentHitsSchema.parse(b).hits, signal);
