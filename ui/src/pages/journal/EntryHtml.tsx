import DOMPurifyFactory from 'dompurify';
import { useMemo } from 'react';
import { plainText } from '../../text/plain-text';
import type { Sanitizer } from '../../text/html-policy';
import { createEntrySanitizer } from './entry-html';

/** The journal pages' own DOMPurify instance (its link hook does not touch anyone else's). */
export const sanitizeEntryHtml: Sanitizer = createEntrySanitizer(() =>
  typeof window === 'undefined' || typeof window.document === 'undefined' ? undefined : DOMPurifyFactory(window),
);

/**
 * Entry or retrospective HTML from the journal, rendered only after DOMPurify; as plain text when
 * no DOM is there to sanitise it.
 */
export function EntryHtml({ html, className, testId }: { html: string; className?: string; testId?: string }) {
  const markup = useMemo(() => sanitizeEntryHtml(html), [html]);
  if (markup === undefined) {
    return (
      <div className={`jp-html ${className ?? ''}`} data-testid={testId}>
        <p>{plainText(html)}</p>
      </div>
    );
  }
  return <div className={`jp-html ${className ?? ''}`} data-testid={testId} dangerouslySetInnerHTML={{ __html: markup }} />;
}
