import {
  attachmentSchema,
  calendarSchema,
  CSRF_COOKIE,
  CSRF_HEADER,
  entryAnswerSchema,
  entrySchema,
  retrospectiveListSchema,
  retrospectiveSchema,
  tradeLogListSchema,
  tradePageSchema,
  type AttachmentDto,
  type CalendarDto,
  type EntryBody,
  type EntryDto,
  type RetrospectiveBody,
  type RetrospectiveDto,
  type RetrospectivePeriod,
  type TradeDto,
} from '@marketswarm/shared/dto';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, getJson, readCookie, sendJson } from '../api/http';
import { queryString } from './query';

export type CalendarPeriod = { month: string } | { week: string };

export const fetchCalendar = (period: CalendarPeriod, signal?: AbortSignal): Promise<CalendarDto> =>
  getJson(`/api/journal/calendar${queryString('month' in period ? { month: period.month } : { week: period.week })}`, (b) => calendarSchema.parse(b), signal);

export const fetchEntry = (date: string, signal?: AbortSignal): Promise<EntryDto | null> =>
  getJson(`/api/journal/entries${queryString({ date })}`, (b) => entryAnswerSchema.parse(b).entry, signal);

export const putEntry = (date: string, body: EntryBody): Promise<EntryDto> => sendJson('PUT', `/api/journal/entries/${encodeURIComponent(date)}`, body, (b) => entrySchema.parse(b));

export const deleteEntry = (date: string): Promise<void> => sendJson('DELETE', `/api/journal/entries/${encodeURIComponent(date)}`, undefined, () => undefined);

export const attachmentUrl = (id: string): string => `/api/journal/attachments/${encodeURIComponent(id)}`;

export const deleteAttachment = (id: string): Promise<void> => sendJson('DELETE', attachmentUrl(id), undefined, () => undefined);

/**
 * Uploads one file as the multipart field `file` (the browser sets the boundary), with the CSRF
 * header every state-changing call carries.
 */
export async function uploadAttachment(date: string, file: File): Promise<AttachmentDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf !== undefined) headers[CSRF_HEADER] = csrf;
  const path = `/api/journal/entries/${encodeURIComponent(date)}/attachments`;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, `${path} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json().catch(() => undefined) : undefined;
  if (!res.ok) {
    const err = body as { statusCode?: unknown; message?: unknown; issues?: unknown } | undefined;
    const issues = Array.isArray(err?.issues) ? (err.issues as { path: string; message: string }[]) : [];
    const message = typeof err?.message === 'string' ? err.message : res.status === 413 ? 'the file is over 5 MiB' : `${path} answered ${res.status}`;
    throw new ApiError(res.status, message, issues);
  }
  return attachmentSchema.parse(body);
}

export const fetchRetrospectives = (period: RetrospectivePeriod | undefined, signal?: AbortSignal): Promise<RetrospectiveDto[]> =>
  getJson(`/api/journal/retrospectives${queryString({ period })}`, (b) => retrospectiveListSchema.parse(b).retrospectives, signal);

export const createRetrospective = (body: RetrospectiveBody): Promise<RetrospectiveDto> => sendJson('POST', '/api/journal/retrospectives', body, (b) => retrospectiveSchema.parse(b));

export const updateRetrospective = (id: string, body: RetrospectiveBody): Promise<RetrospectiveDto> =>
  sendJson('PUT', `/api/journal/retrospectives/${encodeURIComponent(id)}`, body, (b) => retrospectiveSchema.parse(b));

export const deleteRetrospective = (id: string): Promise<void> => sendJson('DELETE', `/api/journal/retrospectives/${encodeURIComponent(id)}`, undefined, () => undefined);

/** How far before a day a trade closed that day may have opened (swing trades): the trades route filters by open time. */
export const DAY_TRADES_LOOKBACK_MS = 60 * 86_400_000;
const DAY_TRADES_MAX_PAGES = 5;

/**
 * The trades of every log that closed in [from, to) (the day in the journal's zone). The trades
 * route filters by open time, so this asks for closed trades opened in the look-back window up to
 * the day's end and keeps those that closed within it.
 */
export async function fetchTradesClosedBetween(from: number, to: number, signal?: AbortSignal): Promise<TradeDto[]> {
  // Every log, archived ones too: the calendar's day counts them all.
  const logs = await getJson('/api/logs?archived=true', (b) => tradeLogListSchema.parse(b).logs, signal);
  const perLog = await Promise.all(
    logs.map(async (log) => {
      const found: TradeDto[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < DAY_TRADES_MAX_PAGES; page++) {
        const q = queryString({ status: 'closed', from: from - DAY_TRADES_LOOKBACK_MS, to, sort: '-openedAt', limit: 200, cursor });
        const { trades, nextCursor } = await getJson(`/api/logs/${encodeURIComponent(log.id)}/trades${q}`, (b) => tradePageSchema.parse(b), signal);
        found.push(...trades);
        if (nextCursor === null) break;
        cursor = nextCursor;
      }
      return found;
    }),
  );
  return perLog
    .flat()
    .filter((t) => t.closedAt !== null && t.closedAt >= from && t.closedAt < to)
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0));
}

const JOURNAL = ['journal'] as const;

export function useCalendar(period: CalendarPeriod) {
  return useQuery({
    queryKey: [...JOURNAL, 'calendar', period],
    queryFn: ({ signal }) => fetchCalendar(period, signal),
    // Month to month, keep the last grid on screen rather than flashing an empty one.
    placeholderData: keepPreviousData,
  });
}

export function useEntry(date: string) {
  return useQuery({ queryKey: [...JOURNAL, 'entry', date], queryFn: ({ signal }) => fetchEntry(date, signal) });
}

export function useTradesClosedBetween(from: number, to: number) {
  return useQuery({ queryKey: [...JOURNAL, 'day-trades', from, to], queryFn: ({ signal }) => fetchTradesClosedBetween(from, to, signal) });
}

export function useRetrospectives(period: RetrospectivePeriod | undefined) {
  return useQuery({ queryKey: [...JOURNAL, 'retrospectives', period ?? 'all'], queryFn: ({ signal }) => fetchRetrospectives(period, signal) });
}

/** A saved entry changes the calendar's dot and the entry itself. */
export function useSaveEntry(date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EntryBody) => putEntry(date, body),
    onSuccess: (entry) => {
      client.setQueryData([...JOURNAL, 'entry', date], entry);
      void client.invalidateQueries({ queryKey: [...JOURNAL, 'calendar'] });
    },
  });
}

export function useDeleteEntry(date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteEntry(date),
    onSuccess: () => {
      client.setQueryData([...JOURNAL, 'entry', date], null);
      void client.invalidateQueries({ queryKey: [...JOURNAL, 'calendar'] });
    },
  });
}

export function useUploadAttachment(date: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(date, file),
    // The upload creates the entry when the day had none: refetch it whole.
    onSettled: () => client.invalidateQueries({ queryKey: [...JOURNAL, 'entry', date] }),
  });
}

export function useDeleteAttachment(date: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteAttachment, onSettled: () => client.invalidateQueries({ queryKey: [...JOURNAL, 'entry', date] }) });
}

export function useSaveRetrospective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | undefined; body: RetrospectiveBody }) => (id === undefined ? createRetrospective(body) : updateRetrospective(id, body)),
    onSettled: () => client.invalidateQueries({ queryKey: [...JOURNAL, 'retrospectives'] }),
  });
}

export function useDeleteRetrospective() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteRetrospective, onSettled: () => client.invalidateQueries({ queryKey: [...JOURNAL, 'retrospectives'] }) });
}
