import { useId, useState, type ReactNode } from 'react';
import type { ImportMappingDto } from '@marketswarm/shared/dto';
import type { FieldIssue } from '../../api/http';
import { collectCodes, exampleOf, type CsvSample } from './csv-sample';
import {
  COLUMN_LABELS,
  DATE_FORMATS,
  FEE_COLUMNS,
  REQUIRED_COLUMNS,
  SIDE_CHOICES,
  SINGLE_COLUMNS,
  issueAt,
  type DateFormat,
  type FeeColumn,
  type KindChoice,
  type MappingDraft,
  type SideChoice,
  type SingleColumn,
} from './mapping-draft';

export interface MappingActionState {
  pending: boolean;
  error: { message: string; issues: readonly FieldIssue[] } | null;
}

export interface MappingEditorProps {
  /** The file's head, once read; undefined while reading or without a file. */
  sample: CsvSample | undefined;
  /** A file is chosen (its head is being read while `sample` is undefined). */
  hasFile: boolean;
  readError: string | undefined;
  onHeaderIndex: (index: number) => void;
  draft: MappingDraft;
  /** Every reason the draft is not a mapping yet, by path (`columns.date`, `sides.SS`); empty when it is. */
  issues: readonly FieldIssue[];
  onColumn: (field: SingleColumn, column: string) => void;
  onFees: (field: FeeColumn, columns: string[]) => void;
  onDateFormat: (format: DateFormat) => void;
  onSide: (code: string, choice: SideChoice) => void;
  onKind: (value: string, choice: KindChoice) => void;
  onBrokerName: (name: string) => void;
  saved: readonly ImportMappingDto[];
  /** The saved mapping in the editor, or ''. */
  savedId: string;
  onSavedId: (id: string) => void;
  /** The editor still holds the saved mapping as saved (the import then names it by id). */
  savedUnchanged: boolean;
  saveName: string;
  onSaveName: (name: string) => void;
  onSaveAs: () => void;
  onUpdate: () => void;
  onDelete: () => void;
  saveState: MappingActionState;
  deleteState: MappingActionState;
}

const OPTIONAL_HINT: Partial<Record<SingleColumn, string>> = {
  time: 'leave out when the date column holds the time too',
  orderId: 'fills of one order become one trade',
  currency: 'USD when left out',
  kind: 'every row is stock when left out',
};

