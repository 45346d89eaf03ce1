import type { Config, DOMPurify } from 'dompurify';
import { safeHttpUrl } from './url';

/** The only markup a producer's text may keep: a few inline tags and http(s) links. */
export const ALLOWED_TAGS = ['b', 'strong', 'i', 'em', 'a', 'br', 'p'] as const;

export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer nofollow';

export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^https?:/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Unknown elements are dropped but keep their text; DOMPurify's default FORBID_CONTENTS drops the
  // contents of script, style, template, svg, math and the like entirely.
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
} satisfies Config;

/** The part of an element the link hook touches (a DOM Element; a fake one in unit specs). */
export interface LinkLike {
  readonly nodeName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** The href a link may keep, or undefined to drop it. */
export type SafeHref = (raw: string | null) => string | undefined;

/**
 * Runs after DOMPurify filtered an element's attributes: a link keeps its href only when `safeHref`
 * accepts it (http(s) by default), and always opens in a new tab without an opener or referrer.
 */
export function hardenLink(node: LinkLike, safeHref: SafeHref = safeHttpUrl): void {
  if (node.nodeName.toUpperCase() !== 'A') return;
  const href = safeHref(node.getAttribute('href'));
  if (href === undefined) node.removeAttribute('href');
  else node.setAttribute('href', href);
  node.setAttribute('target', LINK_TARGET);
  node.setAttribute('rel', LINK_REL);
}

/** What the sanitizer needs from DOMPurify. */
export type PurifyLike = Pick<DOMPurify, 'isSupported' | 'addHook' | 'sanitize'>;

/** Turns producer HTML into the allowed subset; undefined when no DOM is available to do it safely. */
export type Sanitizer = (html: string) => string | undefined;

/** What a kind of text may keep: DOMPurify's allow-list, and which link targets survive. */
export interface HtmlPolicy {
  config: Config & { RETURN_DOM?: false; RETURN_DOM_FRAGMENT?: false; RETURN_TRUSTED_TYPE?: false };
  safeHref: SafeHref;
}

/** Producer text (RSS summaries, commentary): the small inline set and http(s) links. */
export const PRODUCER_POLICY: HtmlPolicy = { config: SANITIZE_CONFIG, safeHref: safeHttpUrl };

/**
 * A sanitizer over a DOMPurify instance obtained on first use (`load` returns undefined without a
 * DOM, e.g. during server rendering or in unit specs): callers then fall back to plain text. The
 * instance gets the policy's link hook once; it should be the sanitizer's own, not the shared default.
 */
export function createSanitizer(load: () => PurifyLike | undefined, policy: HtmlPolicy = PRODUCER_POLICY): Sanitizer {
  let purify: PurifyLike | null | undefined;
  const instance = (): PurifyLike | null => {
    if (purify === undefined) {
      const loaded = load();
      if (loaded === undefined || !loaded.isSupported) {
        purify = null;
      } else {
        loaded.addHook('afterSanitizeAttributes', (node) => hardenLink(node, policy.safeHref));
        purify = loaded;
      }
    }
    return purify;
  };
  return (html) => {
    const p = instance();
    // Without a working DOM, DOMPurify returns its input unchanged: never let that reach markup.
    if (p === null) return undefined;
    return p.sanitize(html, policy.config);
  };
}
