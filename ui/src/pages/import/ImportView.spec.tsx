import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ImportResultDto } from '@marketswarm/shared/dto';
import { LOG_ID } from '../../journal-api/testing/journal-fixtures';
import { ImportView, type ImportViewProps } from './ImportView';
import { sampleCsv } from './csv-sample';
import { checkDraft, guessDraft, type MappingDraft } from './mapping-draft';
import type { MappingEditorProps } from './MappingEditor';

const idle = { pending: false, error: null };
const log = { id: LOG_ID, name: 'Main', currency: 'USD', startingCapital: 0, isDefault: true, archivedAt: null, createdAt: 0, updatedAt: 0 };
const result: ImportResultDto = { dryRun: true, broker: 'thinkorswim', format: 'thinkorswim', executions: 42, trades: 9, skipped: [{ line: 17, reason: 'Qty: must be a number' }], duplicates: 0, unmatched: [{ line: 30, reason: 'closes SPXW 5900P, opened before the file' }] };

function render(overrides: Partial<ImportViewProps> = {}): string {
  const props: ImportViewProps = {
    logs: [log],
    logId: LOG_ID,
    onLogId: () => undefined,
    onCreateLog: () => undefined,
    createState: idle,
    file: undefined,
    fileError: undefined,
    onFile: () => undefined,
    broker: undefined,
    onBroker: () => undefined,
    timeZone: 'America/New_York',
    onTimeZone: () => undefined,
    onPreview: () => undefined,
    preview: undefined,
    previewState: idle,
    canCommit: false,
    onCommit: () => undefined,
    commitState: idle,
    result: undefined,
    onStartOver: () => undefined,
    ...overrides,
  };
  return renderToStaticMarkup(
    <MemoryRouter>
      <ImportView {...props} />
    </MemoryRouter>,
  );
}

const CSV = 'Fills export 2026-12-01\nTrade Date,Action,Ticker,Shares,Price,Fees\n12/01/2026 09:31,SS,NVDA,100,140.25,1\n12/01/2026 10:02,BC,NVDA,100,139.75,1\n12/01/2026 11:00,XX,AAPL,5,230,0\n';
const MAPPING_ID = '44444444-4444-4444-8444-444444444444';

function editor(overrides: Partial<MappingEditorProps> = {}, draftOf: (draft: MappingDraft) => MappingDraft = (d) => d): MappingEditorProps {
  const sample = sampleCsv(CSV);
  const draft = draftOf(guessDraft(sample));
  const check = checkDraft(draft, sample);
  const noop = () => undefined;
  return {
    sample,
    hasFile: true,
    readError: undefined,
    onHeaderIndex: noop,
    draft,
    issues: check.ok ? [] : check.issues,
    onColumn: noop,
    onFees: noop,
    onDateFormat: noop,
    onSide: noop,
    onKind: noop,
    onBrokerName: noop,
    saved: [],
    savedId: '',
    onSavedId: noop,
    savedUnchanged: false,
    saveName: '',
    onSaveName: noop,
    onSaveAs: noop,
    onUpdate: noop,
    onDelete: noop,
    saveState: idle,
    deleteState: idle,
    ...overrides,
  };
}

