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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
