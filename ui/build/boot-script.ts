import path from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Builds `entry` as its own tiny chunk and puts its `<script type="module">` first in index.html's
 * head, so it runs as soon as its few hundred bytes arrive — not after the app's entry, which the
 * browser needs about half a second to compile on a cold load (a second script in index.html would
 * be bundled into that same entry). It must import nothing the app's entry also imports.
 */
export function bootScript(entry: string): Plugin {
  const name = path.basename(entry).replace(/\.[cm]?[jt]sx?$/, '');
  let root = '';
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'marketswarm:boot-script',
    config: (config, env) => {
      command = env.command;
      root = path.resolve(config.root ?? process.cwd());
      if (env.command !== 'build') return;
      return { build: { rollupOptions: { input: { index: path.join(root, 'index.html'), [name]: path.join(root, entry) } } } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] {
        if (command === 'serve') return [{ tag: 'script', attrs: { type: 'module', src: `/${entry}` }, injectTo: 'head-prepend' }];
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === name);
        if (!chunk || chunk.type !== 'chunk') throw new Error(`bootScript: no entry chunk named ${name} in the build`);
        if (chunk.imports.length > 0) throw new Error(`bootScript: ${entry} imports ${chunk.imports.join(', ')}; it must stand alone`);
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
