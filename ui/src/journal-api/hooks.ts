import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { CandleInterval, CloseTradeBody, TradeDto, UpdateTradeBody } from '@marketswarm/shared/dto';
import {
  closeTrade,
  createLog,
  fetchAnalytics,
  fetchCandles,
  fetchLogs,
  fetchSettings,
  fetchTags,
  fetchTrade,
  fetchTradePage,
  importFile,
  updateTrade,
  type ImportRequest,
} from './journal-api';
import { ApiError } from '../api/http';
import { firstStep, mergeSteps, readStep, type PendingLog } from './trade-pager';

/** TanStack Query keys of the journal: everything under `journal` is dropped together after a write. */
export const journalKeys = {
  all: ['journal'] as const,
  logs: ['journal', 'logs'] as const,
  tags: ['journal', 'tags'] as const,
  settings: ['journal', 'settings'] as const,
  trades: (logIds: readonly string[], query: string) => ['journal', 'trades', logIds.join(','), query] as const,
  trade: (id: string) => ['journal', 'trade', id] as const,
  analytics: (query: string) => ['journal', 'analytics', query] as const,
  candles: (symbol: string, interval: CandleInterval, limit: number) => ['candles', 'journal-history', symbol, interval, limit] as const,
};

const MINUTE = 60_000;

/** A 4xx (no such trade, a refused filter) will answer the same again: retry only failures that may pass. */
export function retryTransient(failures: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export const useLogs = () => useQuery({ queryKey: journalKeys.logs, queryFn: ({ signal }) => fetchLogs(signal), staleTime: MINUTE, retry: retryTransient });
export const useTags = () => useQuery({ queryKey: journalKeys.tags, queryFn: ({ signal }) => fetchTags(signal), staleTime: MINUTE, retry: retryTransient });
export const useSettings = () => useQuery({ queryKey: journalKeys.settings, queryFn: ({ signal }) => fetchSettings(signal), staleTime: 5 * MINUTE, retry: retryTransient });

/** The exchange time zone the journal buckets days in, until the user's settings load. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** The journal's exchange time zone and break-even tolerance, with the documented defaults until they load. */
export function useJournalConventions(): { timeZone: string; breakevenTolerance: number; ready: boolean } {
  const settings = useSettings();
  return {
    timeZone: settings.data?.timeZone ?? DEFAULT_TIME_ZONE,
    breakevenTolerance: settings.data?.breakevenTolerance ?? 0,
    // An unreachable settings route should not hold the pages back forever: the defaults then apply.
    ready: settings.isSuccess || settings.isError,
  };
}

/** The user's journal time zone: the default while loading or when settings fail. */
export const useJournalTimeZone = (): string => useSettings().data?.timeZone ?? DEFAULT_TIME_ZONE;

export interface AllTrades {
  trades: TradeDto[];
  /** The first step is in. */
  isPending: boolean;
  /** More pages are being read in the background. */
  isLoadingMore: boolean;
  error: Error | null;
  retry: () => void;
}

/**
 * Every trade of `logIds` matching `query` (from `tradesQuery()`): the first page of each log at once,
 * then the following pages one step after another in the background until the last.
 */
export function useAllTrades(logIds: readonly string[], query: URLSearchParams, enabled: boolean): AllTrades {
  const queryString = query.toString();
  const result = useInfiniteQuery({
    queryKey: journalKeys.trades(logIds, queryString),
    initialPageParam: firstStep(logIds),
    queryFn: ({ pageParam, signal }) => readStep(pageParam, (logId, cursor) => fetchTradePage(logId, new URLSearchParams(queryString), cursor, signal)),
    getNextPageParam: (last): PendingLog[] | undefined => (last.next.length > 0 ? last.next : undefined),
    enabled: enabled && logIds.length > 0,
    retry: retryTransient,
    // Thousands of trades: comparing each new page deeply with the last would cost more than it saves.
    structuralSharing: false,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = result;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const trades = useMemo(() => mergeSteps(result.data?.pages ?? []), [result.data]);
  return {
    trades,
    isPending: enabled && logIds.length > 0 && result.isPending,
    isLoadingMore: hasNextPage || isFetchingNextPage,
    error: result.error,
    retry: () => void result.refetch(),
  };
}

export const useTrade = (tradeId: string) => useQuery({ queryKey: journalKeys.trade(tradeId), queryFn: ({ signal }) => fetchTrade(tradeId, signal), retry: retryTransient });

/** Edits notes, tags or risk; the trade's page shows the answer at once and lists refresh. */
export function useUpdateTrade(tradeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTradeBody) => updateTrade(tradeId, body),
    onSuccess: (trade) => {
      client.setQueryData(journalKeys.trade(tradeId), trade);
      void client.invalidateQueries({ queryKey: ['journal', 'trades'] });
      void client.invalidateQueries({ queryKey: journalKeys.tags });
    },
  });
}

export function useCloseTrade(tradeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CloseTradeBody> & { prices: number[] }) => closeTrade(tradeId, body),
    onSuccess: (result) => {
      const same = result.trades.find((t) => t.id === tradeId);
      if (same) client.setQueryData(journalKeys.trade(tradeId), same);
      void client.invalidateQueries({ queryKey: journalKeys.all });
    },
  });
}

/** The analytics request for a query string: one definition for the page and its boot-time prefetch. */
export const analyticsQueryOptions = (query: URLSearchParams) => {
  const queryString = query.toString();
  // Fresh for a few seconds: the page mounting just after its boot-time prefetch must not ask again.
  return { queryKey: journalKeys.analytics(queryString), queryFn: ({ signal }: { signal: AbortSignal }) => fetchAnalytics(new URLSearchParams(queryString), signal), retry: retryTransient, staleTime: 5_000 };
};

export const useAnalytics = (query: URLSearchParams, enabled: boolean) => useQuery({ ...analyticsQueryOptions(query), enabled });

export function useCreateLog() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createLog,
    onSuccess: () => void client.invalidateQueries({ queryKey: journalKeys.logs }),
  });
}

/** A dry run changes nothing; a commit makes every journal query stale. */
export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) => importFile(request),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: journalKeys.all });
    },
  });
}

export const useCandles = (symbol: string, interval: CandleInterval, limit: number, enabled: boolean) =>
  useQuery({ queryKey: journalKeys.candles(symbol, interval, limit), queryFn: ({ signal }) => fetchCandles(symbol, interval, limit, signal), enabled, staleTime: MINUTE, retry: false });
