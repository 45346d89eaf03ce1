import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { IMPORT_FORMATS, type ImportFormat, type ImportResultDto, type TradeLogDto } from '@marketswarm/shared/dto';
import type { FieldIssue } from '../../api/http';
import { previewSentence } from './import-wizard';
import { MappingEditor, type MappingEditorProps } from './MappingEditor';
import './import.css';

export interface ActionState {
  pending: boolean;
  error: { message: string; issues: readonly FieldIssue[] } | null;
}

export interface ImportViewProps {
  logs: readonly TradeLogDto[];
  logId: string;
  onLogId: (id: string) => void;
  onCreateLog: (name: string) => void;
  createState: ActionState;
  file: File | undefined;
  fileError: string | undefined;
  onFile: (file: File | undefined) => void;
  broker: ImportFormat | undefined;
  onBroker: (broker: ImportFormat | undefined) => void;
  timeZone: string;
  onTimeZone: (zone: string) => void;
  onPreview: () => void;
  /** The dry run of exactly the current choices, or undefined. */
  preview: ImportResultDto | undefined;
  previewState: ActionState;
  canCommit: boolean;
  onCommit: () => void;
  commitState: ActionState;
  result: ImportResultDto | undefined;
  onStartOver: () => void;
  /** The generic CSV's column mapping, shown when that format is chosen. */
  mappingEditor?: MappingEditorProps | undefined;
  /** Detection failed: offers to map the columns by hand (chooses the generic CSV format). */
  onMapColumns?: (() => void) | undefined;
}

/** Names for the formats known when this was written; a format added to the contract since shows its id. */
const FORMAT_LABELS: Partial<Record<ImportFormat, string>> = {
  thinkorswim: 'thinkorswim Account Statement',
  'ibkr-flex-xml': 'IBKR Flex Query (XML)',
  'ibkr-flex-csv': 'IBKR Flex Query (CSV)',
  tastytrade: 'tastytrade Transactions',
  'tradovate-paired': 'Tradovate Performance',
  'tradovate-orders': 'Tradovate Orders',
  schwab: 'Schwab Transactions',
  etrade: 'E*TRADE Transactions',
  fidelity: 'Fidelity History',
  webull: 'Webull Orders',
  tradestation: 'TradeStation Orders',
  tradenote: 'Generic CSV (TradeNote template)',
  'generic-csv': 'Generic CSV (column mapping)',
};
const formatLabel = (format: ImportFormat): string => FORMAT_LABELS[format] ?? format;

