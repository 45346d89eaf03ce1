import DOMPurifyFactory from 'dompurify';
import { useMemo, type ReactNode, type Ref } from 'react';
import { createSanitizer, LINK_REL, LINK_TARGET, type Sanitizer } from './html-policy';
import { mayHoldMarkup, plainText } from './plain-text';
import { safeHttpUrl } from './url';

export { plainText } from './plain-text';
export { isHttpUrl, safeHttpUrl } from './url';

/**
 * The page's one sanitizer: its own DOMPurify instance (hooks do not leak to other users of the
 * default one), created on first use in a browser and never outside one.
 */
const sanitize: Sanitizer = createSanitizer(() =>
  typeof window === 'undefined' || typeof window.document === 'undefined' ? undefined : DOMPurifyFactory(window),
);

export interface SafeHtmlProps {
  /** Producer HTML (an RSS summary): only b, strong, i, em, br, p and http(s) links survive. */
  html: string;
  className?: string;
  id?: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The one place producer text becomes markup. Text without `<` or `&` is rendered as text; the rest
 * goes through DOMPurify with the allow-list of html-policy.ts, or is shown as plain text when no
 * DOM is available to sanitize it.
 */
export function SafeHtml({ html, className, id, ref }: SafeHtmlProps) {
  const markup = useMemo(() => (mayHoldMarkup(html) ? sanitize(html) : undefined), [html]);
  if (markup === undefined) {
    return (
      <div className={className} id={id} ref={ref}>
        {mayHoldMarkup(html) ? plainText(html) : html}
      </div>
    );
  }
  return <div className={className} id={id} ref={ref} dangerouslySetInnerHTML={{ __html: markup }} />;
}

export interface ExternalLinkProps {
  /** A producer URL: only http(s) becomes a link. */
  href: string | undefined;
  children: ReactNode;
  className?: string;
  title?: string;
}

/** A link out of the app when `href` is http(s); otherwise the children alone, in a span. */
export function ExternalLink({ href, children, className, title }: ExternalLinkProps) {
  const safe = safeHttpUrl(href);
  if (safe === undefined) {
    return (
      <span className={className} title={title}>
        {children}
      </span>
    );
  }
  return (
    <a className={className} href={safe} target={LINK_TARGET} rel={LINK_REL} title={title}>
      {children}
    </a>
  );
}
