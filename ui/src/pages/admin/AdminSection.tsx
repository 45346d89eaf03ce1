import type { ReactNode } from 'react';
import { ErrorLine } from '../../components/page-feedback';

export interface AdminSectionProps {
  /** The section's id: its heading is `<id>-title` and its test id `admin-<id>`. */
  id: string;
  title: string;
  /** A failed load, shown above the last data the section had (a refresh failing keeps the table). */
  error: string | undefined;
  loading: boolean;
  children?: ReactNode;
}

/** One titled panel of the admin page, labelled by its heading, with its loading and error lines. */
export function AdminSection({ id, title, error, loading, children }: AdminSectionProps) {
  return (
    <section className="jp-section admin-section" aria-labelledby={`${id}-title`} data-testid={`admin-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <ErrorLine error={error} />
      {loading && !error && <p className="jp-empty">Loading…</p>}
      {children}
    </section>
  );
}

/** A status word with its tone's colour (and the word itself, so colour is never the only cue). */
export function StatusBadge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'muted'; children: ReactNode }) {
  return <span className={`admin-badge admin-${tone}`}>{children}</span>;
}

export interface ConfirmBarProps {
  /** The group's accessible name (what is being confirmed). */
  label: string;
  /** `<testId>` on the bar, `<testId>-yes` and `<testId>-no` on its buttons. */
  testId: string;
  question: ReactNode;
  confirmText: string;
  /** The cancel button's accessible name, when "Cancel" alone would be ambiguous on the page. */
  cancelLabel?: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline "are you sure" for an admin action: the question, a danger button and Cancel. */
export function ConfirmBar({ label, testId, question, confirmText, cancelLabel, busy, onConfirm, onCancel }: ConfirmBarProps) {
  return (
    <div className="admin-confirm" role="group" aria-label={label} data-testid={testId}>
      <span>{question}</span>
      {/* Focus goes to the confirmation, so a keyboard user answers it next. */}
      <button type="button" className="admin-danger" onClick={onConfirm} disabled={busy} autoFocus data-testid={`${testId}-yes`}>
        {confirmText}
      </button>
      <button type="button" aria-label={cancelLabel} onClick={onCancel} disabled={busy} data-testid={`${testId}-no`}>
        Cancel
      </button>
    </div>
  );
}
