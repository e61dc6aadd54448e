import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The app is built into dist-web/ at the package root, which the API server serves (@fastify/static).
// `npm run dev:web` serves it with hot reload and passes /api to a server started with `npm start`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Small enough to inline nothing: every asset is a hashed file the server may cache for a year.
    assetsInlineLimit: 0,
    // React and Mantine make up most of one ~500 kB chunk (150 kB gzipped), fetched once and then
    // cached for good; splitting screens comes when there are screens enough to split.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
