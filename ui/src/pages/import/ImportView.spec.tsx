import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ImportResultDto } from '@marketswarm/shared/dto';
import { LOG_ID } from '../../journal-api/testing/journal-fixtures';
import { ImportView, type ImportViewProps } from './ImportView';

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
});