function ErrorBox({ state }: { state: ActionState }) {
  if (!state.error) return null;
  return (
    <div className="error" role="alert">
      <p>{state.error.message}</p>
      {state.error.issues.length > 0 ? (
        <ul>
          {state.error.issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** `/import`: log → file → format and zone → dry run → commit → result. */
export function ImportView(props: ImportViewProps) {
  const { result } = props;
  return (
    <section className="import-page" aria-labelledby="import-title">
      <div className="page-title-row">
        <h1 id="import-title">Import a broker export</h1>
      </div>
      {result ? <ImportResult result={result} logId={props.logId} logName={props.logs.find((l) => l.id === props.logId)?.name} onStartOver={props.onStartOver} /> : <Wizard {...props} />}
    </section>
  );
}

function Wizard(props: ImportViewProps) {
  const { logs, logId, onLogId, file, fileError, onFile, broker, onBroker, timeZone, onTimeZone, onPreview, preview, previewState, canCommit, onCommit, commitState } = props;
  const id = useId();
  const active = logs.filter((log) => log.archivedAt === null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onPreview();
  };
  return (
    <>
      <form className="import-steps" onSubmit={onSubmit} aria-describedby={`${id}-help`}>
        <p id={`${id}-help`} className="muted">
          Nothing is written until you commit: the preview reads the file and shows what it would add.
        </p>
        <fieldset className="panel">
          <legend>1. Log</legend>
          <div className="field">
            <label htmlFor={`${id}-log`}>Import into</label>
            <select id={`${id}-log`} value={logId} onChange={(e) => onLogId(e.target.value)} required data-testid="import-log">
              {logId === '' ? <option value="">Choose a log…</option> : null}
              {active.map((log) => (
                <option key={log.id} value={log.id}>
                  {log.name} ({log.currency})
                </option>
              ))}
            </select>
          </div>
          <CreateLog onCreate={props.onCreateLog} state={props.createState} />
        </fieldset>
        <fieldset className="panel">
          <legend>2. File</legend>
          <DropZone file={file} onFile={onFile} />
          {fileError ? (
            <p className="error" role="alert">
              {fileError}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="panel">
          <legend>3. Format and time zone</legend>
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-broker`}>Format</label>
              <select id={`${id}-broker`} value={broker ?? ''} onChange={(e) => onBroker(e.target.value === '' ? undefined : (e.target.value as ImportFormat))} data-testid="import-broker">
                <option value="">Detect from the file</option>
                {IMPORT_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {formatLabel(format)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-zone`}>Time zone of the file's times</label>
              <input id={`${id}-zone`} value={timeZone} onChange={(e) => onTimeZone(e.target.value)} list={`${id}-zones`} spellCheck={false} autoComplete="off" data-testid="import-timezone" />
              <datalist id={`${id}-zones`}>
                {['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'UTC'].map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </div>
          </div>
        </fieldset>
        {props.mappingEditor ? <MappingEditor {...props.mappingEditor} /> : null}
        <div className="form-actions">
          <button type="submit" disabled={!file || !!fileError || logId === '' || previewState.pending || (props.mappingEditor !== undefined && props.mappingEditor.issues.length > 0)} data-testid="import-dry-run">
            {previewState.pending ? 'Reading the file…' : 'Preview'}
          </button>
        </div>
        <ErrorBox state={previewState} />
        {props.onMapColumns ? (
          <div className="form-actions">
            <span>Not one of these? Name the columns of any CSV with one row per fill.</span>
            <button type="button" className="primary" onClick={props.onMapColumns} data-testid="import-map-columns">
              Map the columns yourself
            </button>
          </div>
        ) : null}
      </form>
      {preview ? (
        <section className="panel import-preview" aria-labelledby={`${id}-preview-title`} data-testid="import-preview" data-format={preview.format}>
          <h2 id={`${id}-preview-title`}>Preview</h2>
          <ImportCounts result={preview} />
          <p>
            Committing adds {previewSentence(preview)}. The trades list shows them after the commit (a dry run reports how many, not which).
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onCommit} disabled={!canCommit || commitState.pending} data-testid="import-commit">
              {commitState.pending ? 'Importing…' : 'Commit import'}
            </button>
            {!canCommit && preview.executions === 0 ? <span className="muted">Nothing new to import.</span> : null}
          </div>
          <ErrorBox state={commitState} />
        </section>
      ) : null}
    </>
  );
}

function CreateLog({ onCreate, state }: { onCreate: (name: string) => void; state: ActionState }) {
  const id = useId();
  const [name, setName] = useState('');
  return (
    <div className="create-log">
      <div className="field">
        <label htmlFor={`${id}-name`}>or a new log</label>
        <input id={`${id}-name`} value={name} maxLength={80} placeholder="Roth IRA" onChange={(e) => setName(e.target.value)} data-testid="import-new-log-name" />
      </div>
      <button type="button" disabled={name.trim() === '' || state.pending} onClick={() => onCreate(name.trim())} data-testid="import-create-log">
        {state.pending ? 'Creating…' : 'Create log'}
      </button>
      <ErrorBox state={state} />
    </div>
  );
}

function DropZone({ file, onFile }: { file: File | undefined; onFile: (file: File | undefined) => void }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <label
      htmlFor={`${id}-file`}
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop-zone"
    >
      <span>{file ? `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)` : 'Drop the export here, or choose a file'}</span>
      <input id={`${id}-file`} type="file" accept=".csv,.txt,.xml,.tsv,text/csv,text/xml,application/xml" onChange={(e) => onFile(e.target.files?.[0])} data-testid="import-file-input" />
    </label>
  );
}

function ImportCounts({ result }: { result: ImportResultDto }) {
  return (
    <>
      <dl className="facts import-counts">
        <dt>Format</dt>
        <dd data-testid="import-format">{formatLabel(result.format)}</dd>
        <dt>Broker</dt>
        <dd>{result.broker}</dd>
        <dt>New fills</dt>
        <dd data-testid="import-executions" data-value={result.executions}>
          {result.executions}
        </dd>
        <dt>Trades</dt>
        <dd data-testid="import-trades" data-value={result.trades}>
          {result.trades}
        </dd>
        <dt>Already imported</dt>
        <dd data-testid="import-duplicates" data-value={result.duplicates}>
          {result.duplicates}
        </dd>
        <dt>Skipped rows</dt>
        <dd data-testid="import-skipped-count" data-value={result.skipped.length}>
          {result.skipped.length}
        </dd>
        <dt>Without opening</dt>
        <dd data-testid="import-unmatched-count" data-value={result.unmatched.length}>
          {result.unmatched.length}
        </dd>
      </dl>
      <Diagnostics title="Skipped rows" rows={result.skipped} testId="import-skipped" />
      <Diagnostics title="Closing fills with no opening in this log (import the earlier export to pair them)" rows={result.unmatched} testId="import-unmatched" />
    </>
  );
}

function Diagnostics({ title, rows, testId }: { title: string; rows: ImportResultDto['skipped']; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <details className="diagnostics" open={rows.length <= 20}>
      <summary>
        {title} ({rows.length})
      </summary>
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.line}:${i}`}>
              <td className="num">{row.line}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ImportResult({ result, logId, logName, onStartOver }: { result: ImportResultDto; logId: string; logName: string | undefined; onStartOver: () => void }) {
  return (
    <section className="panel import-result" aria-labelledby="import-result-title" data-testid="import-result" role="status">
      <h2 id="import-result-title">Imported into {logName ?? 'the log'}</h2>
      <ImportCounts result={result} />
      <div className="form-actions">
        <Link to={`/trades?log=${encodeURIComponent(logId)}`} data-testid="import-result-trades-link">
          See the trades of {logName ?? 'this log'}
        </Link>
        <button type="button" onClick={onStartOver}>
          Import another file
        </button>
      </div>
    </section>
  );
}