/** The generic CSV's column mapping: header row, a select per field, side codes and kinds found in the file, and the saved mappings. */
export function MappingEditor(props: MappingEditorProps) {
  const { sample, draft, issues } = props;
  const id = useId();
  const columns = sample?.columns ?? [];
  // A saved mapping may name columns this file lacks: keep them selectable so the select shows what is chosen.
  const optionsFor = (chosen: readonly string[]) => [...columns, ...chosen.filter((c) => c !== '' && !columns.includes(c))];
  const sideCodes = sample ? collectCodes(sample, draft.columns.side) : [];
  const kindValues = sample && draft.columns.kind !== '' ? collectCodes(sample, draft.columns.kind) : [];
  // Paths a field below shows its issue beside; the rest are listed at the end so none is hidden.
  const beside = new Set<string>([
    'name',
    'dateFormat',
    ...[...SINGLE_COLUMNS, ...FEE_COLUMNS].map((field) => `columns.${field}`),
    ...[...sideCodes.map((c) => c.code), ...Object.keys(draft.sides)].map((code) => `sides.${code}`),
    ...(draft.columns.kind === '' ? [] : [...kindValues.map((c) => c.code), ...Object.keys(draft.kinds)].map((value) => `kinds.${value}`)),
  ]);
  const fieldIssue = (path: string) => {
    const message = issueAt(issues, path);
    return message ? (
      <span className="field-error" id={`${id}-${path}-err`}>
        {message}
      </span>
    ) : null;
  };
  return (
    <fieldset className="panel mapping-editor" data-testid="mapping-editor" data-valid={issues.length === 0 ? 'true' : 'false'}>
      <legend>Column mapping</legend>
      <p className="muted">Name the columns of your export: one row per fill. The journal reads the file through this mapping; save it to reuse it next time.</p>
      <SavedMappings {...props} />
      {props.readError ? (
        <p className="error" role="alert">
          {props.readError}
        </p>
      ) : null}
      {sample ? (
        <>
          {sample.candidates.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-header`}>Header row</label>
              <select id={`${id}-header`} value={sample.headerIndex} onChange={(e) => props.onHeaderIndex(Number(e.target.value))} data-testid="mapping-header-line">
                {sample.candidates.map((record, i) => (
                  <option key={record.line} value={i}>
                    Line {record.line}: {preview(record.cells)}
                  </option>
                ))}
              </select>
              {sample.headerLine > 1 ? <span className="muted">Lines above it are left out of the upload.</span> : null}
            </div>
          ) : null}
          <div className="mapping-grid">
            <div className="field">
              <label htmlFor={`${id}-name`}>Broker name on the fills</label>
              <input id={`${id}-name`} value={draft.name} onChange={(e) => props.onBrokerName(e.target.value)} spellCheck={false} autoComplete="off" maxLength={40} aria-invalid={issueAt(issues, 'name') ? true : undefined} data-testid="mapping-broker-name" />
              {fieldIssue('name')}
            </div>
            {SINGLE_COLUMNS.map((field) => {
              const required = REQUIRED_COLUMNS.includes(field);
              const column = draft.columns[field];
              const example = sample ? exampleOf(sample, column) : undefined;
              const path = `columns.${field}`;
              return (
                <div className="field" key={field}>
                  <label htmlFor={`${id}-${field}`}>
                    {COLUMN_LABELS[field]}
                    {required ? '' : ' (optional)'}
                  </label>
                  <select id={`${id}-${field}`} value={column} onChange={(e) => props.onColumn(field, e.target.value)} aria-invalid={issueAt(issues, path) ? true : undefined} data-testid={`mapping-field-${field}`}>
                    <option value="">{required ? 'Choose a column…' : '(none)'}</option>
                    {optionsFor([column]).map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                  {fieldIssue(path) ?? (example !== undefined ? <span className="muted">e.g. {example}</span> : OPTIONAL_HINT[field] ? <span className="muted">{OPTIONAL_HINT[field]}</span> : null)}
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`${id}-dateFormat`}>Date format</label>
              <select id={`${id}-dateFormat`} value={draft.dateFormat} onChange={(e) => props.onDateFormat(e.target.value as DateFormat)} data-testid="mapping-field-dateFormat">
                {DATE_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {format === 'MM/DD/YYYY' ? 'MM/DD/YYYY (also M/D/YY)' : format}
                  </option>
                ))}
              </select>
              {fieldIssue('dateFormat')}
            </div>
            {FEE_COLUMNS.map((field) => {
              const path = `columns.${field}`;
              return (
                <div className="field" key={field}>
                  <label htmlFor={`${id}-${field}`}>{COLUMN_LABELS[field]} (optional, added up)</label>
                  <select
                    id={`${id}-${field}`}
                    multiple
                    size={Math.min(4, Math.max(2, columns.length))}
                    value={draft.fees[field]}
                    onChange={(e) => props.onFees(field, [...e.target.selectedOptions].map((option) => option.value))}
                    aria-invalid={issueAt(issues, path) ? true : undefined}
                    data-testid={`mapping-field-${field}`}
                  >
                    {optionsFor(draft.fees[field]).map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                  {fieldIssue(path)}
                </div>
              );
            })}
          </div>
          <CodeTable
            title="Side codes"
            caption={draft.columns.side === '' ? 'Choose the side column to see its codes.' : `Values of "${draft.columns.side}" in the first ${sample.rows.length} rows, and what each means.`}
            found={sideCodes}
            chosen={draft.sides}
            testId="mapping-side"
            choices={SIDE_CHOICES}
            onChoice={(code, value) => props.onSide(code, value as SideChoice)}
            issueOf={(code) => fieldIssue(`sides.${code}`)}
          />
          {draft.columns.kind !== '' ? (
            <CodeTable
              title="Instrument kinds"
              caption={`Values of "${draft.columns.kind}" in the first ${sample.rows.length} rows.`}
              found={kindValues}
              chosen={draft.kinds}
              testId="mapping-kind"
              choices={[
                { value: 'stock', label: 'Stock' },
                { value: 'future', label: 'Future' },
              ]}
              onChoice={(value, kind) => props.onKind(value, kind as KindChoice)}
              issueOf={(value) => fieldIssue(`kinds.${value}`)}
            />
          ) : null}
          <OtherIssues issues={issues.filter((issue) => !beside.has(issue.path))} />
        </>
      ) : props.readError ? null : (
        <p className="muted">{props.hasFile ? 'Reading the file\'s header…' : 'Choose the file above: its header row lists the columns to map.'}</p>
      )}
    </fieldset>
  );
}

function preview(cells: readonly string[]): string {
  const text = cells.filter((c) => c !== '').join(', ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Issues the fields above do not show (a code no longer in the file, a schema rule): listed so none is hidden. */
function OtherIssues({ issues }: { issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="error" data-testid="mapping-issues">
      {issues.map((issue) => (
        <li key={issue.path}>
          <code>{issue.path}</code>: {issue.message}
        </li>
      ))}
    </ul>
  );
}

interface CodeTableProps {
  title: string;
  caption: string;
  found: readonly { code: string; count: number }[];
  chosen: Readonly<Record<string, string>>;
  testId: string;
  choices: readonly { value: string; label: string }[];
  onChoice: (code: string, value: string) => void;
  issueOf: (code: string) => ReactNode;
}

/** Codes found in the file first (with how many rows use each), then codes a saved mapping knows that this file does not use. */
function CodeTable({ title, caption, found, chosen, testId, choices, onChoice, issueOf }: CodeTableProps) {
  const id = useId();
  const inFile = new Set(found.map((f) => f.code));
  const rows = [...found, ...Object.keys(chosen).filter((code) => !inFile.has(code)).map((code) => ({ code, count: 0 }))];
  return (
    <table className="mapping-codes" aria-describedby={`${id}-caption`} data-testid={`${testId}s`}>
      <caption id={`${id}-caption`}>
        <strong>{title}</strong> <span className="muted">{caption}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Rows</th>
          <th scope="col">Means</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ code, count }) => (
          <tr key={code}>
            <th scope="row">
              <code>{code}</code>
            </th>
            <td className="num">{count > 0 ? count : <span className="muted">not in this file</span>}</td>
            <td>
              <select aria-label={`${title}: ${code}`} value={chosen[code] ?? ''} onChange={(e) => onChoice(code, e.target.value)} data-testid={`${testId}-${code}`}>
                <option value="">{count > 0 ? 'Choose…' : '(not used)'}</option>
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
              {issueOf(code)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SavedMappings(props: MappingEditorProps) {
  const { saved, savedId, saveName, saveState, deleteState } = props;
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const current = saved.find((m) => m.id === savedId);
  const nameIssue = saveState.error?.issues.find((issue) => issue.path === 'name')?.message;
  const otherError = saveState.error && !nameIssue ? saveState.error.message : undefined;
  const canSave = saveName.trim() !== '' && props.issues.length === 0 && !saveState.pending;
  return (
    <div className="mapping-saved">
      <div className="field">
        <label htmlFor={`${id}-saved`}>Saved mapping</label>
        <select
          id={`${id}-saved`}
          value={savedId}
          onChange={(e) => {
            setConfirming(false);
            props.onSavedId(e.target.value);
          }}
          data-testid="mapping-saved-select"
        >
          <option value="">New mapping (from this file)</option>
          {saved.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        {current ? <span className="muted" data-testid="mapping-saved-state">{props.savedUnchanged ? 'Unchanged: the import names it.' : 'Changed since saved: the import sends the mapping shown.'}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-save-name`}>{current ? 'Name' : 'Save mapping as…'}</label>
        <input
          id={`${id}-save-name`}
          value={saveName}
          maxLength={64}
          placeholder="My broker's fills"
          onChange={(e) => props.onSaveName(e.target.value)}
          aria-invalid={nameIssue ? true : undefined}
          aria-describedby={nameIssue ? `${id}-save-name-err` : undefined}
          data-testid="mapping-save-name"
        />
        {nameIssue ? (
          <span className="field-error" id={`${id}-save-name-err`} role="alert">
            {nameIssue}
          </span>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" onClick={props.onSaveAs} disabled={!canSave} data-testid="mapping-save">
          {saveState.pending ? 'Saving…' : current ? 'Save as new' : 'Save mapping'}
        </button>
        {current ? (
          <>
            <button type="button" onClick={props.onUpdate} disabled={!canSave || (props.savedUnchanged && saveName.trim() === current.name)} data-testid="mapping-update">
              {saveName.trim() === current.name ? `Overwrite "${current.name}"` : `Rename and save "${current.name}"`}
            </button>
            {confirming ? (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(false);
                  props.onDelete();
                }}
                disabled={deleteState.pending}
                data-testid="mapping-delete-confirm"
              >
                Delete "{current.name}" for good
              </button>
            ) : (
              <button type="button" onClick={() => setConfirming(true)} data-testid="mapping-delete">
                Delete
              </button>
            )}
          </>
        ) : null}
      </div>
      {otherError ? (
        <p className="error" role="alert">
          {otherError}
        </p>
      ) : null}
      {deleteState.error ? (
        <p className="error" role="alert">
          {deleteState.error.message}
        </p>
      ) : null}
    </div>
  );
}
