import path from 'node:path';

/**
 * The file a raw (still percent-encoded) URL path names inside `root`, or `null` when the path
 * cannot be decoded, holds a NUL byte, climbs out of root with `..`, or names a dotfile.
 * Mirrors what `send` refuses, so a path we look at is a path `send` would serve.
 */
export function fileInsideRoot(root: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[\\/]+/).filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return null;
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** Whether the last segment of a URL path has a file extension (`/assets/app.js` yes, `/trades/42` no). */
export function hasExtension(rawPath: string): boolean {
  const last = rawPath.slice(rawPath.lastIndexOf('/') + 1);
  return last.lastIndexOf('.') > 0;
}
