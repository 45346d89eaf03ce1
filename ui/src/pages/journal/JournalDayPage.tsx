import type { AttachmentDto, EntryDto, PeriodFiguresDto, TradeDto } from '@marketswarm/shared/dto';
import { JOURNAL_ATTACHMENT_MAX_BYTES, JOURNAL_ATTACHMENT_TYPES } from '@marketswarm/shared/dto';
import { lazy, Suspense, useState, type DragEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatBytes, formatPnl, formatRate, formatRatio, formatTime, pnlTone } from '../../journal-api/journal-format';
import { attachmentUrl, useCalendarDay, useDeleteAttachment, useDeleteEntry, useEntry, useSaveEntry, useUploadAttachment } from '../../journal-pages-api/journal';
import { errorText } from '../../journal-pages-api/query';
import { useJournalTimeZone } from '../../journal-api/hooks';
import { addDays, dayTitle, isIsoDate, monthOf } from './calendar-grid';
import { EntryHtml } from './EntryHtml';
import { isBlankHtml } from './entry-html';
import './journal-pages.css';

// TipTap and ProseMirror load with the day page's editor only, never with the calendar.
const RichTextEditor = lazy(() => import('./RichTextEditor').then((m) => ({ default: m.RichTextEditor })));

/** `/journal/:date`: the day's closed trades, its entry (edit, save, link trades) and attachments. */
export function JournalDayPage() {
  const { date = '' } = useParams();
  if (!isIsoDate(date)) {
    return (
      <div className="jp-page" data-testid="journal-day-page">
        <p className="error" role="alert">
          “{date}” is not a date. <Link to="/journal">Back to the calendar</Link>
        </p>
      </div>
    );
  }
  return <JournalDay key={date} date={date} />;
}

function JournalDay({ date }: { date: string }) {
  const timeZone = useJournalTimeZone();
  const entry = useEntry(date);
  // The journal picks the day's trades as its calendar counts the day: by close, in the user's zone.
  const day = useCalendarDay(date, timeZone);
  const trades = day.data?.trades;
  const figures = day.data?.figures;
  const tradesError = day.error ? errorText(day.error) : undefined;
  const upload = useUploadAttachment(date);
  const removeAttachment = useDeleteAttachment(date);

  return (
    <div className="jp-page" data-testid="journal-day-page" data-date={date}>
      <DayHeader date={date} />
      {entry.data === undefined ? (
        <>
          <DayTradesView trades={trades} figures={figures} error={tradesError} timeZone={timeZone} linked={undefined} onToggle={undefined} />
          {entry.isPending && <p className="jp-empty">Loading the entry…</p>}
          {entry.error && (
            <p className="error jp-message" role="alert">
              {errorText(entry.error)}
            </p>
          )}
        </>
      ) : (
        <EntryEditorContainer date={date} entry={entry.data} trades={trades} figures={figures} tradesError={tradesError} timeZone={timeZone} />
      )}
      <AttachmentsView
        attachments={entry.data?.attachments ?? []}
        uploading={upload.isPending}
        error={upload.error ? errorText(upload.error) : removeAttachment.error ? errorText(removeAttachment.error) : undefined}
        onUpload={(files) => files.forEach((f) => upload.mutate(f))}
        onDelete={(id) => removeAttachment.mutate(id)}
      />
    </div>
  );
}

export function DayHeader({ date }: { date: string }) {
  return (
    <div className="jp-toolbar">
      <Link to={`/journal?month=${monthOf(date)}`}>← Calendar</Link>
      <h1 data-testid="journal-day-title">{dayTitle(date)}</h1>
      <Link to={`/journal/${addDays(date, -1)}`} aria-label="Previous day" data-testid="journal-day-prev">
        ‹
      </Link>
      <Link to={`/journal/${addDays(date, 1)}`} aria-label="Next day" data-testid="journal-day-next">
        ›
      </Link>
    </div>
  );
}

interface EntryEditorContainerProps {
  date: string;
  entry: EntryDto | null;
  trades: TradeDto[] | undefined;
  figures: PeriodFiguresDto | undefined;
  tradesError: string | undefined;
  timeZone: string;
}

