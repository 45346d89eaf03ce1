import {
  orderFillListSchema,
  orderListSchema,
  orderSchema,
  savedPositionSchema,
  type CreateOrderBody,
  type OrderDto,
  type OrderFillDto,
  type OrderStatus,
  type SavedPositionDto,
} from '@marketswarm/shared/dto';
import { parseEvent } from '@marketswarm/shared/events';
import type { HeatmapTile } from '@marketswarm/shared/models';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { getJson, sendJson } from '../api/http';
import { queryString } from './query';

export const fetchOrders = (status: OrderStatus | undefined, signal?: AbortSignal): Promise<OrderDto[]> =>
  getJson(`/api/orders${queryString({ status })}`, (b) => orderListSchema.parse(b).orders, signal);

export const fetchFills = (signal?: AbortSignal): Promise<OrderFillDto[]> => getJson('/api/orders/fills', (b) => orderFillListSchema.parse(b).fills, signal);

export const placeOrder = (body: CreateOrderBody): Promise<OrderDto> => sendJson('POST', '/api/orders', body, (b) => orderSchema.parse(b));

export const cancelOrder = (id: string): Promise<OrderDto> => sendJson('POST', `/api/orders/${encodeURIComponent(id)}/cancel`, undefined, (b) => orderSchema.parse(b));

export const fetchSavedPosition = (id: string, signal?: AbortSignal): Promise<SavedPositionDto> =>
  getJson(`/api/journal/positions/${encodeURIComponent(id)}`, (b) => savedPositionSchema.parse(b), signal);

const ORDERS = ['orders'] as const;

/** Working orders fill while the page is open: poll them while any is working. */
export const ORDERS_POLL_MS = 5_000;

export function useOrders(status: OrderStatus | undefined) {
  return useQuery({
    queryKey: [...ORDERS, 'list', status ?? 'all'],
    queryFn: ({ signal }) => fetchOrders(status, signal),
    refetchInterval: (query) => (query.state.data?.some((o) => o.status === 'working') ? ORDERS_POLL_MS : false),
  });
}

export function useFills() {
  return useQuery({ queryKey: [...ORDERS, 'fills'], queryFn: ({ signal }) => fetchFills(signal) });
}

const modelSnapshotSchema = z.object({ items: z.array(z.unknown()) });

/** The heatmap's live tile of that key (`GET /api/models/heatmap/:symbol`), or undefined when it is not quoted now. */
export async function fetchLiveTile(symbol: string, key: string, signal?: AbortSignal): Promise<HeatmapTile | null> {
  const { items } = await getJson(`/api/models/heatmap/${encodeURIComponent(symbol)}`, (b) => modelSnapshotSchema.parse(b), signal);
  for (const item of items) {
    const parsed = parseEvent(item);
    if (parsed.ok && parsed.event.topic === 'heatmap') {
      const tile = parsed.event.data.tiles[key];
      if (tile) return tile;
    }
  }
  return null;
}

/** The tile an order is prefilled from, so its legs carry the tile's own expiry rather than one derived from its DTE. */
export function useLiveTile(symbol: string, key: string | undefined) {
  return useQuery({
    queryKey: ['models', 'heatmap', symbol, 'tile', key],
    queryFn: ({ signal }) => fetchLiveTile(symbol, key ?? '', signal),
    enabled: key !== undefined,
    staleTime: Infinity,
    retry: false,
  });
}

export function useSavedPosition(id: string | undefined) {
  return useQuery({
    queryKey: ['journal', 'positions', id],
    queryFn: ({ signal }) => fetchSavedPosition(id ?? '', signal),
    enabled: id !== undefined,
    staleTime: Infinity,
  });
}

export function usePlaceOrder() {
  const client = useQueryClient();
  return useMutation({ mutationFn: placeOrder, onSettled: () => client.invalidateQueries({ queryKey: ORDERS }) });
}

export function useCancelOrder() {
  const client = useQueryClient();
  return useMutation({ mutationFn: cancelOrder, onSettled: () => client.invalidateQueries({ queryKey: ORDERS }) });
}
