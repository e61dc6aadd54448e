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
    // Screens are loaded lazily (web/src/app-routes.tsx), so the first chunk holds React, the router,
    // Mantine's core and the sign-in screen (~280 kB). A warning past 350 kB says something big
    // slipped into it (docs/performance.md, "Staff app bundle").
    chunkSizeWarningLimit: 350,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
