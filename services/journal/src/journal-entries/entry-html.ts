import sanitizeHtml from 'sanitize-html';

/**
 * The HTML an entry keeps: the rich-text editor's formatting and nothing that can run, load or
 * restyle anything. Everything else is dropped on the server, whatever the client sent, so an entry
 * rendered in another tab (or exported) can never carry script.
 */
export const ENTRY_ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'u', 's', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a'] as const;
export const ENTRY_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
/** Every kept link opens without handing the journal's window to the page it opens. */
export const ENTRY_LINK_REL = 'noopener noreferrer';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ENTRY_ALLOWED_TAGS],
  // No class, style, id or on* anywhere; rel only because the transform below writes it.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: [...ENTRY_LINK_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  // `//evil.example` would inherit the page's scheme and slip past the scheme list.
  allowProtocolRelative: false,
  allowedIframeHostnames: [],
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // Their text is code or markup, not prose: dropped with the tag rather than left as visible text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title', 'xmp', 'noembed', 'noframes', 'plaintext'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs['href'] !== undefined && { href: attribs['href'] }), rel: ENTRY_LINK_REL } }),
  },
};

/** The allowed subset of `html` (see ENTRY_ALLOWED_TAGS), well-formed. */
export function sanitizeEntryHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
