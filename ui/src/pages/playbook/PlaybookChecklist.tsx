import type { PlaybookCheckDto, PlaybookEntryDto } from '@marketswarm/shared/dto';
import { useState } from 'react';
import { ErrorLine } from '../../components/page-feedback';
import { useEntries, useSaveTradeChecks, useTradeChecks } from '../../journal-pages-api/playbook';
import { errorText } from '../../journal-pages-api/query';
import { checklistItems, toChecksBody, withMark, type CheckMark, type ChecklistItem } from './playbook-form';
import '../journal/journal-pages.css';

/** A trade's check-off against the playbook: for each rule in force, followed or broken. For the trade detail page. */
export function PlaybookChecklist({ tradeId }: { tradeId: string }) {
  const checks = useTradeChecks(tradeId);
  const entries = useEntries({ status: 'active' });
  // Held here: the editor below restarts after each save, the outcome of the save must not.
  const save = useSaveTradeChecks(tradeId);
  const error = checks.error ?? entries.error;
  if (error) {
    return (
      <section className="jp-section" data-testid="playbook-checklist">
        <h2>Playbook</h2>
        <ErrorLine error={errorText(error)} />
      </section>
    );
  }
  if (!checks.data || !entries.data) {
    return (
      <section className="jp-section" data-testid="playbook-checklist" aria-busy="true">
        <h2>Playbook</h2>
        <p className="jp-empty">Loading the checklist…</p>
      </section>
    );
  }
  // Keyed by the saved state, so a save (or another tab's) restarts the draft from what the journal holds.
  return <ChecklistEditor key={checks.dataUpdatedAt} entries={entries.data} checks={checks.data.checks} save={save} />;
}

interface ChecklistEditorProps {
  entries: PlaybookEntryDto[];
  checks: PlaybookCheckDto[];
  save: ReturnType<typeof useSaveTradeChecks>;
}

function ChecklistEditor({ entries, checks, save }: ChecklistEditorProps) {
  const [items, setItems] = useState<ChecklistItem[]>(() => checklistItems(entries, checks));
  const [dirty, setDirty] = useState(false);
  return (
    <PlaybookChecklistView
      items={items}
      dirty={dirty}
      saving={save.isPending}
      message={save.error ? errorText(save.error) : save.isSuccess && !dirty ? 'Saved.' : undefined}
      onMark={(entryId, mark) => {
        setItems((current) => withMark(current, entryId, mark));
        setDirty(true);
      }}
      onSave={() => save.mutate(toChecksBody(items), { onSuccess: () => setDirty(false) })}
    />
  );
}

export interface PlaybookChecklistViewProps {
  items: ChecklistItem[];
  dirty: boolean;
  saving: boolean;
  message: string | undefined;
  onMark: (entryId: string, mark: CheckMark | undefined) => void;
  onSave: () => void;
}

const MARKS: readonly { mark: CheckMark | undefined; label: string }[] = [
  { mark: 'followed', label: 'Followed' },
  { mark: 'broken', label: 'Broken' },
  { mark: undefined, label: 'n/a' },
];

export function PlaybookChecklistView({ items, dirty, saving, message, onMark, onSave }: PlaybookChecklistViewProps) {
  const followed = items.filter((i) => i.mark === 'followed').length;
  const broken = items.filter((i) => i.mark === 'broken').length;
  return (
    <section className="jp-section" data-testid="playbook-checklist" aria-labelledby="checklist-title">
      <div className="jp-toolbar">
        <h2 id="checklist-title">Playbook</h2>
        <span className="jp-spacer" />
        <span className="muted jp-message" data-testid="playbook-checklist-summary">
          {followed} followed · {broken} broken
        </span>
      </div>
      {items.length === 0 ? (
        <p className="jp-empty">No active rules to check this trade against. Add rules on the Playbook page.</p>
      ) : (
        <ul className="jp-list">
          {items.map((item) => (
            <li key={item.entryId} data-testid="playbook-check" data-id={item.entryId} data-mark={item.mark ?? 'none'}>
              <div className="jp-tabs" role="radiogroup" aria-label={item.title}>
                {MARKS.map(({ mark, label }) => (
                  <button key={label} type="button" role="radio" aria-checked={item.mark === mark} aria-pressed={item.mark === mark} className={mark ? `jp-check-${mark}` : undefined} onClick={() => onMark(item.entryId, mark)}>
                    {label}
                  </button>
                ))}
              </div>
              <span>{item.title}</span>
              <span className="jp-chip">{item.kind}</span>
              {item.status !== 'active' && <span className={`jp-chip jp-chip-${item.status}`}>{item.status}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="jp-toolbar" style={{ marginTop: '0.5rem' }}>
        <button type="button" data-testid="playbook-checklist-save" disabled={saving || !dirty} onClick={onSave}>
          {saving ? 'Saving…' : 'Save check-off'}
        </button>
        {message && (
          <span className="jp-message" role="status">
            {message}
          </span>
        )}
      </div>
    </section>
  );
}
