import type { RetrospectiveDto, RetrospectivePeriod } from '@marketswarm/shared/dto';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorLine, FieldError, FormStatus } from '../../components/page-feedback';
import { useFormFeedback, type DraftFormProps } from '../../components/use-form-feedback';
import { formatCount, formatPnl, formatRate, pnlTone } from '../../journal-api/journal-format';
import { useDeleteRetrospective, useRetrospectives, useSaveRetrospective } from '../../journal-pages-api/journal';
import { errorText } from '../../journal-pages-api/query';
import { useJournalTimeZone } from '../../journal-api/hooks';
import { todayIn } from './calendar-grid';
import { EntryHtml } from './EntryHtml';
import { draftOf, newRetrospective, periodLabel, toRetrospectiveRequest, withPeriod, type RetrospectiveDraft } from './retrospective-form';
import './journal-pages.css';

const RichTextEditor = lazy(() => import('./RichTextEditor').then((m) => ({ default: m.RichTextEditor })));

/** `/journal/retrospectives`: weekly and monthly write-ups with their period's figures. */
export function RetrospectivesPage() {
  const timeZone = useJournalTimeZone();
  const today = todayIn(timeZone);
  const [filter, setFilter] = useState<RetrospectivePeriod | undefined>(undefined);
  const [draft, setDraft] = useState<RetrospectiveDraft | undefined>(undefined);
  // The editor reads its HTML at mount: each draft opened gets a fresh one.
  const [generation, setGeneration] = useState(0);
  const list = useRetrospectives(filter);
  const remove = useDeleteRetrospective();

  const open = (next: RetrospectiveDraft) => {
    setDraft(next);
    setGeneration((g) => g + 1);
  };

  return (
    <div className="jp-page" data-testid="retrospectives-page">
      <div className="jp-toolbar">
        <Link to="/journal">← Calendar</Link>
        <h1>Retrospectives</h1>
        <span className="jp-spacer" />
        <button type="button" data-testid="retro-new" onClick={() => open(newRetrospective(filter ?? 'week', today))}>
          New retrospective
        </button>
      </div>
      {draft && <RetrospectiveEditor key={generation} draft={draft} onDraft={setDraft} onClose={() => setDraft(undefined)} />}
      <RetrospectiveListView
        retrospectives={list.data}
        error={list.error ? errorText(list.error) : remove.error ? errorText(remove.error) : undefined}
        filter={filter}
        onFilter={setFilter}
        onEdit={(retro) => open(draftOf(retro))}
        onDelete={(retro) => {
          if (window.confirm(`Delete the retrospective of ${periodLabel(retro.period, retro.start)}?`)) remove.mutate(retro.id);
        }}
      />
    </div>
  );
}

interface RetrospectiveEditorProps {
  draft: RetrospectiveDraft;
  onDraft: (draft: RetrospectiveDraft) => void;
  onClose: () => void;
}

function RetrospectiveEditor({ draft, onDraft, onClose }: RetrospectiveEditorProps) {
  const save = useSaveRetrospective();
  const { errors, message, refuse, clear, failed } = useFormFeedback();
  const submit = () => {
    const request = toRetrospectiveRequest(draft);
    if (!request.ok) {
      refuse(request.errors);
      return;
    }
    clear();
    save.mutate({ id: request.id, body: request.body }, { onSuccess: onClose, onError: (error) => failed(error, ['period', 'start', 'content']) });
  };
  return (
    <RetrospectiveFormView
      draft={draft}
      errors={errors}
      message={message}
      saving={save.isPending}
      onDraft={onDraft}
      onSubmit={submit}
      onCancel={onClose}
      editor={
        <Suspense fallback={<p className="jp-empty">Loading the editor…</p>}>
          <RichTextEditor initialHtml={draft.content} label="Retrospective" onChange={(content) => onDraft({ ...draft, content })} />
        </Suspense>
      }
    />
  );
}

export interface RetrospectiveFormViewProps extends DraftFormProps<RetrospectiveDraft> {
  /** The (lazily loaded) rich-text editor. */
  editor: ReactNode;
}

