import type { Config } from 'dompurify';
import type { LinkLike, PurifyLike } from '../../text/html-policy';
import { plainText } from '../../text/plain-text';

/**
 * The markup a journal entry or retrospective may hold: what the journal keeps after its own
 * sanitising (docs/API.md "Journal entries") and what the editor's StarterKit writes. The page
 * sanitises again before rendering or editing: the server is not the only line of defence.
 */
export const ENTRY_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a'] as const;

export const ENTRY_LINK_REL = 'noopener noreferrer nofollow';

export const ENTRY_SANITIZE_CONFIG = {
  ALLOWED_TAGS: [...ENTRY_TAGS],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
} satisfies Config;

/** The href an entry link may keep: http(s) with a host, or mailto; undefined for anything else. */
export function safeEntryHref(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') return url.href;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return url.href;
  return undefined;
}

/** After DOMPurify: a link keeps only a safe href and opens in a new tab without opener or referrer. */
export function hardenEntryLink(node: LinkLike): void {
  if (node.nodeName.toUpperCase() !== 'A') return;
  const href = safeEntryHref(node.getAttribute('href'));
  if (href === undefined) node.removeAttribute('href');
  else node.setAttribute('href', href);
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', ENTRY_LINK_REL);
}

export type EntrySanitizer = (html: string) => string | undefined;

/**
 * A sanitizer over a DOMPurify instance obtained on first use; undefined without a working DOM
 * (server rendering, unit specs), where callers show plain text instead.
 */
export function createEntrySanitizer(load: () => PurifyLike | undefined): EntrySanitizer {
  let purify: PurifyLike | null | undefined;
  return (html) => {
    if (purify === undefined) {
      const loaded = load();
      if (loaded === undefined || !loaded.isSupported) purify = null;
      else {
        loaded.addHook('afterSanitizeAttributes', (node) => hardenEntryLink(node));
        purify = loaded;
      }
    }
    // Without a DOM, DOMPurify hands its input back unchanged: never let that reach markup.
    if (purify === null) return undefined;
    return purify.sanitize(html, ENTRY_SANITIZE_CONFIG);
  };
}

/** True when the HTML holds no visible text (the editor's empty document is `<p></p>`). */
export function isBlankHtml(html: string): boolean {
  return plainText(html).trim() === '';
}
