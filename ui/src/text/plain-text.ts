const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  minus: '−',
  percnt: '%',
};

function fromCodePoint(code: number): string {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** Decodes character references in one pass (so `&amp;lt;` becomes `&lt;`, never `<`). Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}

// A tag: `<name …>` or `</name>` with quoted attribute values that may contain `>`; comments,
// doctypes and processing instructions. A `<` not followed by a letter, `/`, `!` or `?` is text.
const TAG = /<\/?[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|<![\s\S]*?>|<\?[\s\S]*?>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const RAW_TEXT = /<(script|style|noscript|template|iframe|textarea|title|xmp)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TRUNCATED_TAG = /<\/?[a-zA-Z][^>]*$/;

/**
 * The text of an HTML fragment, for filtering, tooltips and places that must not hold markup:
 * tags are dropped (with the contents of script-like elements), entities decoded once, whitespace
 * collapsed. The result is shown as text by React, never parsed again as HTML.
 */
export function plainText(html: string): string {
  const stripped = html.replace(COMMENT, ' ').replace(RAW_TEXT, ' ').replace(TAG, ' ').replace(TRUNCATED_TAG, ' ');
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim();
}

/** Whether a producer string could hold markup or character references at all. */
export function mayHoldMarkup(text: string): boolean {
  return text.includes('<') || text.includes('&');
}
