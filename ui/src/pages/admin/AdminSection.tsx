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
