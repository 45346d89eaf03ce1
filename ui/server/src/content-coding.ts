/** The precompressed variants the build writes next to a file, best first. */
export const CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CODINGS)[number];

export const CODING_SUFFIX: Readonly<Record<ContentCoding, string>> = { br: '.br', gzip: '.gz' };

const ALIASES: Readonly<Record<string, string>> = { 'x-gzip': 'gzip' };

/**
 * Picks the coding to answer with from an Accept-Encoding header and the variants that exist:
 * the highest q-value wins, ties go to the server's order (br before gzip), q=0 refuses a coding,
 * and `*` stands for every coding the header does not name. `null` means send the file as it is.
 */
export function chooseCoding(header: string | undefined, available: readonly ContentCoding[]): ContentCoding | null {
  if (!header) return null;
  const weights = parseAcceptEncoding(header);
  const wildcard = weights.get('*');
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of CODINGS) {
    if (!available.includes(coding)) continue;
    const q = weights.get(coding) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/** coding → q-value; entries with a malformed q-value are ignored, a repeated coding keeps its first value. */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [rawName, ...params] = entry.split(';');
    const name = rawName?.trim().toLowerCase() ?? '';
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() !== 'q') continue;
      q = value !== undefined && /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : Number.NaN;
    }
    if (Number.isNaN(q)) continue;
    const coding = ALIASES[name] ?? name;
    if (!weights.has(coding)) weights.set(coding, q);
  }
  return weights;
}