/** Holds the draft: starts from the loaded entry once, and survives refetches while editing. */
function EntryEditorContainer({ date, entry, trades, figures, tradesError, timeZone }: EntryEditorContainerProps) {
  const [html, setHtml] = useState(entry?.content ?? '');
  const [linked, setLinked] = useState<ReadonlySet<string>>(() => new Set(entry?.tradeIds ?? []));
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState(entry === null);
  const [message, setMessage] = useState<string | undefined>(undefined);
  // The editor reads its HTML once, at mount: a deleted entry starts a fresh one.
  const [generation, setGeneration] = useState(0);
  const save = useSaveEntry(date);
  const remove = useDeleteEntry(date);

  const toggle = (id: string) => {
    setLinked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setDirty(true);
  };

  const submit = () => {
    setMessage(undefined);
    save.mutate(
      { content: html, tradeIds: [...linked] },
      {
        onSuccess: () => {
          setDirty(false);
          setMessage('Saved.');
        },
        onError: (error) => setMessage(errorText(error)),
      },
    );
  };

  const otherDays = [...linked].filter((id) => !(trades ?? []).some((t) => t.id === id));

  return (
    <>
      <DayTradesView trades={trades} figures={figures} error={tradesError} timeZone={timeZone} linked={linked} onToggle={toggle} />
      <section className="jp-section" aria-labelledby="entry-title" data-testid="journal-entry">
        <div className="jp-toolbar">
          <h2 id="entry-title">Journal entry</h2>
          <span className="jp-spacer" />
          {!editing && (
            <button type="button" data-testid="entry-edit" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {entry !== null && (
            <button
              type="button"
              data-testid="entry-delete"
              disabled={remove.isPending}
              onClick={() => {
                if (!window.confirm('Delete this day\'s entry, its trade links and attachments?')) return;
                remove.mutate(undefined, {
                  onSuccess: () => {
                    setHtml('');
                    setLinked(new Set());
                    setDirty(false);
                    setEditing(true);
                    setGeneration((g) => g + 1);
                  },
                });
              }}
            >
              Delete entry
            </button>
          )}
        </div>
        {editing ? (
          <Suspense fallback={<p className="jp-empty">Loading the editor…</p>}>
            <RichTextEditor
              key={generation}
              initialHtml={html}
              label={`Journal entry for ${date}`}
              onChange={(next) => {
                setHtml(next);
                setDirty(true);
              }}
            />
          </Suspense>
        ) : (
          <EntryHtml html={html} testId="entry-content" />
        )}
        {otherDays.length > 0 && (
          <p className="muted jp-message" data-testid="entry-other-links">
            Also linked:{' '}
            {otherDays.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Link to={`/trades/${id}`}>{id.slice(0, 8)}</Link>
              </span>
            ))}
          </p>
        )}
        <div className="jp-toolbar">
          <button type="button" data-testid="entry-save" disabled={save.isPending || !dirty || (entry === null && isBlankHtml(html) && linked.size === 0)} onClick={submit}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {dirty && <span className="muted jp-message">Unsaved changes</span>}
          {message && (
            <span className="jp-message" role="status" data-testid="entry-message">
              {message}
            </span>
          )}
        </div>
      </section>
    </>
  );
}

export interface DayTradesViewProps {
  trades: TradeDto[] | undefined;
  /** The day's figures as the journal's calendar counts them (wins and losses past the break-even tolerance). */
  figures: PeriodFiguresDto | undefined;
  error: string | undefined;
  timeZone: string;
  /** With `onToggle`, each row gets a checkbox linking it to the entry. */
  linked: ReadonlySet<string> | undefined;
  onToggle: ((id: string) => void) | undefined;
}