describe(ImportView.name, () => {
  it('starts with the log, a file input and the format detected by default', () => {
    const html = render();
    expect(html).toContain('data-testid="import-file-input"');
    expect(html).toContain('type="file"');
    expect(html).toContain('Detect from the file');
    expect(html).toContain('value="America/New_York"');
    expect(html).not.toContain('data-testid="import-preview"');
    // Without a file there is nothing to preview.
    expect(html).toMatch(/<button type="submit" disabled=""[^>]*data-testid="import-dry-run"/);
  });

  it('previews the format, counts and every skipped or unmatched row with its line', () => {
    const html = render({ preview: result, canCommit: true });
    expect(html).toContain('data-testid="import-preview" data-format="thinkorswim"');
    expect(html).toContain('data-testid="import-executions" data-value="42"');
    expect(html).toContain('data-testid="import-trades" data-value="9"');
    expect(html).toContain('<td class="num">17</td><td>Qty: must be a number</td>');
    expect(html).toContain('closes SPXW 5900P, opened before the file');
    expect(html).toMatch(/<button type="button" class="primary" data-testid="import-commit">Commit import/);
  });

  it('shows the journal\'s refusal with the formats it lists', () => {
    const html = render({ previewState: { pending: false, error: { message: '422: unrecognised format', issues: [{ path: 'file', message: 'expected one of thinkorswim, ibkr-flex-xml' }] } } });
    expect(html).toContain('role="alert"');
    expect(html).toContain('expected one of thinkorswim, ibkr-flex-xml');
  });

  it('ends with the result and a link to the log\'s trades', () => {
    const html = render({ result: { ...result, dryRun: false } });
    expect(html).toContain('data-testid="import-result"');
    expect(html).toContain(`href="/trades?log=${LOG_ID}"`);
    expect(html).not.toContain('import-file-input');
  });

  it('offers to map the columns when detection knows no format', () => {
    expect(render()).not.toContain('data-testid="import-map-columns"');
    const html = render({ onMapColumns: () => undefined, previewState: { pending: false, error: { message: '422: unknown export format; recognised: thinkorswim', issues: [] } } });
    expect(html).toContain('data-testid="import-map-columns"');
    expect(html).toContain('Map the columns yourself');
  });

  describe('with the generic CSV chosen', () => {
    const file = new File([CSV], 'fills.csv', { type: 'text/csv' });

    it('shows a select per field, filled from the header row under the preamble, with an example value', () => {
      const html = render({ file, broker: 'generic-csv', mappingEditor: editor() });
      expect(html).toContain('data-testid="mapping-editor"');
      expect(html).toContain('<option value="generic-csv" selected="">Generic CSV (column mapping)</option>');
      expect(html).toMatch(/data-testid="mapping-header-line"><option value="0">Line 1: Fills export 2026-12-01<\/option><option value="1" selected="">Line 2: Trade Date, Action/);
      for (const field of ['date', 'time', 'symbol', 'side', 'quantity', 'price', 'account', 'orderId', 'currency', 'kind', 'commission', 'exchangeFee', 'clearingFee', 'dateFormat']) {
        expect(html).toContain(`data-testid="mapping-field-${field}"`);
      }
      expect(html).toMatch(/data-testid="mapping-field-symbol">.*<option value="Ticker" selected="">Ticker<\/option>/);
      expect(html).toContain('e.g. 12/01/2026 09:31');
      expect(html).toMatch(/<select[^>]*multiple=""[^>]*data-testid="mapping-field-commission">(<option value="[^"]*">[^<]*<\/option>)*<option value="Fees" selected="">Fees<\/option>/);
    });

    it('lists the side codes of the file with their meaning, and names the one still to choose', () => {
      const html = render({ file, broker: 'generic-csv', mappingEditor: editor() });
      expect(html).toMatch(/data-testid="mapping-side-SS">.*<option value="sell:open" selected="">Sell to open \(short\)<\/option>/);
      expect(html).toMatch(/data-testid="mapping-side-BC">.*<option value="buy:close" selected="">/);
      expect(html).toMatch(/data-testid="mapping-side-XX"><option value="" selected="">Choose…<\/option>/);
      expect(html).toContain('choose what &quot;XX&quot; means');
      expect(html).toContain('data-valid="false"');
      // An incomplete mapping cannot be previewed.
      expect(html).toMatch(/<button type="submit" disabled=""[^>]*data-testid="import-dry-run"/);
    });

    it('previews once every field and code has a meaning', () => {
      const html = render({ file, broker: 'generic-csv', mappingEditor: editor({}, (d) => ({ ...d, sides: { ...d.sides, XX: 'buy:unknown' } })) });
      expect(html).toContain('data-valid="true"');
      expect(html).not.toContain('field-error');
      expect(html).toMatch(/<button type="submit"[^>]*data-testid="import-dry-run"/);
      expect(html).not.toMatch(/<button type="submit" disabled=""[^>]*data-testid="import-dry-run"/);
    });

    it('names a column the saved mapping expects but the file lacks', () => {
      const html = render({ file, broker: 'generic-csv', mappingEditor: editor({}, (d) => ({ ...d, columns: { ...d.columns, date: 'T/D' } })) });
      expect(html).toMatch(/data-testid="mapping-field-date">.*<option value="T\/D" selected="">T\/D<\/option>/);
      expect(html).toContain('the file has no column &quot;T/D&quot;');
    });

    it('saves the mapping by name, and shows a taken name on the name field', () => {
      const saving = render({ file, broker: 'generic-csv', mappingEditor: editor({ saveName: 'Fills' }, (d) => ({ ...d, sides: { ...d.sides, XX: 'buy:unknown' } })) });
      expect(saving).toContain('data-testid="mapping-saved-select"><option value="" selected="">New mapping (from this file)</option>');
      expect(saving).toMatch(/<button type="button" data-testid="mapping-save">Save mapping<\/button>/);
      const taken = render({ file, broker: 'generic-csv', mappingEditor: editor({ saveName: 'Fills', saveState: { pending: false, error: { message: '409: an import mapping named Fills exists already', issues: [{ path: 'name', message: 'is taken by another of your mappings' }] } } }) });
      expect(taken).toMatch(/aria-invalid="true"[^>]*data-testid="mapping-save-name"/);
      expect(taken).toContain('is taken by another of your mappings');
    });

    it('offers rename, overwrite and delete for a saved mapping in the editor', () => {
      const saved = [{ id: MAPPING_ID, name: 'Fills', mapping: { name: 'generic-csv', columns: { date: 'Trade Date', symbol: 'Ticker', side: 'Action', quantity: 'Shares', price: 'Price', commission: [], exchangeFee: [], clearingFee: [] }, dateFormat: 'MM/DD/YYYY' as const, sides: {}, kinds: {} }, createdAt: 0, updatedAt: 0 }];
      const html = render({ file, broker: 'generic-csv', mappingEditor: editor({ saved, savedId: MAPPING_ID, savedUnchanged: true, saveName: 'Fills' }) });
      expect(html).toContain(`<option value="${MAPPING_ID}" selected="">Fills</option>`);
      expect(html).toContain('Unchanged: the import names it.');
      expect(html).toContain('data-testid="mapping-update"');
      expect(html).toContain('data-testid="mapping-delete"');
      expect(render({ file, broker: 'generic-csv', mappingEditor: editor({ saved, savedId: MAPPING_ID, saveName: 'Broker fills' }) })).toContain('Rename and save &quot;Fills&quot;');
    });

    it('asks for the file before it can list columns', () => {
      const html = render({ broker: 'generic-csv', mappingEditor: editor({ sample: undefined, hasFile: false }) });
      expect(html).toContain('Choose the file above');
      expect(html).not.toContain('data-testid="mapping-field-date"');
    });
  });
});
