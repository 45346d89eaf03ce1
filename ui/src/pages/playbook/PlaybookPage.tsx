import {
  PLAYBOOK_ENTRY_KINDS,
  PLAYBOOK_ENTRY_STATUSES,
  PLAYBOOK_GROUP_KINDS,
  playbookGroupBodySchema,
  type PlaybookEntryDto,
  type PlaybookEntryKind,
  type PlaybookEntryStatus,
  type PlaybookGroupDto,
  type PlaybookGroupKind,
  type PlaybookMissedDto,
  type PlaybookStatsDto,
} from '@marketswarm/shared/dto';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { zodFieldErrors, type FieldErrors } from '../../auth/form-issues';
import { ErrorLine, Field, FormStatus } from '../../components/page-feedback';
import { useFormFeedback, type DraftFormProps } from '../../components/use-form-feedback';
import { formatPnl, formatRate, formatTime, pnlTone } from '../../journal-api/journal-format';
import { useCreateGroup, useCreateMissed, useDeleteEntry, useDeleteGroup, useDeleteMissed, useEntries, useGroups, useMissed, useSaveEntry, useStats } from '../../journal-pages-api/playbook';
import { errorText } from '../../journal-pages-api/query';
import { useJournalTimeZone } from '../../journal-api/hooks';
import { toWallTime } from '../journal/calendar-grid';
import {
  entryDraftOf,
  followEdge,
  GROUP_KIND_LABELS,
  newEntryDraft,
  newMissedDraft,
  outcomeCells,
  sectionEntries,
  toEntryRequest,
  toMissedRequest,
  type EntryDraft,
  type EntrySection,
  type MissedDraft,
} from './playbook-form';
import '../journal/journal-pages.css';

/** `/playbook`: groups and entries, what following each entry earned, and the trades missed. */
export function PlaybookPage() {
  const [kind, setKind] = useState<PlaybookEntryKind | undefined>(undefined);
  const [status, setStatus] = useState<PlaybookEntryStatus | undefined>(undefined);
  const [editing, setEditing] = useState<{ draft: EntryDraft; original: PlaybookEntryDto | undefined } | undefined>(undefined);
  const groups = useGroups();
  const entries = useEntries({ kind, status });
  const allEntries = useEntries({});
  const stats = useStats();
  const missed = useMissed();
  const save = useSaveEntry();
  const remove = useDeleteEntry();
  const [actionError, setActionError] = useState<string | undefined>(undefined);

  const setStatusOf = (entry: PlaybookEntryDto, next: PlaybookEntryStatus) => {
    setActionError(undefined);
    save.mutate({ entryId: entry.id, update: { status: next } }, { onError: (e) => setActionError(errorText(e)) });
  };
  const deleteEntry = (entry: PlaybookEntryDto) => {
    if (!window.confirm(`Delete “${entry.title}”?`)) return;
    setActionError(undefined);
    remove.mutate(
      { entryId: entry.id, force: false },
      {
        onError: (error) => {
          // An entry with check-offs or missed trades is deleted only when the trader says so twice.
          if (error instanceof ApiError && error.status === 409 && window.confirm(`“${entry.title}” has check-offs or missed trades. Delete them too? Retiring keeps its history.`)) {
            remove.mutate({ entryId: entry.id, force: true }, { onError: (e) => setActionError(errorText(e)) });
          } else setActionError(errorText(error));
        },
      },
    );
  };

  const loadError = [groups.error, entries.error].find((e) => e !== null);
  return (
    <div className="jp-page" data-testid="playbook-page">
      <div className="jp-toolbar">
        <h1>Playbook</h1>
        <span className="jp-spacer" />
        <FilterSelect label="Kind" testId="playbook-kind-filter" value={kind} options={PLAYBOOK_ENTRY_KINDS} onChange={setKind} />
        <FilterSelect label="Status" testId="playbook-status-filter" value={status} options={PLAYBOOK_ENTRY_STATUSES} onChange={setStatus} />
        <button type="button" data-testid="playbook-new-entry" onClick={() => setEditing({ draft: newEntryDraft(), original: undefined })}>
          New entry
        </button>
      </div>
      <ErrorLine error={loadError ? errorText(loadError) : undefined} />
      <ErrorLine error={actionError} />
      {editing && <EntryEditor key={editing.original?.id ?? 'new'} initial={editing.draft} original={editing.original} groups={groups.data ?? []} onClose={() => setEditing(undefined)} />}
      <div className="jp-columns">
        <PlaybookEntriesView
          sections={entries.data && groups.data ? sectionEntries(entries.data, groups.data) : undefined}
          onEdit={(entry) => setEditing({ draft: entryDraftOf(entry), original: entry })}
          onStatus={setStatusOf}
          onDelete={deleteEntry}
        />
        <GroupsContainer groups={groups.data} />
      </div>
      <PlaybookStatsView stats={stats.data} error={stats.error ? errorText(stats.error) : undefined} />
      <MissedContainer missed={missed.data} error={missed.error ? errorText(missed.error) : undefined} entries={allEntries.data ?? []} />
    </div>
  );
}

