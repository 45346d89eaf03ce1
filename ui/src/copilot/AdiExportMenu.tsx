import type { AdiFormat } from '@marketswarm/shared/dto';
import { useCallback, useState } from 'react';
import { ErrorLine, FormStatus } from '../components/page-feedback';
import { useSession } from '../auth/session';
import { fetchAdi, saveBlob } from './adi-export';
import { melDteFrom } from './mel-preference';
import './adi-export.css';

export type AdiAction = 'copy' | 'json' | 'csv';

const FORMAT: Readonly<Record<AdiAction, AdiFormat>> = { copy: 'text', json: 'json', csv: 'csv' };
const DONE: Readonly<Record<AdiAction, string>> = { copy: 'Copied: paste it into your assistant.', json: 'Downloaded.', csv: 'Downloaded.' };

/** The header's ADI export: the market picture as text on the clipboard, or a JSON or CSV file. */
export function AdiExportMenu() {
  const { user } = useSession();
  const [busy, setBusy] = useState<AdiAction | undefined>();
  const [outcome, setOutcome] = useState<{ message?: string; error?: string }>({});

  const run = useCallback(
    (action: AdiAction) => {
      setBusy(action);
      setOutcome({});
      // The DTE the MEL bar follows (saved in the preferences): the export matches what the header shows.
      const dte = melDteFrom(user?.preferences);
      fetchAdi(FORMAT[action], dte)
        .then(async (download) => {
          if (action === 'copy') await navigator.clipboard.writeText(await download.blob.text());
          else saveBlob(download);
          setOutcome({ message: DONE[action] });
        })
        .catch((error: unknown) => setOutcome({ error: error instanceof Error ? error.message : String(error) }))
        .finally(() => setBusy(undefined));
    },
    [user],
  );
  return <AdiExportMenuView busy={busy} message={outcome.message} error={outcome.error} onAction={run} />;
}

export interface AdiExportMenuViewProps {
  busy: AdiAction | undefined;
  message: string | undefined;
  error: string | undefined;
  onAction: (action: AdiAction) => void;
}

export function AdiExportMenuView({ busy, message, error, onAction }: AdiExportMenuViewProps) {
  const button = (action: AdiAction, label: string) => (
    <button type="button" data-testid={`adi-${action}`} disabled={busy !== undefined} aria-busy={busy === action} onClick={() => onAction(action)}>
      {busy === action ? 'Working…' : label}
    </button>
  );
  return (
    <details className="adi-export" data-testid="adi-export">
      <summary title="Export the market picture (ADI)">Export</summary>
      <div className="adi-export-popup">
        {button('copy', 'Copy text')}
        {button('json', 'Download JSON')}
        {button('csv', 'Download CSV')}
        <FormStatus message={message} testId="adi-status" />
        <ErrorLine error={error} />
      </div>
    </details>
  );
}
