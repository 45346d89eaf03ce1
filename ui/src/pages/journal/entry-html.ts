import { createSanitizer, SANITIZE_CONFIG, type HtmlPolicy, type PurifyLike, type Sanitizer } from '../../text/html-policy';
import { plainText } from '../../text/plain-text';

/**
 * The markup a journal entry or retrospective may hold: what the journal keeps after its own
 * sanitising (docs/API.md "Journal entries") and what the editor's StarterKit writes. The page
 * sanitises again before rendering or editing: the server is not the only line of defence.
 */
export const ENTRY_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a'] as const;

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

/** The producer policy of text/html-policy.ts with the entry's block tags and mailto links. */
export const ENTRY_POLICY: HtmlPolicy = {
  config: { ...SANITIZE_CONFIG, ALLOWED_TAGS: [...ENTRY_TAGS], ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i },
  safeHref: safeEntryHref,
};

/** An entry sanitizer over its own DOMPurify instance; undefined without a DOM (callers show plain text). */
export const createEntrySanitizer = (load: () => PurifyLike | undefined): Sanitizer => createSanitizer(load, ENTRY_POLICY);

/** True when the HTML holds no visible text (the editor's empty document is `<p></p>`). */
export function isBlankHtml(html: string): boolean {
  return plainText(html).trim() === '';
}
