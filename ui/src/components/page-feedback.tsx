import type { ReactNode } from 'react';

/**
 * The few ways a page tells the trader how things stand: a labelled field with its error, a form's
 * status line, a failure line, and a failed load with a retry. One markup for each, so the pages
 * (and their e2e specs) see the same roles and classes everywhere.
 */

/** A field's refusal, under its input. */
export function FieldError({ error }: { error: string | undefined }) {
  return error ? <span className="jp-field-error">{error}</span> : null;
}

/** A labelled control with its refusal below it. */
export function Field({ label, error, children }: { label: string; error: string | undefined; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
      <FieldError error={error} />
    </label>
  );
}

/** What the last submit came to ("Saved.", "Check the highlighted fields."); nothing without a message. */
export function FormStatus({ message, testId }: { message: string | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="jp-message" role="status" data-testid={testId}>
      {message}
    </p>
  );
}

/** A failed load or action, announced; nothing without one. */
export function ErrorLine({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="error jp-message" role="alert">
      {error}
    </p>
  );
}

/** A load that failed, with its reason and a way to ask again. */
export function LoadFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{error.message}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
