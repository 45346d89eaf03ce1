import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootScript } from './build/boot-script.ts';
import { precompress } from './build/precompress.ts';
import { preloadRoute } from './build/preload-route.ts';

/**
 * The dev server forwards the backend routes to the SSE gateway (or to nginx, which knows the whole
 * route map: MS_DEV_BACKEND=https://127.0.0.1:8443). Port 5180: 5173 belongs to fotw-static.
 */
const backend = process.env['MS_DEV_BACKEND'] ?? 'http://127.0.0.1:3001';
const proxied = { target: backend, secure: false };

export default defineConfig({
  plugins: [react(), bootScript('src/boot/early-fetch.ts'), preloadRoute('WorkspacePage'), precompress()],
  server: {
    host: '127.0.0.1',
    port: 5180,
    strictPort: true,
    proxy: {
      '/api': proxied,
      '/sse': proxied,
      '/ws': { ...proxied, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
  },
});
