import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

export interface AssetSize {
  /** Path as the page requests it (`/assets/index-….js`). */
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface InitialBundle {
  /** The entry `<script type="module" src>` and every `<link rel="modulepreload">`, in page order. */
  js: AssetSize[];
  css: AssetSize[];
  jsGzipBytes: number;
  cssGzipBytes: number;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** The URLs index.html makes the browser fetch before the app runs. */
export function initialAssets(html: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    if (isScript && attr(tag, 'type') === 'module' && attr(tag, 'src')) js.push(attr(tag, 'src')!);
    if (!isScript) {
      const rel = attr(tag, 'rel')?.toLowerCase();
      const href = attr(tag, 'href');
      if (href && rel === 'modulepreload') js.push(href);
      if (href && rel === 'stylesheet') css.push(href);
    }
  }
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

/** Raw and gzip (level 9) size of a built asset, by the URL the page uses. */
export async function assetSize(distDir: string, url: string): Promise<AssetSize> {
  const file = path.join(distDir, new URL(url, 'https://x/').pathname);
  const raw = await readFile(file);
  return { url, rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length };
}

export async function measureInitialBundle(distDir: string): Promise<InitialBundle> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const urls = initialAssets(html);
  if (urls.js.length === 0) throw new Error(`${distDir}/index.html has no <script type="module" src>: is the UI built?`);
  const js = await Promise.all(urls.js.map((u) => assetSize(distDir, u)));
  const css = await Promise.all(urls.css.map((u) => assetSize(distDir, u)));
  const sum = (list: AssetSize[]) => list.reduce((total, a) => total + a.gzipBytes, 0);
  return { js, css, jsGzipBytes: sum(js), cssGzipBytes: sum(css) };
}