export function RetrospectiveFormView({ draft, errors, message, saving, onDraft, onSubmit, onCancel, editor }: RetrospectiveFormViewProps) {
  return (
    <section className="jp-section" aria-labelledby="retro-form-title" data-testid="retro-form">
      <h2 id="retro-form-title">{draft.id ? 'Edit retrospective' : 'New retrospective'}</h2>
      <div className="jp-form">
        <div className="jp-row">
          <label>
            Period
            <select name="period" value={draft.period} onChange={(e) => onDraft(withPeriod(draft, e.target.value === 'month' ? 'month' : 'week'))}>
              <option value="week">Week</option>
              <option value="month">Month</option>
            </select>
          </label>
          {draft.period === 'week' ? (
            <label>
              Week (any day; its Monday is used)
              <input type="date" name="start" value={draft.start} aria-invalid={errors['start'] !== undefined} onChange={(e) => e.target.value && onDraft(withPeriod({ ...draft, start: e.target.value }, 'week'))} />
            </label>
          ) : (
            <label>
              Month
              <input type="month" name="start" value={draft.start.slice(0, 7)} aria-invalid={errors['start'] !== undefined} onChange={(e) => e.target.value && onDraft({ ...draft, start: `${e.target.value}-01` })} />
            </label>
          )}
          <span className="muted jp-message" data-testid="retro-period-label">
            {periodLabel(draft.period, draft.start)}
          </span>
        </div>
        <FieldError error={errors['start']} />
        {editor}
        <FieldError error={errors['content']} />
        <FormStatus message={message} />
        <div className="jp-row">
          <button type="button" data-testid="retro-save" disabled={saving} onClick={onSubmit}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </section>
  );
}

export interface RetrospectiveListViewProps {
  retrospectives: RetrospectiveDto[] | undefined;
  error: string | undefined;
  filter: RetrospectivePeriod | undefined;
  onFilter: (filter: RetrospectivePeriod | undefined) => void;
  onEdit: (retro: RetrospectiveDto) => void;
  onDelete: (retro: RetrospectiveDto) => void;
}

export function RetrospectiveListView({ retrospectives, error, filter, onFilter, onEdit, onDelete }: RetrospectiveListViewProps) {
  return (
    <section className="jp-section" aria-labelledby="retro-list-title">
      <div className="jp-toolbar">
        <h2 id="retro-list-title">Newest first</h2>
        <span className="jp-spacer" />
        <div className="jp-tabs" role="group" aria-label="Period">
          {([undefined, 'week', 'month'] as const).map((p) => (
            <button key={p ?? 'all'} type="button" aria-pressed={filter === p} onClick={() => onFilter(p)}>
              {p === undefined ? 'All' : p === 'week' ? 'Weeks' : 'Months'}
            </button>
          ))}
        </div>
      </div>
      <ErrorLine error={error} />
      {retrospectives === undefined && !error && <p className="jp-empty">Loading retrospectives…</p>}
      {retrospectives?.length === 0 && <p className="jp-empty">No retrospectives yet.</p>}
      <div className="jp-form">
        {retrospectives?.map((r) => (
          <article key={r.id} className="jp-card" data-testid="retro" data-id={r.id} data-period={r.period} data-start={r.start}>
            <div className="jp-card-head">
              <strong>{periodLabel(r.period, r.start)}</strong>
              <span className={`mono jp-${pnlTone(r.figures.netPnl)}`}>{formatPnl(r.figures.netPnl)}</span>
              <span className="muted">
                {formatCount(r.figures.trades)} trades · {r.figures.wins}W/{r.figures.losses}L · win rate {formatRate(r.figures.winRate)}
              </span>
              <span className="jp-spacer" />
              <button type="button" data-testid="retro-edit" onClick={() => onEdit(r)}>
                Edit
              </button>
              <button type="button" data-testid="retro-delete" onClick={() => onDelete(r)}>
                Delete
              </button>
            </div>
            <EntryHtml html={r.content} />
          </article>
        ))}
      </div>
    </section>
  );
}
