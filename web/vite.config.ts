/**
 * Vite build of the web app: `vite build web` (root = web/) writes web/dist, which `frontline serve` serves at `/`.
 * `vite web` is the development server; it forwards `/api` to a running `frontline serve` on port 3000.
 * @module
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [preact()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
