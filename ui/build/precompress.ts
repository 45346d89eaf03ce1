import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json)$/;
/** Below this, the saving does not pay for the extra file and the stat per request. */
export const MIN_BYTES = 1024;

export function shouldPrecompress(fileName: string, size: number): boolean {
  return COMPRESSIBLE.test(fileName) && size > MIN_BYTES;
}

/**
 * Writes `.br` and `.gz` siblings of every compressible file in the build output, at maximum
 * compression (done once at build time, so the static server never compresses per request).
 * A variant is kept only when it is smaller than the original.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'marketswarm:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const files = await filesUnder(outDir);
      let written = 0;
      await Promise.all(
        files.map(async (file) => {
          const info = await stat(file);
          if (!shouldPrecompress(file, info.size)) return;
          const source = await readFile(file);
          const [br, gzipped] = await Promise.all([
            brotli(source, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gz(source, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          for (const [suffix, data] of [['.br', br], ['.gz', gzipped]] as const) {
            if (data.length >= source.length) continue;
            await writeFile(file + suffix, data);
            written++;
          }
        }),
      );
      config.logger.info(`precompressed: ${written} .br/.gz files written in ${path.relative(config.root, outDir) || '.'}`);
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
