import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorLine, Field, FieldError, FormStatus, LoadFailure } from './page-feedback';

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);

describe('page feedback', () => {
  it('shows nothing while there is nothing to say', () => {
    expect(html(<FieldError error={undefined} />)).toBe('');
    expect(html(<FormStatus message={undefined} />)).toBe('');
    expect(html(<FormStatus message="" />)).toBe('');
    expect(html(<ErrorLine error={undefined} />)).toBe('');
  });

  it('puts a field’s refusal under its control, inside its label', () => {
    expect(html(<Field label="Symbol" error="must not be empty"><input name="symbol" /></Field>)).toBe('<label>Symbol<input name="symbol"/><span class="jp-field-error">must not be empty</span></label>');
  });

  it('announces a form’s outcome politely and a failure at once', () => {
    expect(html(<FormStatus message="Recorded." testId="order-form-message" />)).toBe('<p class="jp-message" role="status" data-testid="order-form-message">Recorded.</p>');
    expect(html(<ErrorLine error="The journal is unreachable" />)).toBe('<p class="error jp-message" role="alert">The journal is unreachable</p>');
  });

  it('offers to load again after a failed load', () => {
    expect(html(<LoadFailure error={new Error('503: unavailable')} onRetry={() => undefined} />)).toBe('<div class="error" role="alert"><p>503: unavailable</p><button type="button">Try again</button></div>');
  });
});
