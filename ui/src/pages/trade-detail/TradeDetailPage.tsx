import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { useCloseTrade, useJournalConventions, useLogs, useTrade, useUpdateTrade } from '../../journal-api/hooks';
import { PlaybookChecklist } from '../playbook/PlaybookChecklist';
import { SessionChart } from './SessionChart';
import { issuesToErrors, type FieldErrors } from './trade-edit';
import { IDLE, TradeDetailView, type SubmitState } from './TradeDetailView';

function errorsOf(error: Error | null): FieldErrors {
  if (!error) return {};
  return { ...(error instanceof ApiError ? issuesToErrors(error.issues) : {}), '(root)': error.message };
}

function stateOf(mutation: { isPending: boolean; isSuccess: boolean; error: Error | null }): SubmitState {
  if (!mutation.isPending && !mutation.isSuccess && !mutation.error) return IDLE;
  return { pending: mutation.isPending, errors: errorsOf(mutation.error), done: mutation.isSuccess };
}

/** `/trades/:id`: the container of TradeDetailView. */
export function TradeDetailPage() {
  const { id = '' } = useParams();
  const trade = useTrade(id);
  const logs = useLogs();
  const { timeZone } = useJournalConventions();
  const update = useUpdateTrade(id);
  const close = useCloseTrade(id);
  const [closedNote, setClosedNote] = useState(false);
  if (trade.isPending) return <p className="muted" role="status">Loading the trade…</p>;
  if (trade.error) {
    const missing = trade.error instanceof ApiError && (trade.error.status === 404 || trade.error.status === 400);
    return (
      <div role="alert" className="error" data-testid="trade-not-found">
        <h1>{missing ? 'No such trade' : 'The trade could not be loaded'}</h1>
        <p>{trade.error.message}</p>
      </div>
    );
  }
  const data = trade.data;
  return (
    <>
      {closedNote ? (
        <p role="status" className="muted">
          The trade is closed.
        </p>
      ) : null}
      <TradeDetailView
        trade={data}
        logName={logs.data?.find((log) => log.id === data.logId)?.name}
        timeZone={timeZone}
        chart={<SessionChart trade={data} timeZone={timeZone} />}
        onSaveNotes={(body) => update.mutate(body)}
        notesState={stateOf(update)}
        onClose={(body) => close.mutate(body, { onSuccess: () => setClosedNote(true) })}
        closeState={stateOf(close)}
        playbook={<PlaybookChecklist tradeId={data.id} />}
      />
    </>
  );
}