/** The trades that closed on the day, with their net P&L and R and the day's figures; optionally linkable to the entry. */
export function DayTradesView({ trades, figures, error, timeZone, linked, onToggle }: DayTradesViewProps) {
  return (
    <section className="jp-section" aria-labelledby="day-trades-title">
      <div className="jp-toolbar">
        <h2 id="day-trades-title">Trades closed this day</h2>
        <span className="jp-spacer" />
        {figures && figures.trades > 0 && (
          <>
            <span className="muted" data-testid="day-figures">
              {figures.wins} {figures.wins === 1 ? 'win' : 'wins'} · {figures.losses} {figures.losses === 1 ? 'loss' : 'losses'} · win rate {formatRate(figures.winRate)}
            </span>
            <span className={`mono jp-${pnlTone(figures.netPnl)}`} data-testid="day-net">
              {formatPnl(figures.netPnl)}
            </span>
          </>
        )}
      </div>
      {error && (
        <p className="error jp-message" role="alert">
          {error}
        </p>
      )}
      {trades === undefined && !error && <p className="jp-empty">Loading trades…</p>}
      {trades?.length === 0 && <p className="jp-empty">No trade closed this day.</p>}
      {trades && trades.length > 0 && (
        <table className="jp-table" data-testid="day-trades">
          <thead>
            <tr>
              {onToggle && <th>Linked to entry</th>}
              <th>Closed</th>
              <th>Symbol</th>
              <th>Strategy</th>
              <th className="num">Qty</th>
              <th className="num">Net</th>
              <th className="num">R</th>
            </tr>
          </thead>
          <tbody>
            {trades.map((t) => (
              <tr key={t.id} data-testid="day-trade" data-id={t.id}>
                {onToggle && (
                  <td>
                    <input type="checkbox" aria-label={`Link ${t.symbol} ${t.strategy}`} checked={linked?.has(t.id) ?? false} onChange={() => onToggle(t.id)} data-testid="entry-link-trade" />
                  </td>
                )}
                <td>{formatTime(t.closedAt, timeZone)}</td>
                <td>
                  <Link to={`/trades/${t.id}`}>{t.symbol}</Link>
                </td>
                <td>{t.strategy}</td>
                <td className="num">{t.quantity}</td>
                <td className={`num jp-${pnlTone(t.net)}`}>{formatPnl(t.net)}</td>
                <td className="num">{formatRatio(t.r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What the file input and the drop zone accept (the journal judges the bytes anyway). */
export const ATTACHMENT_ACCEPT = [...JOURNAL_ATTACHMENT_TYPES, '.png', '.jpg', '.jpeg', '.gif', '.webp', '.pdf', '.csv', '.txt'].join(',');

/** Files too large for the journal, named so the trader knows before uploading. */
export function oversizeFiles(files: readonly { name: string; size: number }[]): string[] {
  return files.filter((f) => f.size > JOURNAL_ATTACHMENT_MAX_BYTES).map((f) => f.name);
}

export interface AttachmentsViewProps {
  attachments: AttachmentDto[];
  uploading: boolean;
  error: string | undefined;
  onUpload: (files: File[]) => void;
  onDelete: (id: string) => void;
}

export function AttachmentsView({ attachments, uploading, error, onUpload, onDelete }: AttachmentsViewProps) {
  const [over, setOver] = useState(false);
  const [tooBig, setTooBig] = useState<string[]>([]);
  const take = (list: FileList | null) => {
    const files = list ? [...list] : [];
    const big = oversizeFiles(files);
    setTooBig(big);
    const ok = files.filter((f) => !big.includes(f.name));
    if (ok.length > 0) onUpload(ok);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <section className="jp-section" aria-labelledby="attachments-title" data-testid="journal-attachments">
      <h2 id="attachments-title">Attachments</h2>
      {attachments.length === 0 ? (
        <p className="jp-empty">No attachments.</p>
      ) : (
        <ul className="jp-list">
          {attachments.map((a) => (
            <li key={a.id} data-testid="attachment" data-id={a.id}>
              <a href={attachmentUrl(a.id)} download={a.fileName}>
                {a.fileName}
              </a>
              <span className="muted">
                {a.contentType} · {formatBytes(a.size)}
              </span>
              <button type="button" aria-label={`Delete ${a.fileName}`} data-testid="attachment-delete" onClick={() => onDelete(a.id)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div
        className="jp-dropzone"
        data-over={over}
        data-testid="attachment-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label>
          {uploading ? 'Uploading…' : 'Drop files here or '}
          {!uploading && <input type="file" multiple accept={ATTACHMENT_ACCEPT} data-testid="attachment-input" onChange={(e) => take(e.target.files)} />}
        </label>
        <div className="muted">Images, PDF, CSV or text, up to {formatBytes(JOURNAL_ATTACHMENT_MAX_BYTES)} each.</div>
      </div>
      {tooBig.length > 0 && (
        <p className="error jp-message" role="alert">
          Over {formatBytes(JOURNAL_ATTACHMENT_MAX_BYTES)}: {tooBig.join(', ')}
        </p>
      )}
      {error && (
        <p className="error jp-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
