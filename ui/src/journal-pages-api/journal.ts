import {
  attachmentSchema,
  calendarDayTradesSchema,
  calendarSchema,
  CSRF_COOKIE,
  CSRF_HEADER,
  entryAnswerSchema,
  entrySchema,
  retrospectiveListSchema,
  retrospectiveSchema,
  type AttachmentDto,
  type CalendarDayTradesDto,
  type CalendarDto,
  type EntryBody,
  type EntryDto,
  type RetrospectiveBody,
  type RetrospectiveDto,
  type RetrospectivePeriod,
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

/**
 * The trades of every log that closed on `date` in the user's zone, and the day's figures: the
 * journal picks them exactly as its calendar counts the day, so the two never disagree.
 */
export const fetchCalendarDay = (date: string, signal?: AbortSignal): Promise<CalendarDayTradesDto> =>
  getJson(`/api/journal/calendar/day${queryString({ date })}`, (b) => calendarDayTradesSchema.parse(b), signal);

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

/** `timeZone` only keys the query: the journal reads the zone from the settings, so a changed zone refetches the day. */
export function useCalendarDay(date: string, timeZone: string) {
  return useQuery({ queryKey: [...JOURNAL, 'day-trades', date, timeZone], queryFn: ({ signal }) => fetchCalendarDay(date, signal) });
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
