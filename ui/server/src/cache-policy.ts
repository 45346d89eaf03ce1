/** Vite emits content-hashed file names under assets/: a new build never reuses a name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** HTML names the current hashed assets, so a browser must ask every time (cheap with the ETag). */
export const REVALIDATE_HTML = 'no-cache, must-revalidate';
/** Other files at the root (favicon, manifest) keep their names across builds. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * The Cache-Control of a file, from its path relative to the served root
 * (posix separators, no leading slash, without a `.br`/`.gz` suffix of a precompressed variant).
 */
export function cacheControlFor(relativePath: string): string {
  if (relativePath.startsWith('assets/')) return IMMUTABLE;
  if (relativePath.endsWith('.html')) return REVALIDATE_HTML;
  return REVALIDATE;
}
