import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The chunk files a chunk needs before it can run: itself, its static imports, transitively. */
export function chunkClosure(bundle: Record<string, { type: string; imports?: readonly string[] }>, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const chunk = bundle[file];
    if (chunk?.type !== 'chunk') return;
    seen.add(file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entry);
  return [...seen];
}

/**
 * Adds `<link rel="modulepreload">` for a lazily imported chunk (and what it imports) to
 * index.html, so the browser fetches it while it parses the entry instead of after. Used for the
 * workspace: almost every visit lands on it, but the sign-in page should not have to run it.
 */
export function preloadRoute(chunkName: string): Plugin {
  return {
    name: 'marketswarm:preload-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === chunkName && !c.isEntry);
        if (!entry) throw new Error(`preloadRoute: no chunk named ${chunkName} in the build (is it still imported lazily?)`);
        const alreadyLoaded = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [c.fileName, ...c.imports] : [])));
        return chunkClosure(bundle as Parameters<typeof chunkClosure>[0], entry.fileName)
          .filter((file) => !alreadyLoaded.has(file))
          .map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' }));
      },
    },
  };
}
