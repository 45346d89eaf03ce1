import type { AlertDto } from '@marketswarm/shared/dto';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { checkAlertForm, checkAlertPatch, formFields, type AlertFormValues } from '../../alerts-api/alert-form';
import { alertHistory, createAlert, deleteAlert, listAlerts, recentAlertHits, setAlertEnabled, updateAlert } from '../../alerts-api/alerts-api';
import { beep, isAlertSoundOn, setAlertSound } from '../../alerts-api/alert-sound';
import type { AlertRefNames } from '../../alerts-api/alert-wording';
import { submitErrors } from '../../auth/form-issues';
import { listSavedPositions } from '../../risk/saved-positions-api';
import { useNow } from '../../text/use-now';
import type { FormOutcome } from './AlertForm';
import { AlertHistoryView, AlertsView } from './AlertsView';
import { RecentHitsView } from './RecentHitsView';
import { useFiredRefresh } from './use-fired-refresh';
import './alerts-page.css';

/** TanStack Query keys of the alert manager. */
export const alertKeys = {
  all: ['alerts'] as const,
  list: ['alerts', 'list'] as const,
  history: (id: string) => ['alerts', 'history', id] as const,
  recentHits: ['alerts', 'recent-hits'] as const,
  positions: ['journal', 'saved-positions'] as const,
};

/** Hits and last-fired times change while the page is open; the list is read again this often. */
const REFRESH_MS = 30_000;
/** How many of the trader's latest hits the page lists. */
const RECENT_HITS = 20;

/** `/alerts`: the container of AlertsView, over the journal's `/api/alerts`, read again when an alert fires. */
export function AlertsPage() {
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: alertKeys.list, queryFn: ({ signal }) => listAlerts(signal), refetchInterval: REFRESH_MS });
  useFiredRefresh(alertKeys.all);
  const positions = useQuery({ queryKey: alertKeys.positions, queryFn: ({ signal }) => listSavedPositions(signal), staleTime: 60_000 });
  const now = useNow(15_000);
  const [sound, setSound] = useState(() => isAlertSoundOn());
  const [rowStatus, setRowStatus] = useState<Record<string, string>>({});

  const names = useMemo<AlertRefNames>(() => {
    const byId = new Map((positions.data ?? []).map((p) => [p.id, p.name]));
    return { position: (id) => byId.get(id) };
  }, [positions.data]);

  const replace = useCallback(
    (alert: AlertDto) => client.setQueryData<AlertDto[]>(alertKeys.list, (old) => (old ?? []).map((a) => (a.id === alert.id ? alert : a))),
    [client],
  );
  const status = (id: string, text: string): void => setRowStatus((s) => ({ ...s, [id]: text }));

  const onCreate = async (values: AlertFormValues): Promise<FormOutcome> => {
    const checked = checkAlertForm(values);
    if (!checked.ok) return { ok: false, fields: checked.errors, message: 'Check the highlighted fields.' };
    try {
      const created = await createAlert(checked.body);
      client.setQueryData<AlertDto[]>(alertKeys.list, (old) => [...(old ?? []), created]);
      return { ok: true };
    } catch (error) {
      return { ok: false, ...submitErrors(error, formFields(values.kind)) };
    }
  };

  const onEdit = async (alert: AlertDto, values: AlertFormValues): Promise<FormOutcome> => {
    const checked = checkAlertPatch(values);
    if (!checked.ok) return { ok: false, fields: checked.errors, message: 'Check the highlighted fields.' };
    try {
      replace(await updateAlert(alert.id, checked.body));
      return { ok: true };
    } catch (error) {
      return { ok: false, ...submitErrors(error, formFields(values.kind)) };
    }
  };

  const onToggle = (alert: AlertDto, enabled: boolean): void => {
    status(alert.id, '');
    replace({ ...alert, enabled });
    setAlertEnabled(alert.id, enabled).then(replace, (error: unknown) => {
      replace(alert);
      status(alert.id, submitErrors(error, []).message);
    });
  };

  const onDelete = (alert: AlertDto): void => {
    status(alert.id, '');
    deleteAlert(alert.id).then(
      () => client.setQueryData<AlertDto[]>(alertKeys.list, (old) => (old ?? []).filter((a) => a.id !== alert.id)),
      (error: unknown) => status(alert.id, submitErrors(error, []).message),
    );
  };

  const onSound = (on: boolean): void => {
    setAlertSound(on);
    setSound(on);
    // Turning it on plays the sound once: the trader hears what they chose (and the browser allows audio after this click).
    if (on) beep();
  };

  return (
    <AlertsView
      alerts={alerts.data}
      loading={alerts.isFetching}
      error={alerts.error}
      onRetry={() => void alerts.refetch()}
      positions={positions.data ?? []}
      names={names}
      now={now}
      onCreate={onCreate}
      onEdit={onEdit}
      onToggle={onToggle}
      onDelete={onDelete}
      history={(alert) => <AlertHistory alert={alert} now={now} />}
      sound={sound}
      onSound={onSound}
      rowStatus={rowStatus}
      recentHits={<RecentHits alerts={alerts.data} now={now} />}
    />
  );
}

/** Read with the list, and again whenever one of the trader's alerts fires (useFiredRefresh). */
function RecentHits({ alerts, now }: { alerts: readonly AlertDto[] | undefined; now: number }) {
  const hits = useQuery({ queryKey: alertKeys.recentHits, queryFn: ({ signal }) => recentAlertHits(RECENT_HITS, signal), refetchInterval: REFRESH_MS });
  const alertIds = useMemo(() => (alerts === undefined ? undefined : new Set(alerts.map((a) => a.id))), [alerts]);
  return <RecentHitsView hits={hits.data} loading={hits.isFetching} error={hits.error} now={now} alertIds={alertIds} />;
}

/** Fetched when a row's history opens, and again when the alert has fired since. */
function AlertHistory({ alert, now }: { alert: AlertDto; now: number }) {
  const hits = useQuery({ queryKey: [...alertKeys.history(alert.id), alert.hitCount], queryFn: ({ signal }) => alertHistory(alert.id, signal) });
  return <AlertHistoryView hits={hits.data} loading={hits.isFetching} error={hits.error} now={now} />;
}

export default AlertsPage;