interface FilterSelectProps<T extends string> {
  label: string;
  testId: string;
  value: T | undefined;
  options: readonly T[];
  onChange: (value: T | undefined) => void;
}

/** A filter over one of the playbook's enums, with `any` for none. */
function FilterSelect<T extends string>({ label, testId, value, options, onChange }: FilterSelectProps<T>) {
  return (
    <label className="muted">
      {label}{' '}
      <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(options.find((o) => o === e.target.value))}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

// ---- entries ----

export interface PlaybookEntriesViewProps {
  sections: EntrySection[] | undefined;
  onEdit: (entry: PlaybookEntryDto) => void;
  onStatus: (entry: PlaybookEntryDto, status: PlaybookEntryStatus) => void;
  onDelete: (entry: PlaybookEntryDto) => void;
}

export function PlaybookEntriesView({ sections, onEdit, onStatus, onDelete }: PlaybookEntriesViewProps) {
  return (
    <section className="jp-section" aria-labelledby="playbook-entries-title">
      <h2 id="playbook-entries-title">Entries</h2>
      {sections === undefined && <p className="jp-empty">Loading the playbook…</p>}
      {sections?.length === 0 && <p className="jp-empty">No entries match. Write your first rule with “New entry”.</p>}
      <div className="jp-form">
        {sections?.map((section) => (
          <div key={section.group?.id ?? 'ungrouped'} data-testid="playbook-section" data-group={section.group?.id ?? ''}>
            <h3 className="muted" style={{ margin: '0.25rem 0', fontSize: '0.85rem' }}>
              {section.group ? `${section.group.name} · ${GROUP_KIND_LABELS[section.group.kind]}` : 'Ungrouped'}
            </h3>
            {section.entries.length === 0 && <p className="jp-empty">Nothing here.</p>}
            <div className="jp-form">
              {section.entries.map((entry) => (
                <article key={entry.id} className="jp-card" data-testid="playbook-entry" data-id={entry.id} data-kind={entry.kind} data-status={entry.status}>
                  <div className="jp-card-head">
                    <strong>{entry.title}</strong>
                    <span className="jp-chip">{entry.kind}</span>
                    <span className={`jp-chip jp-chip-${entry.status}`}>{entry.status}</span>
                    {entry.tags.map((t) => (
                      <span key={t} className="jp-chip">
                        #{t}
                      </span>
                    ))}
                    <span className="jp-spacer" />
                    <button type="button" data-testid="playbook-entry-edit" onClick={() => onEdit(entry)}>
                      Edit
                    </button>
                    {entry.status === 'retired' ? (
                      <button type="button" onClick={() => onStatus(entry, 'active')}>
                        Reactivate
                      </button>
                    ) : (
                      <>
                        {entry.status === 'draft' && (
                          <button type="button" onClick={() => onStatus(entry, 'active')}>
                            Activate
                          </button>
                        )}
                        <button type="button" data-testid="playbook-entry-retire" onClick={() => onStatus(entry, 'retired')}>
                          Retire
                        </button>
                      </>
                    )}
                    <button type="button" data-testid="playbook-entry-delete" onClick={() => onDelete(entry)}>
                      Delete
                    </button>
                  </div>
                  {/* The journal keeps bodies as written and never renders them: shown as text. */}
                  {entry.body !== '' && <p className="jp-pre">{entry.body}</p>}
                </article>
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

function EntryEditor({ initial, original, groups, onClose }: { initial: EntryDraft; original: PlaybookEntryDto | undefined; groups: PlaybookGroupDto[]; onClose: () => void }) {
  const [draft, setDraft] = useState(initial);
  const { errors, message, refuse, clear, failed } = useFormFeedback();
  const save = useSaveEntry();
  const submit = () => {
    const request = toEntryRequest(draft, original);
    if (!request.ok) {
      refuse(request.errors, request.errors['(root)'] ? 'Nothing changed.' : undefined);
      return;
    }
    clear();
    save.mutate('create' in request ? { create: request.create } : { entryId: request.entryId, update: request.update }, {
      onSuccess: onClose,
      onError: (error) => failed(error, ['kind', 'status', 'title', 'body', 'groupId', 'tags']),
    });
  };
  return <EntryFormView draft={draft} groups={groups} errors={errors} message={message} saving={save.isPending} onDraft={setDraft} onSubmit={submit} onCancel={onClose} />;
}

export interface EntryFormViewProps extends DraftFormProps<EntryDraft> {
  groups: PlaybookGroupDto[];
}

export function EntryFormView({ draft, groups, errors, message, saving, onDraft, onSubmit, onCancel }: EntryFormViewProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <section className="jp-section" aria-labelledby="entry-form-title">
      <h2 id="entry-form-title">{draft.id ? 'Edit entry' : 'New entry'}</h2>
      <form className="jp-form" data-testid="playbook-entry-form" onSubmit={submit} noValidate>
        <div className="jp-row">
          <Field label="Kind" error={errors['kind']}>
            <select name="kind" value={draft.kind} onChange={(e) => onDraft({ ...draft, kind: PLAYBOOK_ENTRY_KINDS.find((k) => k === e.target.value) ?? draft.kind })}>
              {PLAYBOOK_ENTRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Status" error={errors['status']}>
            <select name="status" value={draft.status} onChange={(e) => onDraft({ ...draft, status: PLAYBOOK_ENTRY_STATUSES.find((s) => s === e.target.value) ?? draft.status })}>
              {PLAYBOOK_ENTRY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Group" error={errors['groupId']}>
            <select name="groupId" value={draft.groupId} onChange={(e) => onDraft({ ...draft, groupId: e.target.value })}>
              <option value="">none</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name} ({GROUP_KIND_LABELS[g.kind]})
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Title" error={errors['title']}>
          <input name="title" value={draft.title} aria-invalid={errors['title'] !== undefined} onChange={(e) => onDraft({ ...draft, title: e.target.value })} />
        </Field>
        <Field label="Details (plain text)" error={errors['body']}>
          <textarea name="body" rows={4} value={draft.body} onChange={(e) => onDraft({ ...draft, body: e.target.value })} />
        </Field>
        <Field label="Labels (comma-separated)" error={errors['tags']}>
          <input name="tags" value={draft.tags} onChange={(e) => onDraft({ ...draft, tags: e.target.value })} />
        </Field>
        <FormStatus message={message} />
        <div className="jp-row">
          <button type="submit" disabled={saving} data-testid="playbook-entry-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

// ---- groups ----

function GroupsContainer({ groups }: { groups: PlaybookGroupDto[] | undefined }) {
  const create = useCreateGroup();
  const remove = useDeleteGroup();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PlaybookGroupKind>('entry');
  const { errors, message, refuse, clear, failed } = useFormFeedback();
  const submit = () => {
    const parsed = playbookGroupBodySchema.safeParse({ name, kind });
    if (!parsed.success) {
      refuse(zodFieldErrors(parsed.error), null);
      return;
    }
    clear();
    create.mutate(parsed.data, {
      onSuccess: () => setName(''),
      onError: (error) => failed(error, ['name', 'kind']),
    });
  };
  return (
    <GroupsView
      groups={groups}
      name={name}
      kind={kind}
      errors={errors}
      message={message ?? (remove.error ? errorText(remove.error) : undefined)}
      saving={create.isPending}
      onName={setName}
      onKind={setKind}
      onSubmit={submit}
      onDelete={(group) => {
        if (window.confirm(`Delete the group “${group.name}”? Its entries stay, ungrouped.`)) remove.mutate(group.id);
      }}
    />
  );
}

export interface GroupsViewProps {
  groups: PlaybookGroupDto[] | undefined;
  name: string;
  kind: PlaybookGroupKind;
  errors: FieldErrors;
  message: string | undefined;
  saving: boolean;
  onName: (name: string) => void;
  onKind: (kind: PlaybookGroupKind) => void;
  onSubmit: () => void;
  onDelete: (group: PlaybookGroupDto) => void;
}

export function GroupsView({ groups, name, kind, errors, message, saving, onName, onKind, onSubmit, onDelete }: GroupsViewProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <section className="jp-section" aria-labelledby="groups-title">
      <h2 id="groups-title">Groups</h2>
      {groups?.length === 0 && <p className="jp-empty">No groups yet.</p>}
      <ul className="jp-list">
        {groups?.map((g) => (
          <li key={g.id} data-testid="playbook-group">
            <span>{g.name}</span>
            <span className="jp-chip">{GROUP_KIND_LABELS[g.kind]}</span>
            <button type="button" aria-label={`Delete group ${g.name}`} onClick={() => onDelete(g)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form className="jp-form" data-testid="playbook-group-form" onSubmit={submit} noValidate style={{ marginTop: '0.5rem' }}>
        <div className="jp-row">
          <Field label="New group" error={errors['name']}>
            <input name="name" value={name} aria-invalid={errors['name'] !== undefined} onChange={(e) => onName(e.target.value)} />
          </Field>
          <Field label="Kind" error={errors['kind']}>
            <select name="kind" value={kind} onChange={(e) => onKind(PLAYBOOK_GROUP_KINDS.find((k) => k === e.target.value) ?? kind)}>
              {PLAYBOOK_GROUP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {GROUP_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" disabled={saving}>
            Add group
          </button>
        </div>
        <FormStatus message={message} />
      </form>
    </section>
  );
}

// ---- stats ----

export function PlaybookStatsView({ stats, error }: { stats: PlaybookStatsDto | undefined; error: string | undefined }) {
  return (
    <section className="jp-section" aria-labelledby="stats-title">
      <h2 id="stats-title">What following each entry earned</h2>
      <ErrorLine error={error} />
      {!stats && !error && <p className="jp-empty">Loading stats…</p>}
      {stats?.entries.length === 0 && <p className="jp-empty">No entries to measure yet: check trades off against your rules on each trade&apos;s page.</p>}
      {stats && stats.entries.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <table className="jp-table" data-testid="playbook-stats">
            <thead>
              <tr>
                <th rowSpan={2}>Entry</th>
                <th rowSpan={2} className="num">
                  Checked
                </th>
                <th rowSpan={2} className="num">
                  Follow rate
                </th>
                <th colSpan={4}>Followed</th>
                <th colSpan={4}>Broken</th>
                <th rowSpan={2} className="num" title="Net per trade when followed minus when broken">
                  Edge / trade
                </th>
                <th rowSpan={2} className="num">
                  Missed (est. P&amp;L)
                </th>
              </tr>
              <tr>
                {['Trades', 'Net', 'Win rate', 'PF', 'Trades', 'Net', 'Win rate', 'PF'].map((h, i) => (
                  <th key={i} className="num">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.entries.map((s) => {
                const f = outcomeCells(s.followed);
                const b = outcomeCells(s.broken);
                const edge = followEdge(s.followed, s.broken);
                return (
                  <tr key={s.entryId} data-testid="playbook-stats-row" data-id={s.entryId}>
                    <td>
                      {s.title} <span className="jp-chip">{s.kind}</span>
                      {s.status !== 'active' && <span className={`jp-chip jp-chip-${s.status}`}>{s.status}</span>}
                    </td>
                    <td className="num">{s.checked}</td>
                    <td className="num">{formatRate(s.followRate)}</td>
                    <td className="num">{f.trades}</td>
                    <td className={`num jp-${pnlTone(s.followed.trades ? s.followed.netPnl : null)}`}>{f.netPnl}</td>
                    <td className="num">{f.winRate}</td>
                    <td className="num">{f.profitFactor}</td>
                    <td className="num">{b.trades}</td>
                    <td className={`num jp-${pnlTone(s.broken.trades ? s.broken.netPnl : null)}`}>{b.netPnl}</td>
                    <td className="num">{b.winRate}</td>
                    <td className="num">{b.profitFactor}</td>
                    <td className={`num jp-${pnlTone(edge)}`}>{formatPnl(edge)}</td>
                    <td className="num">
                      {s.missed.count}
                      {s.missed.estimated > 0 && ` (${formatPnl(s.missed.estimatedPnl)})`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// ---- missed trades ----

function MissedContainer({ missed, error, entries }: { missed: PlaybookMissedDto[] | undefined; error: string | undefined; entries: PlaybookEntryDto[] }) {
  const timeZone = useJournalTimeZone();
  const create = useCreateMissed();
  const remove = useDeleteMissed();
  const [draft, setDraft] = useState<MissedDraft>(() => newMissedDraft('', toWallTime(Date.now(), timeZone)));
  const { errors, message, setMessage, refuse, clear, failed } = useFormFeedback();
  // Until the trader picks one, the form points at the first entry.
  const shown = draft.entryId === '' && entries[0] ? { ...draft, entryId: entries[0].id } : draft;
  const submit = () => {
    const request = toMissedRequest(shown, timeZone);
    if (!request.ok) {
      refuse(request.errors);
      return;
    }
    clear();
    create.mutate(request.body, {
      onSuccess: () => {
        setDraft({ ...shown, note: '', estimatedPnl: '' });
        setMessage('Recorded.');
      },
      onError: (e) => failed(e, ['entryId', 'at', 'symbol', 'direction', 'note', 'estimatedPnl']),
    });
  };
  return (
    <div className="jp-columns">
      <MissedListView missed={missed} error={error ?? (remove.error ? errorText(remove.error) : undefined)} entries={entries} timeZone={timeZone} onDelete={(id) => remove.mutate(id)} />
      <MissedFormView draft={shown} entries={entries} errors={errors} message={message} saving={create.isPending} onDraft={setDraft} onSubmit={submit} />
    </div>
  );
}

export interface MissedListViewProps {
  missed: PlaybookMissedDto[] | undefined;
  error: string | undefined;
  entries: PlaybookEntryDto[];
  timeZone: string;
  onDelete: (id: string) => void;
}

export function MissedListView({ missed, error, entries, timeZone, onDelete }: MissedListViewProps) {
  const titles = new Map(entries.map((e) => [e.id, e.title]));
  return (
    <section className="jp-section" aria-labelledby="missed-title">
      <h2 id="missed-title">Missed trades</h2>
      <ErrorLine error={error} />
      {missed === undefined && !error && <p className="jp-empty">Loading missed trades…</p>}
      {missed?.length === 0 && <p className="jp-empty">No missed trades recorded.</p>}
      {missed && missed.length > 0 && (
        <table className="jp-table" data-testid="playbook-missed">
          <thead>
            <tr>
              <th>When</th>
              <th>Entry</th>
              <th>Symbol</th>
              <th>Direction</th>
              <th className="num">Est. P&amp;L</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {missed.map((m) => (
              <tr key={m.id} data-testid="playbook-missed-row" data-id={m.id}>
                <td>{formatTime(m.at, timeZone)}</td>
                <td>{titles.get(m.entryId) ?? m.entryId.slice(0, 8)}</td>
                <td className="mono">{m.symbol}</td>
                <td>{m.direction ?? '—'}</td>
                <td className={`num jp-${pnlTone(m.estimatedPnl)}`}>{formatPnl(m.estimatedPnl)}</td>
                <td>{m.note}</td>
                <td>
                  <button type="button" aria-label={`Delete missed trade ${m.symbol}`} onClick={() => onDelete(m.id)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Recorded in place, without a cancel. */
export interface MissedFormViewProps extends Omit<DraftFormProps<MissedDraft>, 'onCancel'> {
  entries: PlaybookEntryDto[];
}

export function MissedFormView({ draft, entries, errors, message, saving, onDraft, onSubmit }: MissedFormViewProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <section className="jp-section" aria-labelledby="missed-form-title">
      <h2 id="missed-form-title">Record a missed trade</h2>
      {entries.length === 0 ? (
        <p className="jp-empty">Write a playbook entry first: a missed trade is one an entry saw.</p>
      ) : (
        <form className="jp-form" data-testid="playbook-missed-form" onSubmit={submit} noValidate>
          <Field label="Seen by" error={errors['entryId']}>
            <select name="entryId" value={draft.entryId} onChange={(e) => onDraft({ ...draft, entryId: e.target.value })}>
              {entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.kind})
                </option>
              ))}
            </select>
          </Field>
          <div className="jp-row">
            <Field label="When (exchange time)" error={errors['at']}>
              <input type="datetime-local" name="at" value={draft.at} aria-invalid={errors['at'] !== undefined} onChange={(e) => onDraft({ ...draft, at: e.target.value })} />
            </Field>
            <Field label="Symbol" error={errors['symbol']}>
              <input name="symbol" size={8} value={draft.symbol} aria-invalid={errors['symbol'] !== undefined} onChange={(e) => onDraft({ ...draft, symbol: e.target.value })} />
            </Field>
            <Field label="Direction" error={errors['direction']}>
              <select name="direction" value={draft.direction} onChange={(e) => onDraft({ ...draft, direction: e.target.value === 'long' ? 'long' : e.target.value === 'short' ? 'short' : '' })}>
                <option value="">—</option>
                <option value="long">long</option>
                <option value="short">short</option>
              </select>
            </Field>
            <Field label="Estimated P&L" error={errors['estimatedPnl']}>
              <input name="estimatedPnl" inputMode="decimal" size={8} value={draft.estimatedPnl} aria-invalid={errors['estimatedPnl'] !== undefined} onChange={(e) => onDraft({ ...draft, estimatedPnl: e.target.value })} />
            </Field>
          </div>
          <Field label="Note" error={errors['note']}>
            <textarea name="note" rows={2} value={draft.note} onChange={(e) => onDraft({ ...draft, note: e.target.value })} />
          </Field>
          <FormStatus message={message} />
          <div>
            <button type="submit" disabled={saving} data-testid="playbook-missed-save">
              {saving ? 'Saving…' : 'Record'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
