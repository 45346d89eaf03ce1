import type { AlertDto } from '@marketswarm/shared/dto';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { listAlerts } from '../alerts-api/alerts-api';
import { ALERT_LIST_KEY, alertLevels } from './alert-levels';

/** Alerts are set elsewhere too (other tabs, the alert manager); the list is read again this often. */
const REFRESH_MS = 60_000;

/** The symbol's live price alert levels, and `added` to show a new alert at once (before the next read). */
export function useAlertLevels(symbol: string): { levels: number[]; added: (alert: AlertDto) => void } {
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ALERT_LIST_KEY, queryFn: ({ signal }) => listAlerts(signal), refetchInterval: REFRESH_MS, staleTime: 15_000 });
  const levels = useMemo(() => alertLevels(alerts.data, symbol), [alerts.data, symbol]);
  const added = useCallback((alert: AlertDto) => client.setQueryData<AlertDto[]>(ALERT_LIST_KEY, (old) => [...(old ?? []).filter((a) => a.id !== alert.id), alert]), [client]);
  return { levels, added };
}
